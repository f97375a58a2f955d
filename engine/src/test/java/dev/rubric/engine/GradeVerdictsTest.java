package dev.rubric.engine;

import dev.rubric.api.CohortResult;
import dev.rubric.api.Evaluation;
import dev.rubric.api.EvaluationException;
import dev.rubric.api.ItemKind;
import dev.rubric.api.Rubric;
import dev.rubric.api.Subject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Grade verdicts end to end, from rule files: the {@code cap:<grade>} veto, the most restrictive of several grade
 * limits, the refusal of points in the grading phase, and the order of a cohort's results by subject id. Each was
 * guarded by a single test; these are independent second guards, written through real rules.
 */
class GradeVerdictsTest {

    private static final String MANIFEST = """
            id: verdicts
            categories:
              - { id: work, max: 100 }
            veto: { effect: %s }
            grades:
              - { id: 优秀, min: 90 }
              - { id: 良好, min: 80 }
              - { id: 合格, min: 60 }
              - { id: 不合格 }
            """;

    private static final String FACTS = """
            package verdicts;
            import dev.rubric.api.TotalScore;
            global dev.rubric.api.ScoreSheet score;
            declare Mark
              id   : String
              kind : String
              n    : int
            end
            rule "L lost points" @id("L") @category("work")
            when
              $m : Mark( kind == "loss" )
            then
              score.deduct($m.getN(), "lost " + $m.getN(), $m);
            end
            """;

    @TempDir
    Path dir;

    private Rubric rubric(String vetoEffect, String rules) {
        return RubricFolder.at(dir).manifest(MANIFEST.formatted(vetoEffect)).file("facts.drl", FACTS).file("verdicts.drl", rules).load();
    }

    private static Subject subject(Rubric rubric, String id, int lost, String... kinds) {
        List<Object> facts = new java.util.ArrayList<>();
        facts.add(rubric.newFact("Mark", Map.of("id", id + "-loss", "kind", "loss", "n", lost)));
        for (String kind : kinds) {
            facts.add(rubric.newFact("Mark", Map.of("id", id + "-" + kind, "kind", kind, "n", 0)));
        }
        return new Subject(id, null, facts);
    }

    private static String veto(String id, String effect) {
        return """
                rule "%1$s" @id("%1$s") %2$s
                when
                  $m : Mark( kind == "%1$s" )
                then
                  score.veto("veto %1$s", $m);
                end
                """.formatted(id, effect == null ? "" : "@effect(\"" + effect + "\")");
    }

    private static String limit(String id, String grade, int salience) {
        return """
                rule "%1$s" @id("%1$s") agenda-group "grading" salience %3$d
                when
                  TotalScore( score >= 0 )
                  $m : Mark( kind == "%1$s" )
                then
                  score.limitGrade("%2$s", "limited to %2$s", $m);
                end
                """.formatted(id, grade, salience);
    }

    /** Guards the {@code cap:<grade>} veto: it fails when the cap is ignored. */
    @Test
    void aCapVetoOfARuleHoldsTheGradeAtItsGradeAndKeepsTheTotal() {
        // given a rule whose veto caps at 良好
        Rubric rubric = rubric("fail", "package verdicts;\nglobal dev.rubric.api.ScoreSheet score;\n" + veto("C1", "cap:良好"));

        // when a subject of 95 is vetoed by it
        Evaluation e = rubric.evaluate(subject(rubric, "S", 5, "C1"));

        // then
        assertThat(e.grade()).isEqualTo("良好");
        assertThat(e.total()).isEqualByComparingTo("95");
        assertThat(e.vetoed()).isTrue();
        assertThat(e.itemsOf("C1")).singleElement().satisfies(i -> assertThat(i.kind()).isEqualTo(ItemKind.VETO));
    }

    /** Guards the {@code cap:<grade>} veto as the manifest's default effect. */
    @Test
    void theManifestsCapEffectAppliesToAVetoWithoutEffectOfItsOwn() {
        // given veto: { effect: cap:合格 } and a rule without @effect
        Rubric rubric = rubric("cap:合格", "package verdicts;\nglobal dev.rubric.api.ScoreSheet score;\n" + veto("V1", null));

        // when
        Evaluation best = rubric.evaluate(subject(rubric, "S1", 0, "V1"));
        Evaluation worse = rubric.evaluate(subject(rubric, "S2", 50, "V1"));

        // then 100 is held at 合格, and 50 stays 不合格: a cap never lifts a grade
        assertThat(best.grade()).isEqualTo("合格");
        assertThat(best.total()).isEqualByComparingTo("100");
        assertThat(worse.grade()).isEqualTo("不合格");
    }

    /** Guards "the most restrictive grade limit wins": it fails when the last limit to fire wins. */
    @Test
    void theMostRestrictiveGradeLimitWinsWhicheverFiresFirst() {
        // given two grading rules limiting to 良好 and 合格, fired in both orders
        String mildFirst = "package verdicts;\nimport dev.rubric.api.TotalScore;\nglobal dev.rubric.api.ScoreSheet score;\n"
                + limit("G1", "良好", 10) + limit("G2", "合格", 1);
        String strictFirst = "package verdicts;\nimport dev.rubric.api.TotalScore;\nglobal dev.rubric.api.ScoreSheet score;\n"
                + limit("G1", "良好", 1) + limit("G2", "合格", 10);

        for (String rules : List.of(mildFirst, strictFirst)) {
            Rubric rubric = RubricFolder.at(dir.resolve("r" + rules.hashCode())).manifest(MANIFEST.formatted("fail"))
                    .file("facts.drl", FACTS).file("verdicts.drl", rules).load();

            // when a subject of 98 meets both
            Evaluation e = rubric.evaluate(subject(rubric, "S", 2, "G1", "G2"));

            // then
            assertThat(e.grade()).isEqualTo("合格");
            assertThat(e.items()).filteredOn(i -> i.kind() == ItemKind.GRADE_LIMIT).extracting(i -> i.rule() + " " + i.grade())
                    .containsExactlyInAnyOrder("G1 良好", "G2 合格");
        }
    }

    @Test
    void aCapVetoAndAStricterGradeLimitGiveTheStricterGrade() {
        // given a cap at 良好 and a limit to 合格
        Rubric rubric = rubric("fail", "package verdicts;\nimport dev.rubric.api.TotalScore;\nglobal dev.rubric.api.ScoreSheet score;\n"
                + veto("C1", "cap:良好") + limit("G1", "合格", 0));

        // when
        Evaluation e = rubric.evaluate(subject(rubric, "S", 0, "C1", "G1"));

        // then
        assertThat(e.grade()).isEqualTo("合格");
    }

    /** Guards the refusal of points in the grading phase at evaluation, where the indexer cannot see the call. */
    @Test
    void aGradingRuleThatAddsPointsThroughAFunctionIsRefusedWhenItFires() {
        // given a grading rule whose score.add the indexer cannot see, being inside a function
        Rubric rubric = rubric("fail", """
                package verdicts;
                import dev.rubric.api.TotalScore;
                import dev.rubric.api.ScoreSheet;
                global dev.rubric.api.ScoreSheet score;
                function void reward(ScoreSheet sheet) {
                  sheet.add(1, "reward");
                }
                rule "G9" @id("G9") @category("work") agenda-group "grading"
                when
                  TotalScore( score > 50 )
                then
                  reward(score);
                end
                """);

        // when
        EvaluationException e = catchThrowableOfType(EvaluationException.class, () -> rubric.evaluate(subject(rubric, "S1", 0)));

        // then
        assertThat(e).isNotNull();
        assertThat(e.problems().get(0).toString()).startsWith("verdicts.drl:8: rule [G9] calls score.add in the grading phase")
                .contains("grading rules may only call score.veto and score.limitGrade");
    }

    /** Guards the order of a cohort's results by subject id among equal ranks. */
    @Test
    void tiedSubjectsAreListedBySubjectIdWhateverOrderTheyCameIn() {
        // given
        Rubric rubric = rubric("fail", "package verdicts;\nglobal dev.rubric.api.ScoreSheet score;\n" + veto("V1", null));

        // when three tie on 90 and one leads with 95, given in no order
        CohortResult result = rubric.evaluateCohort(List.of(subject(rubric, "D10", 10), subject(rubric, "D03", 10),
                subject(rubric, "D07", 5), subject(rubric, "D01", 10)));

        // then
        assertThat(result.results()).extracting(r -> r.subject().id() + " " + r.rank())
                .containsExactly("D07 1", "D01 2", "D03 2", "D10 2");
    }
}
