package dev.rubric.engine;

import dev.rubric.api.EvaluationException;
import dev.rubric.api.Rubric;
import dev.rubric.api.Rubrics;
import dev.rubric.api.Subject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Loading the same content twice in one JVM reuses the compiled rules, keyed by a digest of the
 * content, which results carry as {@code rubric.digest}.
 */
class CompiledRulesCacheTest {

    private static final String MANIFEST = "id: cache\nversion: \"1\"\ncategories:\n  - id: a\n    max: 10\n";
    private static final String RULES = """
            package cache;
            global dev.rubric.api.ScoreSheet score;
            declare Mark
              id : String
              n  : int
            end
            rule "M1" @id("M1") @category("a")
            when
              $m : Mark( n > 0 )
            then
              score.deduct(1, "mark " + $m.getId(), $m);
            end
            """;

    @TempDir
    Path dir;

    private RubricFolder folder(String name, String rules) {
        return RubricFolder.at(dir.resolve(name)).manifest(MANIFEST).file("rules.drl", rules);
    }

    private static Object compiled(Rubric rubric) {
        return ((LoadedRubric) rubric).compiled();
    }

    @Test
    void loadingTheSameFolderTwiceReusesTheCompiledRules() {
        // given
        RubricFolder folder = folder("one", RULES);

        // when
        Rubric first = folder.load();
        Rubric second = folder.load();

        // then
        assertThat(second.info().digest()).isEqualTo(first.info().digest());
        assertThat(compiled(second)).isSameAs(compiled(first));
    }

    @Test
    void theSameContentInAnotherFolderIsTheSameRubric() {
        // when
        Rubric first = folder("one", RULES).load();
        Rubric copy = folder("two", RULES).load();

        // then
        assertThat(copy.info().digest()).isEqualTo(first.info().digest());
        assertThat(compiled(copy)).isSameAs(compiled(first));
    }

    @Test
    void aChangedRuleFileChangesTheDigestAndIsCompiledAgain() {
        // given
        Rubric before = folder("one", RULES).load();

        // when a comment is added to the rule file
        Rubric after = folder("one", RULES + "// reviewed\n").load();

        // then
        assertThat(after.info().digest()).isNotEqualTo(before.info().digest());
        assertThat(compiled(after)).isNotSameAs(compiled(before));
    }

    @Test
    void aChangedManifestChangesTheDigest() {
        // given
        Rubric before = folder("one", RULES).load();

        // when
        Rubric after = RubricFolder.at(dir.resolve("one")).manifest(MANIFEST.replace("\"1\"", "\"2\"")).load();

        // then
        assertThat(after.info().digest()).isNotEqualTo(before.info().digest());
        assertThat(after.info().version()).isEqualTo("2");
    }

    @Test
    void theDigestIsSha256OfTheContent() {
        // when
        Rubric rubric = folder("one", RULES).load();

        // then
        assertThat(rubric.info().digest()).matches("sha256:[0-9a-f]{64}");
        assertThat(rubric.info().id()).isEqualTo("cache");
    }

    @Test
    void aRubricOnTheClasspathAndItsCopyInAFolderHaveOneDigest() throws IOException {
        // given the hygiene rubric copied from the classpath to a folder
        Path copy = dir.resolve("hygiene");
        Files.createDirectories(copy);
        for (String file : new String[] {"rubric.yaml", "hygiene.drl"}) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("rubrics/hygiene/" + file)) {
                Files.copy(in, copy.resolve(file));
            }
        }

        // when
        Rubric fromClasspath = Rubrics.load("classpath:rubrics/hygiene");
        Rubric fromFolder = Rubrics.load(copy);

        // then
        assertThat(fromFolder.info().digest()).isEqualTo(fromClasspath.info().digest());
        assertThat(compiled(fromFolder)).isSameAs(compiled(fromClasspath));
    }

    @Test
    void rubricsSharingCompiledRulesKeepTheirOwnFiringLimits() {
        // given a rule that re-activates itself 9 times
        RubricFolder folder = folder("loop", RULES.replace("score.deduct(1, \"mark \" + $m.getId(), $m);",
                "if ($m.getN() < 10) { modify($m) { setN($m.getN() + 1) }; }"));
        Rubric generous = folder.load();
        Rubric strict = folder.load(5);

        // when
        Object mark = generous.newFact("Mark", java.util.Map.of("id", "m", "n", 1));

        // then
        assertThat(compiled(strict)).isSameAs(compiled(generous));
        assertThat(generous.evaluate(Subject.of("S", null, mark)).total()).isEqualByComparingTo("10");
        assertThatThrownBy(() -> strict.evaluate(Subject.of("S", null, strict.newFact("Mark", java.util.Map.of("id", "m", "n", 1)))))
                .isInstanceOf(EvaluationException.class)
                .hasMessageContaining("firing limit of 5");
    }
}
