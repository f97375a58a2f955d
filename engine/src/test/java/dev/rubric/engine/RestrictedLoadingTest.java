package dev.rubric.engine;

import dev.rubric.api.EvaluationException;
import dev.rubric.api.InvalidFactsException;
import dev.rubric.api.InvalidRubricException;
import dev.rubric.api.LoadOptions;
import dev.rubric.api.Rubric;
import dev.rubric.api.Subject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rubrics load restricted unless trusted: refused code is reported with its place and never runs. */
class RestrictedLoadingTest {

    private static final String MANIFEST = """
            id: restricted
            categories:
              - { id: work, name: Work, max: 10 }
            grades:
              - { id: good, min: 5 }
              - { id: poor }
            """;

    private static String rules(String then) {
        return """
                package rubrics.restricted;
                global dev.rubric.api.ScoreSheet score;
                declare Task
                  id : String
                end
                rule "W1"
                  @id("W1") @category("work")
                when
                  $t : Task()
                then
                  %s
                  score.deduct(1, "task " + $t.getId(), $t);
                end
                """.formatted(then);
    }

    @Test
    void aRubricThatReachesForTheSystemIsRefusedWithItsPlace(@TempDir Path dir) {
        RubricFolder folder = RubricFolder.at(dir).manifest(MANIFEST).file("work.drl", rules("System.exit(3);"));

        assertThatThrownBy(folder::load)
                .isInstanceOf(InvalidRubricException.class)
                .hasMessageContaining("work.drl:11:10: rule [W1] calls [java.lang.System.exit(int)], which restricted mode does not allow")
                .hasMessageContaining("Load a rubric you wrote or reviewed yourself trusted");
    }

    @Test
    void theSameRubricLoadsWhenTrusted(@TempDir Path dir) {
        RubricFolder folder = RubricFolder.at(dir).manifest(MANIFEST).file("work.drl", rules("String s = String.valueOf(System.nanoTime());"));

        assertThatThrownBy(folder::load).isInstanceOf(InvalidRubricException.class);
        assertThat(folder.loadTrusted().rules()).hasSize(1);
    }

    @Test
    void aTrustedLoadDoesNotOpenTheDoorForARestrictedLoadOfTheSameContent(@TempDir Path dir) {
        RubricFolder folder = RubricFolder.at(dir).manifest(MANIFEST).file("work.drl", rules("Thread.yield();"));

        folder.loadTrusted();

        assertThatThrownBy(folder::load).isInstanceOf(InvalidRubricException.class).hasMessageContaining("[java.lang.Thread.yield()]");
    }

    @Test
    void factsOfARestrictedRubricCannotNameArbitraryClasses(@TempDir Path dir) {
        Rubric rubric = RubricFolder.at(dir).manifest(MANIFEST).file("work.drl", rules("")).load();
        String json = "{\"id\":\"S1\",\"facts\":[{\"type\":\"java.util.ArrayList\"}]}";

        assertThatThrownBy(() -> rubric.readFacts(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "facts.json"))
                .isInstanceOf(InvalidFactsException.class)
                .hasMessageContaining("/facts/0/type")
                .hasMessageContaining("a restricted rubric's facts may not name other classes");
    }

    @Test
    void anEvaluationThatRunsPastItsTimeLimitStopsWithAnErrorNamingTheRule(@TempDir Path dir) {
        String looping = """
                package rubrics.slow;
                global dev.rubric.api.ScoreSheet score;
                declare Counter
                  n : int
                end
                rule "L1 count forever"
                  @id("L1")
                when
                  $c : Counter( n >= 0 )
                then
                  modify($c) { setN($c.getN() + 1) }
                end
                """;
        RubricFolder folder = RubricFolder.at(dir).manifest(MANIFEST).file("slow.drl", looping);
        Rubric rubric = new DroolsRubricLoader()
                .load(folder.path(), LoadOptions.restricted().withFiringLimit(Integer.MAX_VALUE).withTimeLimit(Duration.ofMillis(200)));
        Object counter = rubric.newFact("Counter", java.util.Map.of("n", 0));

        assertThatThrownBy(() -> rubric.evaluate(Subject.of("S1", "slow", counter)))
                .isInstanceOf(EvaluationException.class)
                .hasMessageContaining("subject [S1]")
                .hasMessageContaining("slow.drl:6")
                .hasMessageContaining("time limit of 200 ms")
                .hasMessageContaining("rule [L1]");
    }
}
