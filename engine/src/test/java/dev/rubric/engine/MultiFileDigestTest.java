package dev.rubric.engine;

import dev.rubric.api.Rubric;
import dev.rubric.api.Subject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The content digest of a rubric of several rule files covers every file, whatever its place in the folder:
 * a change to any of them is a new rubric, with a new digest, compiled again, never served from the cache.
 *
 * <p>Guards the planted bug "the result digest covers only the first rule file" (the digest then hashed
 * {@code a.drl} alone, and an edited {@code b.drl} was answered with the stale compiled rules).
 */
class MultiFileDigestTest {

    private static final String MANIFEST = "id: digest\nversion: \"1\"\ncategories:\n  - id: a\n    max: 10\n";
    private static final String FACTS = """
            package digest;
            declare Mark
              id : String
              n  : int
            end
            """;

    @TempDir
    Path dir;

    /** Three files: the fact type, a rule deducting {@code first} points and, sorted last, one deducting {@code last}. */
    private RubricFolder folder(String name, int first, int last) {
        return RubricFolder.at(dir.resolve(name)).manifest(MANIFEST)
                .file("a.drl", FACTS)
                .file("b.drl", rule("B1", first))
                .file("rules/z.drl", rule("Z1", last));
    }

    private static String rule(String id, int points) {
        return """
                package digest;
                global dev.rubric.api.ScoreSheet score;
                rule "%1$s" @id("%1$s") @category("a")
                when
                  $m : Mark( n > 0 )
                then
                  score.deduct(%2$d, "%1$s " + $m.getId(), $m);
                end
                """.formatted(id, points);
    }

    private static Object compiled(Rubric rubric) {
        return ((LoadedRubric) rubric).compiled();
    }

    private static String total(Rubric rubric) {
        Object mark = rubric.newFact("Mark", Map.of("id", "m", "n", 1));
        return rubric.evaluate(Subject.of("S", null, mark)).total().toPlainString();
    }

    @Test
    void aChangeToTheLastRuleFileChangesTheDigestAndTheScore() {
        // given a rubric of three files, loaded once
        Rubric before = folder("one", 1, 2).load();

        // when only the file sorted last changes, in the same folder
        Rubric after = folder("one", 1, 3).load();

        // then it is a new rubric: new digest, compiled again, scored with the new points
        assertThat(after.info().digest()).isNotEqualTo(before.info().digest());
        assertThat(compiled(after)).isNotSameAs(compiled(before));
        assertThat(total(before)).isEqualTo("7");
        assertThat(total(after)).isEqualTo("6");
    }

    @Test
    void aChangeToAMiddleRuleFileChangesTheDigest() {
        // given
        Rubric before = folder("one", 1, 2).load();

        // when
        Rubric after = folder("two", 4, 2).load();

        // then
        assertThat(after.info().digest()).isNotEqualTo(before.info().digest());
        assertThat(total(after)).isEqualTo("4");
    }

    @Test
    void theSameFilesInAnotherFolderShareTheDigestAndTheCompiledRules() {
        // when
        Rubric first = folder("one", 1, 2).load();
        Rubric copy = folder("two", 1, 2).load();

        // then
        assertThat(copy.info().digest()).isEqualTo(first.info().digest());
        assertThat(compiled(copy)).isSameAs(compiled(first));
    }

    @Test
    void movingARuleFromOneFileToAnotherChangesTheDigest() {
        // given the same rule text, once in b.drl and once in c.drl (its source in every item changes)
        Rubric inB = RubricFolder.at(dir.resolve("b")).manifest(MANIFEST).file("a.drl", FACTS).file("b.drl", rule("B1", 1)).load();
        Rubric inC = RubricFolder.at(dir.resolve("c")).manifest(MANIFEST).file("a.drl", FACTS).file("c.drl", rule("B1", 1)).load();

        // then
        assertThat(inC.info().digest()).isNotEqualTo(inB.info().digest());
        assertThat(inC.evaluate(Subject.of("S", null, inC.newFact("Mark", Map.of("id", "m", "n", 1)))).items())
                .singleElement().satisfies(i -> assertThat(i.source()).startsWith("c.drl:"));
    }
}
