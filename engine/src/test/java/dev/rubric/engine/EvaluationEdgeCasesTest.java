package dev.rubric.engine;

import dev.rubric.api.Evaluation;
import dev.rubric.api.InvalidFactsException;
import dev.rubric.api.LoadOptions;
import dev.rubric.api.Rubric;
import dev.rubric.api.Subject;
import dev.rubric.engine.internal.json.ResultJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What rule authors and integrators do that the plain cases do not: binary arithmetic, mutating rules, truth maintenance. */
class EvaluationEdgeCasesTest {

    private static final String MANIFEST = """
            id: edges
            categories:
              - { id: work, name: Work, max: 100 }
            grades:
              - { id: good, min: 60 }
              - { id: poor }
            """;

    private static Rubric rubric(Path dir, String drl) {
        return RubricFolder.at(dir).manifest(MANIFEST).file("work.drl", """
                package rubrics.edges;
                global dev.rubric.api.ScoreSheet score;
                declare Task
                  id : String
                  n  : int
                end
                declare Late
                  task : String
                end
                """ + drl).load();
    }

    private static List<Subject> facts(Rubric rubric, String json) {
        return rubric.readFacts(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "facts.json").subjects();
    }

    @Test
    void binaryArithmeticInARuleDoesNotLeakIntoExactScores(@TempDir Path dir) {
        Rubric rubric = rubric(dir, """
                rule "W1" @id("W1") @category("work")
                when
                  $t : Task()
                then
                  score.deduct(0.1 * $t.getN(), "tenth of n", $t);
                end
                """);
        Subject s = facts(rubric, "{\"id\":\"S1\",\"facts\":[{\"type\":\"Task\",\"id\":\"T1\",\"n\":3}]}").get(0);

        Evaluation e = rubric.evaluate(s);

        assertThat(e.items().get(0).points()).isEqualByComparingTo("-0.3");
        assertThat(ResultJson.toJson(rubric.info(), e)).contains("\"points\": -0.3,").contains("\"total\": 99.7,");
    }

    @Test
    void aRuleThatModifiesAFactDoesNotChangeTheCallersFactOrTheNextEvaluation(@TempDir Path dir) {
        Rubric rubric = rubric(dir, """
                rule "W1" @id("W1") @category("work") no-loop
                when
                  $t : Task( n == 0 )
                then
                  score.deduct(1, "n was 0", $t);
                  modify($t) { setN(1) }
                end
                """);
        Subject s = facts(rubric, "{\"id\":\"S1\",\"facts\":[{\"type\":\"Task\",\"id\":\"T1\",\"n\":0}]}").get(0);

        Evaluation first = rubric.evaluate(s);
        Evaluation second = rubric.evaluate(s);

        assertThat(first.total()).isEqualByComparingTo("99");
        assertThat(second.total()).isEqualByComparingTo("99");
        assertThat(ResultJson.toJson(rubric.info(), second)).isEqualTo(ResultJson.toJson(rubric.info(), first));
    }

    @Test
    void logicalInsertionsWorkAsInOrdinaryDrl(@TempDir Path dir) {
        Rubric rubric = rubric(dir, """
                rule "W1 mark late" @id("W1")
                when
                  $t : Task( n > 5 )
                then
                  insertLogical(new Late($t.getId()));
                end
                rule "W2 late" @id("W2") @category("work")
                when
                  $l : Late()
                then
                  score.deduct(2, "late " + $l.getTask(), $l);
                end
                """);
        Subject s = facts(rubric, "{\"id\":\"S1\",\"facts\":[{\"type\":\"Task\",\"id\":\"T1\",\"n\":9}]}").get(0);

        assertThat(rubric.evaluate(s).total()).isEqualByComparingTo("98");
    }

    @Test
    void theContractsExampleFactsAreReadWithoutAStatus(@TempDir Path dir) {
        Rubric rubric = rubric(dir, "");

        List<Subject> subjects = facts(rubric, """
                [ { "id": "D01", "name": "县委办",
                    "facts": [ { "type": "TargetTask", "id": "T-3", "title": "…", "deadline": "2026-06-30", "completedOn": null } ] } ]
                """);

        assertThat(subjects.get(0).facts()).singleElement().hasToString(
                "TargetTask[id=T-3, title=…, responsible=null, deadline=2026-06-30, completedOn=null, status=IN_PROGRESS]");
    }

    @Test
    void anIllTypedPropertyOfAModelFactIsNamedInPlainWords(@TempDir Path dir) {
        Rubric rubric = rubric(dir, "");

        assertThatThrownBy(() -> facts(rubric, "{\"id\":\"S1\",\"facts\":[{\"type\":\"Survey\",\"id\":\"SV\",\"group\":\"PUBLIC\",\"respondents\":\"10\",\"satisfied\":5}]}"))
                .isInstanceOf(InvalidFactsException.class)
                .hasMessageContaining("at /facts/0/respondents: subject [S1]: property [respondents] needs a whole number, found the text \"10\"")
                .hasMessageNotContaining("Coercion");
    }

    @Test
    void aFolderThatIsAFileIsReportedAsSuch(@TempDir Path dir) {
        Path file = RubricFolder.at(dir).manifest(MANIFEST).path().resolve("rubric.yaml");

        assertThatThrownBy(() -> new DroolsRubricLoader().load(file, LoadOptions.restricted()))
                .hasMessageContaining("is not a folder; give the folder that holds rubric.yaml");
    }
}
