package dev.rubric.testkit;

import dev.rubric.api.Rubric;
import dev.rubric.api.Rubrics;
import dev.rubric.api.Subject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A cohort read with the old version of a rubric is scored by the new version too, facts of declared types included. */
class RubricDiffAcrossLoadsTest {

    private static Rubric canteen(Path dir, String version) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("rubric.yaml"), "id: canteen\nversion: \"" + version + "\"\ncategories:\n  - { id: hygiene, max: 100 }\n",
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("hygiene.drl"), """
                package rubrics.canteen;
                global dev.rubric.api.ScoreSheet score;
                declare Inspection
                  id        : String
                  pestsSeen : boolean
                end
                rule "H1 pests" @id("H1") @category("hygiene")
                when
                  $i : Inspection( pestsSeen )
                then
                  score.deduct(%s, "pests seen", $i);
                end
                """.formatted(version.equals("1") ? "50" : "60"), StandardCharsets.UTF_8);
        return Rubrics.load(dir);
    }

    @Test
    void theNewVersionSeesTheFactsTheOldVersionRead(@TempDir Path dir) throws IOException {
        // given a cohort read with version 1, whose Inspection is a class of version 1's own
        Rubric old = canteen(dir.resolve("v1"), "1");
        Rubric neu = canteen(dir.resolve("v2"), "2");
        List<Subject> cohort = old.readFacts(new ByteArrayInputStream(
                "[{\"id\": \"C1\", \"facts\": [{\"type\": \"Inspection\", \"id\": \"I-1\", \"pestsSeen\": true}]}]".getBytes(StandardCharsets.UTF_8)),
                "canteens.json").subjects();

        // when
        RubricDiff diff = RubricDiff.compare(old, neu, cohort);

        // then the pests count in both versions: 50 before, 40 after, not 100 after
        assertThat(diff.subjects()).singleElement().satisfies(c -> {
            assertThat(c.totalBefore()).isEqualByComparingTo("50");
            assertThat(c.totalAfter()).isEqualByComparingTo("40");
        });
    }
}
