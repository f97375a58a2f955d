package dev.rubric.engine;

import dev.rubric.api.CohortResult;
import dev.rubric.api.Evaluation;
import dev.rubric.api.EvaluationException;
import dev.rubric.api.InvalidRubricException;
import dev.rubric.api.Evidence;
import dev.rubric.api.ItemKind;
import dev.rubric.api.LoadOptions;
import dev.rubric.api.Problem;
import dev.rubric.api.Rubric;
import dev.rubric.api.Rubrics;
import dev.rubric.api.ScoreItem;
import dev.rubric.api.Subject;
import dev.rubric.api.VetoEffect;
import dev.rubric.model.TargetTask;
import dev.rubric.model.TaskStatus;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Contract §3 at run time: the two phases, items attributed to the rule that fired, evidence as
 * references, facts of declared and model types, and the errors a rule can cause while it runs.
 */
class EvaluationTest {

    private static final Rubric HYGIENE = Rubrics.load("classpath:rubrics/hygiene");
    private static final Rubric FHRS = Rubrics.load("classpath:rubrics/fhrs");

    private static List<Subject> facts(Rubric rubric, String json) {
        return rubric.readFacts(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "facts.json").subjects();
    }

    private static Object finding(String id, String area, String points) {
        return HYGIENE.newFact("Finding", Map.of("id", id, "area", area, "points", new BigDecimal(points)));
    }

    private static String line(ScoreItem i) {
        return (i.rule() == null ? "-" : i.rule()) + " " + i.kind() + " " + i.points().stripTrailingZeros().toPlainString();
    }

    private static List<String> lines(Evaluation e) {
        return e.items().stream().map(EvaluationTest::line).toList();
    }

    @Nested
    class Attribution {

        @Test
        void anItemIsAttributedToTheRuleThatFired() {
            // given
            Subject kitchen = Subject.of("K1", "Kitchen", finding("f1", "hygiene", "3"));

            // when
            Evaluation e = HYGIENE.evaluate(kitchen);

            // then the rule passed only points, reason and evidence; the rest comes from its place in the rubric
            ScoreItem item = e.items().get(0);
            assertThat(item.rule()).isEqualTo("H1");
            assertThat(item.ruleName()).isEqualTo("H1 hygiene finding");
            assertThat(item.category()).isEqualTo("hygiene");
            assertThat(item.kind()).isEqualTo(ItemKind.DEDUCTION);
            assertThat(item.points()).isEqualByComparingTo("-3");
            assertThat(item.reason()).isEqualTo("hygiene finding f1");
            assertThat(item.source()).isEqualTo("hygiene.drl:24");
        }

        @Test
        void evidenceIsRecordedAsItsTypeAndId() {
            // given
            Subject kitchen = Subject.of("K1", "Kitchen", finding("f1", "hygiene", "3"));

            // when
            Evaluation e = HYGIENE.evaluate(kitchen);

            // then
            Evidence evidence = e.items().get(0).evidence().get(0);
            assertThat(evidence.type()).isEqualTo("Finding");
            assertThat(evidence.id()).isEqualTo("f1");
            assertThat(evidence.properties()).containsEntry("area", "hygiene").containsEntry("points", new BigDecimal("3"));
        }

        @Test
        void evidenceOfAFactWithoutIdKeepsWhatMatched() {
            // given an Inspection, which has no id
            Subject premises = facts(FHRS, "{\"id\": \"P1\", \"facts\": [{\"type\": \"Inspection\", \"hygiene\": 5, \"structural\": 10}]}").get(0);

            // when
            Evaluation e = FHRS.evaluate(premises);

            // then
            Evidence evidence = e.itemsOf("H1").get(0).evidence().get(0);
            assertThat(evidence.type()).isEqualTo("Inspection");
            assertThat(evidence.id()).isNull();
            assertThat(evidence.properties()).containsEntry("hygiene", 5).containsEntry("structural", 10);
        }

        @Test
        void evidenceOfAModelFactIsItsRecordWithId() {
            // given a rubric on the department fact model
            Rubric rubric = lateTasksRubric();
            TargetTask late = new TargetTask("T-3", "整改台账", "张三", LocalDate.of(2026, 6, 30), LocalDate.of(2026, 7, 2), TaskStatus.COMPLETED);

            // when
            Evaluation e = rubric.evaluate(Subject.of("D01", "县委办", late));

            // then
            ScoreItem item = e.itemsOf("A1").get(0);
            assertThat(item.reason()).isEqualTo("目标任务「整改台账」逾期完成");
            assertThat(item.evidence()).singleElement().satisfies(ev -> {
                assertThat(ev.type()).isEqualTo("TargetTask");
                assertThat(ev.id()).isEqualTo("T-3");
                assertThat(ev.properties()).containsEntry("deadline", LocalDate.of(2026, 6, 30));
            });
        }

        @Test
        void aRuleFiringForManyFactsMakesAnItemForEach() {
            // given
            Subject kitchen = Subject.of("K1", null, finding("f1", "hygiene", "3"), finding("f2", "hygiene", "4"),
                    finding("s1", "structure", "2"));

            // when
            Evaluation e = HYGIENE.evaluate(kitchen);

            // then
            assertThat(lines(e)).containsExactlyInAnyOrder("H1 DEDUCTION -3", "H1 DEDUCTION -4", "S1 DEDUCTION -2");
            assertThat(e.total()).isEqualByComparingTo("41");
        }

        @Test
        void decimalPointsFromRulesAreExact() {
            // given
            Subject kitchen = Subject.of("K1", null, finding("f1", "hygiene", "0.1"), finding("f2", "hygiene", "0.2"));

            // when
            Evaluation e = HYGIENE.evaluate(kitchen);

            // then
            assertThat(e.categories().get(0).score()).isEqualTo(new BigDecimal("24.7"));
        }

        @Test
        void doublePointsAreReadAsTheirDecimalText(@TempDir Path dir) {
            // given a rule deducting the doubles 0.1 and 0.2
            Rubric rubric = RubricFolder.at(dir).manifest("id: t\ncategories:\n  - id: a\n    max: 1\n").file("r.drl", """
                    package t;
                    global dev.rubric.api.ScoreSheet score;
                    rule "X" @id("X") @category("a")
                    when
                    then
                      score.deduct(0.1d, "a tenth");
                      score.deduct(0.2d, "two tenths");
                    end
                    """).load();

            // when
            Evaluation e = rubric.evaluate(Subject.of("S", null));

            // then 1 - 0.1 - 0.2 is 0.7, not 0.7000000000000001
            assertThat(e.total()).isEqualTo(new BigDecimal("0.7"));
        }
    }

    @Nested
    class Facts {

        @Test
        void theContractsExampleRuleScoresDeclaredFactsFromJson() {
            // given the facts of contract §5 for the rubric of contract §3
            List<Subject> subjects = facts(FHRS, """
                    [ { "id": "P1", "name": "The Crown",
                        "facts": [ { "type": "Inspection", "hygiene": 5, "structural": 10 } ] } ]
                    """);

            // when
            Evaluation e = FHRS.evaluate(subjects.get(0));

            // then
            assertThat(e.subject().name()).isEqualTo("The Crown");
            assertThat(lines(e)).containsExactly("H1 ADDITION 5", "S1 ADDITION 10");
            assertThat(e.itemsOf("H1").get(0).reason()).isEqualTo("hygiene area scored 5");
            assertThat(e.itemsOf("H1").get(0).source()).isEqualTo("fhrs.drl:14");
            assertThat(e.base()).isEqualByComparingTo("0");
            assertThat(e.total()).isEqualByComparingTo("15");
            assertThat(e.grade()).isEqualTo("5");
        }

        @Test
        void modelFactsAreReadFromJsonBySimpleName() {
            // given
            Rubric rubric = lateTasksRubric();
            List<Subject> subjects = facts(rubric, """
                    { "id": "D01", "name": "县委办", "facts": [
                      { "type": "TargetTask", "id": "T-3", "title": "整改台账", "deadline": "2026-06-30", "completedOn": "2026-07-02",
                        "status": "COMPLETED" } ] }
                    """);

            // when
            Evaluation e = rubric.evaluate(subjects.get(0));

            // then
            assertThat(lines(e)).containsExactly("A1 DEDUCTION -1");
        }

        @Test
        void factsMayNameAFullyQualifiedClass() {
            // given
            Rubric rubric = lateTasksRubric();
            List<Subject> subjects = facts(rubric, """
                    { "id": "D01", "facts": [
                      { "type": "dev.rubric.model.TargetTask", "id": "T-3", "title": "t", "deadline": "2026-06-30",
                        "completedOn": "2026-07-02", "status": "COMPLETED" } ] }
                    """);

            // when / then
            assertThat(subjects.get(0).facts()).singleElement().isInstanceOf(TargetTask.class);
        }

        @Test
        void aRubricWithoutAnyFactTypesScoresOnlyTheScoresOfItsCategories(@TempDir Path dir) {
            // given a rubric that declares no types and uses no fact model
            Rubric rubric = RubricFolder.at(dir).manifest("""
                    id: plain
                    categories:
                      - id: a
                        max: 10
                    grades:
                      - { id: full, min: 10 }
                      - { id: other }
                    """).file("r.drl", """
                    package plain;
                    import dev.rubric.api.TotalScore;
                    global dev.rubric.api.ScoreSheet score;
                    rule "G1" @id("G1") agenda-group "grading"
                    when
                      TotalScore( score == 10 )
                    then
                      score.limitGrade("other", "full marks are not given without facts");
                    end
                    """).load();

            // when a subject without facts is evaluated
            Evaluation e = rubric.evaluate(Subject.of("S1", null));

            // then
            assertThat(e.total()).isEqualByComparingTo("10");
            assertThat(e.grade()).isEqualTo("other");
            assertThat(lines(e)).containsExactly("G1 GRADE_LIMIT 0");
        }
    }

    @Nested
    class Phases {

        @Test
        void gradingRulesSeeTheCategoryAndTotalScores() {
            // given hygiene 16 and structural 0: a total of 16 would be rated 4
            Subject premises = Subject.of("P1", null, FHRS.newFact("Inspection", Map.of("hygiene", 16, "structural", 0)));

            // when
            Evaluation e = FHRS.evaluate(premises);

            // then G2 saw hygiene above 15 and a total below 30, and limited the rating to 3
            assertThat(e.total()).isEqualByComparingTo("16");
            assertThat(e.grade()).isEqualTo("3");
            assertThat(e.itemsOf("G2")).singleElement().satisfies(i -> {
                assertThat(i.kind()).isEqualTo(ItemKind.GRADE_LIMIT);
                assertThat(i.grade()).isEqualTo("3");
                assertThat(i.source()).isEqualTo("fhrs.drl:43");
            });
        }

        @Test
        void aVetoInTheGradingPhaseTakesTheManifestsDefaultEffect() {
            // given the worst score in both areas; the manifest's veto effect is none
            Subject premises = Subject.of("P1", null, FHRS.newFact("Inspection", Map.of("hygiene", 25, "structural", 25)));

            // when
            Evaluation e = FHRS.evaluate(premises);

            // then
            assertThat(e.vetoed()).isTrue();
            assertThat(e.grade()).isNull();
            assertThat(e.itemsOf("G1")).singleElement().satisfies(i -> assertThat(i.effect()).isEqualTo(new VetoEffect.NoGrade()));
        }

        @Test
        void aScoringPhaseVetoWithoutEffectFailsByDefault() {
            // given a kitchen of 50 points with a serious incident
            Subject kitchen = Subject.of("K1", null, HYGIENE.newFact("Incident", Map.of("id", "i1")));

            // when
            Evaluation e = HYGIENE.evaluate(kitchen);

            // then
            assertThat(e.grade()).isEqualTo("C");
            assertThat(e.total()).isEqualByComparingTo("50");
            assertThat(e.itemsOf("V1")).singleElement().satisfies(i -> {
                assertThat(i.kind()).isEqualTo(ItemKind.VETO);
                assertThat(i.effect()).isEqualTo(new VetoEffect.Fail());
                assertThat(i.evidence()).extracting(Evidence::id).containsExactly("i1");
            });
        }

        @Test
        void aRulesEffectOverridesTheManifestDefault(@TempDir Path dir) {
            // given a rule with @effect("zero") in a rubric whose default is fail
            Rubric rubric = RubricFolder.at(dir).manifest("""
                    id: t
                    categories:
                      - id: a
                        max: 100
                    grades:
                      - { id: A, min: 90 }
                      - { id: B, min: 50 }
                      - { id: C }
                    """).file("r.drl", """
                    package t;
                    global dev.rubric.api.ScoreSheet score;
                    rule "V1" @id("V1") @effect("zero")
                    when
                    then
                      score.veto("falsified records");
                    end
                    """).load();

            // when
            Evaluation e = rubric.evaluate(Subject.of("S1", null));

            // then
            assertThat(e.total()).isEqualByComparingTo("0");
            assertThat(e.totalBeforeVeto()).isEqualByComparingTo("100");
            assertThat(e.grade()).isEqualTo("C");
            assertThat(lines(e)).containsExactly("V1 VETO -100");
        }

        @Test
        void aCohortIsRankedWithQuotasApplied() {
            // given four kitchens; at most half may be graded A
            List<Subject> cohort = List.of(
                    Subject.of("K1", null, finding("f", "hygiene", "1")),
                    Subject.of("K2", null),
                    Subject.of("K3", null, finding("f", "hygiene", "1")),
                    Subject.of("K4", null, finding("f", "structure", "20")));

            // when
            CohortResult result = HYGIENE.evaluateCohort(cohort);

            // then K1 and K3 tie at the cut (49) and both drop to B
            assertThat(result.results()).extracting(r -> r.subject().id() + " " + r.rank() + " " + r.grade())
                    .containsExactly("K2 1 A", "K1 2 B", "K3 2 B", "K4 4 B");
            assertThat(result.rubric()).isEqualTo(HYGIENE.info());
        }

        @Test
        void aCohortWithTwoSubjectsOfOneIdIsRefused() {
            // when / then
            assertThatThrownBy(() -> HYGIENE.evaluateCohort(List.of(Subject.of("K1", null), Subject.of("K1", null))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("[K1]");
        }
    }

    @Nested
    class RuleErrors {

        @TempDir
        Path dir;

        private Rubric rubric(String then) {
            return rubric(then, LoadOptions.DEFAULT_FIRING_LIMIT);
        }

        /** A rubric whose rule X1 (line 9 of r.drl) matches an Inspection and runs the given consequence. */
        private Rubric rubric(String then, int firingLimit) {
            return RubricFolder.at(dir).manifest("""
                    id: t
                    categories:
                      - id: hygiene
                        max: 25
                    grades:
                      - { id: A, min: 20 }
                      - { id: B }
                    """).file("r.drl", """
                    package t;
                    import dev.rubric.api.TotalScore;
                    global dev.rubric.api.ScoreSheet score;
                    declare Inspection
                      id : String
                      hygiene : int
                      structural : int
                    end
                    rule "X" @id("X1") @category("hygiene")
                    when
                      $i : Inspection( hygiene > 0 )
                    then
                    """ + then + "\nend\n").load(firingLimit);
        }

        private static Subject inspected(Rubric rubric, int hygiene, int structural) {
            return Subject.of("S1", "one", rubric.newFact("Inspection", Map.of("id", "I1", "hygiene", hygiene, "structural", structural)));
        }

        @Test
        void aRuleThatThrowsNamesTheRuleItsPlaceAndTheSubject() {
            // given a consequence dividing by the structural score, which is 0
            Rubric rubric = rubric("  score.deduct(10 / $i.getStructural(), \"x\");");

            // when
            EvaluationException e = catchThrowableOfType(EvaluationException.class, () -> rubric.evaluate(inspected(rubric, 3, 0)));

            // then
            assertThat(e).isNotNull();
            assertThat(e.getMessage()).startsWith("evaluation of subject [S1] failed:");
            Problem problem = e.problems().get(0);
            assertThat(problem.where()).isEqualTo("r.drl:9");
            assertThat(problem.message()).contains("rule [X1]").contains("ArithmeticException").contains("/ by zero")
                    .contains("subject [S1]");
            assertThat(e).hasRootCauseInstanceOf(ArithmeticException.class);
        }

        @Test
        void aRuleThatKeepsReactivatingItselfStopsAtTheFiringLimit() {
            // given a rule that modifies the fact it matches, without no-loop
            Rubric rubric = rubric("  modify($i) { setHygiene($i.getHygiene() + 1) };", 50);

            // when
            EvaluationException e = assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> catchThrowableOfType(EvaluationException.class, () -> rubric.evaluate(inspected(rubric, 1, 0))));

            // then
            assertThat(e).isNotNull();
            assertThat(e.getMessage()).contains("subject [S1]");
            Problem problem = e.problems().get(0);
            assertThat(problem.where()).isEqualTo("r.drl:9");
            assertThat(problem.message()).contains("firing limit of 50").contains("rule [X1] fired").contains("no-loop");
        }

        @Test
        void aRuleFiringExactlyUpToTheLimitIsFine() {
            // given a rule that re-activates itself 4 times and stops
            Rubric rubric = rubric("  if ($i.getHygiene() < 5) { modify($i) { setHygiene($i.getHygiene() + 1) }; }", 5);

            // when
            Evaluation e = rubric.evaluate(inspected(rubric, 1, 0));

            // then
            assertThat(e.total()).isEqualByComparingTo("25");
        }

        @ParameterizedTest(name = "score.{0}({1}, ...) is an error saying [{2}]")
        @CsvSource(delimiter = '|', value = {
                "deduct | 0 - 2                    | with -2 points; points are given as a positive number",
                "add    | 0.5 - 1                  | with -0.5 points; points are given as a positive number",
                "deduct | null                     | with null points",
                "deduct | Double.NaN               | with NaN points; points must be a finite number",
                "add    | Double.POSITIVE_INFINITY | with Infinity points; points must be a finite number"})
        void pointsThatAreNotAPositiveNumberAreAnErrorNamingTheRule(String call, String points, String says) {
            // given
            Rubric rubric = rubric("  score." + call + "(" + points + ", \"x\");");

            // when
            EvaluationException e = catchThrowableOfType(EvaluationException.class, () -> rubric.evaluate(inspected(rubric, 3, 0)));

            // then
            assertThat(e).isNotNull();
            assertThat(e.problems()).singleElement().satisfies(p -> {
                assertThat(p.where()).isEqualTo("r.drl:9");
                assertThat(p.message()).startsWith("rule [X1] calls score." + call + " ").contains(says);
            });
        }

        @ParameterizedTest(name = "score.{0}({1}, ...) is refused when the rubric loads")
        @CsvSource(delimiter = '|', value = {"deduct | -2 | 2", "add | -0.5 | 0.5", "deduct | (-1) | 1"})
        void aNegativeNumberWrittenAsPointsIsARubricErrorBeforeAnyEvaluation(String call, String points, String positive) {
            // when
            InvalidRubricException e = catchThrowableOfType(InvalidRubricException.class,
                    () -> rubric("  score." + call + "(" + points + ", \"x\");"));

            // then check and evaluate both report it with its line, whether or not the rule would ever fire
            assertThat(e).isNotNull();
            assertThat(e.problems()).singleElement().satisfies(p -> {
                assertThat(p.where()).isEqualTo("r.drl:12");
                assertThat(p.message()).isEqualTo("rule [X] calls score." + call + "(" + points.replaceAll("[()]", "")
                        + ", …) with a negative number; points are given as a positive number, score." + call + "(" + positive
                        + ", …): score.deduct lowers the score and score.add raises it");
            });
        }

        @Test
        void limitingToAComputedGradeTheManifestLacksIsAnErrorNamingTheRule() {
            // given a grade the indexer cannot see, being taken from a fact
            Rubric rubric = rubric("  score.limitGrade($i.getId(), \"x\");");

            // when
            EvaluationException e = catchThrowableOfType(EvaluationException.class, () -> rubric.evaluate(inspected(rubric, 3, 0)));

            // then
            assertThat(e).isNotNull();
            assertThat(e.problems().get(0).toString())
                    .isEqualTo("r.drl:9: rule [X1] calls score.limitGrade(\"I1\"), but the manifest has no such grade; its grades are [A, B]");
        }

        @Test
        void aScoringRuleThatFiresInTheGradingPhaseMayNotDeduct(@TempDir Path other) {
            // given a rule outside the grading group that matches the TotalScore the grading phase inserts
            Rubric rubric = RubricFolder.at(other).manifest("id: t\ncategories:\n  - id: a\n    max: 10\n").file("r.drl", """
                    package t;
                    import dev.rubric.api.TotalScore;
                    global dev.rubric.api.ScoreSheet score;
                    rule "T" @id("T1") @category("a")
                    when
                      TotalScore( score > 5 )
                    then
                      score.deduct(1, "too late");
                    end
                    """).load();

            // when
            EvaluationException e = catchThrowableOfType(EvaluationException.class, () -> rubric.evaluate(Subject.of("S1", null)));

            // then
            assertThat(e).isNotNull();
            assertThat(e.problems().get(0).toString()).startsWith("r.drl:4: rule [T1] calls score.deduct in the grading phase");
        }
    }

    /** A rubric on the department fact model: A1 deducts 1 for each target task completed after its deadline. */
    private static Rubric lateTasksRubric() {
        return Rubrics.load("classpath:rubrics/late-tasks");
    }
}
