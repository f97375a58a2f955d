package dev.rubric.testkit;

import dev.rubric.api.Evaluation;
import dev.rubric.api.ItemKind;
import dev.rubric.api.Rubric;
import dev.rubric.model.CommendationLevel;
import dev.rubric.model.ViolationKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentest4j.AssertionFailedError;

import java.math.BigDecimal;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static dev.rubric.testkit.model.DepartmentBuilder.department;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The fluent assertions: each passes on what holds, and each failure shows what was expected, what was
 * found, and the subject's whole itemized explanation.
 */
@RubricTest(MiniRubric.LOCATION)
class EvaluationAssertTest {

    /** One late task and one commendation: T1 −1, G1 +1, total 10, grade 优秀. */
    private static Evaluation lateButCommended;

    @org.junit.jupiter.api.BeforeAll
    static void evaluate(Rubric rubric) {
        lateButCommended = rubric.evaluate(department().withLateTask("机要保密检查").withCommendation("党建", CommendationLevel.CITY).build());
    }

    @Test
    void everyAssertionPassesOnWhatHolds() {
        RubricAssertions.assertThat(lateButCommended)
                .hasTotal("10").hasTotal("10.00").hasTotalBeforeVeto("10").hasGrade("优秀").hasCategoryScore("targets", "9")
                .isNotVetoed().isBalanced().hasNoItem("T2").hasNoItem("V1")
                .hasItem("T1").withPoints("-1").withItemPoints("-1").times(1).ofKind(ItemKind.DEDUCTION)
                .withReasonContaining("机要保密检查").citing("T-D99-1")
                .hasItem("G1").withPoints("1").ofKind(ItemKind.ADDITION)
                .and().hasCategoryScore("bonus", "1");
    }

    static Stream<Arguments> failingAssertions() {
        return Stream.of(
                failing("hasTotal", a -> a.hasTotal("9"), "expected total 9 but was 10"),
                failing("hasTotalBeforeVeto", a -> a.hasTotalBeforeVeto("11"), "expected total before veto 11 but was 10"),
                failing("hasGrade", a -> a.hasGrade("合格"), "expected grade 合格 but was 优秀"),
                failing("hasNoGrade", EvaluationAssert::hasNoGrade, "expected grade none but was 优秀"),
                failing("hasRank", a -> a.hasRank(1), "expected rank 1 but was null"),
                failing("hasCategoryScore", a -> a.hasCategoryScore("targets", "10"), "expected score of category [targets] 10 but was 9"),
                failing("hasCategoryScore of an unknown category", a -> a.hasCategoryScore("service", "10"),
                        "expected a category [service], but the result has [targets, bonus]"),
                failing("isVetoed", EvaluationAssert::isVetoed, "expected the subject to be vetoed, but no veto applies"),
                failing("isVetoedBy", a -> a.isVetoedBy("V1"), "expected a veto by rule [V1], but there is none"),
                failing("hasItem", a -> a.hasItem("T2"), "expected an item of rule [T2], but the rule made none"),
                failing("hasNoItem", a -> a.hasNoItem("T1"), "expected no item of rule [T1], but it made 1 worth -1"),
                failing("hasNoItems", EvaluationAssert::hasNoItems, "expected no items, but there are 2"),
                failing("withPoints", a -> a.hasItem("T1").withPoints("-2"), "expected rule [T1] to move -2 points, but it moved -1"),
                failing("withItemPoints", a -> a.hasItem("T1").withItemPoints("-1", "-1"), "expected rule [T1] to score [-1, -1], but it scored [-1]"),
                failing("times", a -> a.hasItem("T1").times(2), "expected rule [T1] to score 2 times, but it scored 1 times"),
                failing("wasCapped", a -> a.hasItem("T1").wasCapped(), "expected rule [T1] to be capped by its @max, but it was not"),
                failing("ofKind", a -> a.hasItem("T1").ofKind(ItemKind.CAP), "expected an item of kind CAP from rule [T1], but its kinds are [DEDUCTION]"),
                failing("withReasonContaining", a -> a.hasItem("T1").withReasonContaining("换届"), "expected a reason of rule [T1] to contain \"换届\""),
                failing("citing", a -> a.hasItem("T1").citing("T-9"), "expected rule [T1] to cite fact [T-9] as evidence"));
    }

    private static Arguments failing(String name, Consumer<EvaluationAssert> assertion, String message) {
        return Arguments.of(name, assertion, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failingAssertions")
    void aFailureSaysWhatWasExpectedAndShowsTheWholeExplanation(String name, Consumer<EvaluationAssert> assertion, String message) {
        AssertionError error = catchThrowableOfType(AssertionError.class, () -> assertion.accept(RubricAssertions.assertThat(lateButCommended)));

        assertThat(error).as(name).isNotNull();
        assertThat(error.getMessage())
                .contains(message)
                .contains("── 测试单位 (D99)  总分 10  等次 优秀")                // the explanation's heading
                .contains("[T1] 目标任务「机要保密检查」逾期完成  targets.drl:9") // each item with its rule and source
                .contains("[G1] 「党建先进集体」");
    }

    @Test
    void aFailedValueComparisonCarriesActualAndExpectedForAnIdesDiff() {
        var error = catchThrowableOfType(AssertionFailedError.class, () -> RubricAssertions.assertThat(lateButCommended).hasTotal("9.5"));

        assertThat(error.getExpected().getValue()).isEqualTo("9.5");
        assertThat(error.getActual().getValue()).isEqualTo("10");
    }

    @Test
    void vetoAssertionsPassOnAVetoedSubject(Rubric rubric) {
        var vetoed = rubric.evaluate(department().withViolation(ViolationKind.EIGHT_PROHIBITIONS, "酒后驾驶公务车辆").build());

        RubricAssertions.assertThat(vetoed).isVetoed().isVetoedBy("V1").hasGrade("不合格").hasTotal("10")
                .hasItem("V1").ofKind(ItemKind.VETO).withPoints("0");
        Executable notVetoed = () -> RubricAssertions.assertThat(vetoed).isNotVetoed();
        assertThat(catchThrowableOfType(AssertionError.class, notVetoed::execute))
                .hasMessageContaining("expected no veto, but the subject is vetoed").hasMessageContaining("[V1] 违反《公务员八条禁令》：酒后驾驶公务车辆");
    }

    @Test
    void aCappedRuleIsSeenWithItsNetPoints(Rubric rubric) {
        var capped = rubric.evaluate(department().withLateTask("一").withLateTask("二").withLateTask("三").build());

        RubricAssertions.assertThat(capped).hasTotal("8")
                .hasItem("T1").times(3).withItemPoints("-1", "-1", "-1").withPoints("-2").wasCapped().ofKind(ItemKind.CAP);
    }

    @Test
    void isBalancedFailsOnAResultThatDoesNotAddUp() {
        var broken = new Evaluation(lateButCommended.subject(), lateButCommended.base(), new BigDecimal("12"), new BigDecimal("12"),
                "优秀", false, null, lateButCommended.categories(), lateButCommended.items());

        assertThat(catchThrowableOfType(AssertionError.class, () -> RubricAssertions.assertThat(broken).isBalanced()))
                .hasMessageContaining("expected base + items == total, but base + items is 10 and the total 12");
    }

    @Test
    void anAssertionOnNoResultFailsPlainly() {
        assertThat(catchThrowableOfType(AssertionError.class, () -> RubricAssertions.assertThat(null).hasTotal("1")))
                .hasMessageContaining("Expecting actual not to be null");
    }

    /** {@code as()} names the subject in every failure: of a value, of a whole result, and of one rule's items. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("failingAssertions")
    void aDescriptionGivenWithAsComesFirstInEveryFailure(String name, Consumer<EvaluationAssert> assertion, String message) {
        AssertionError error = catchThrowableOfType(AssertionError.class,
                () -> assertion.accept(RubricAssertions.assertThat(lateButCommended).as("甲单位 after the change")));

        assertThat(error).as(name).isNotNull();
        assertThat(error.getMessage()).as(name).startsWith("[甲单位 after the change] ").contains(message);
    }

    /** A failure with no single expected value carries none: an IDE shows no diff against a made-up null. */
    @Test
    void aFailureWithoutAnExpectedValueCarriesNone() {
        AssertionError missing = catchThrowableOfType(AssertionError.class, () -> RubricAssertions.assertThat(lateButCommended).hasItem("T2"));
        AssertionError rule = catchThrowableOfType(AssertionError.class,
                () -> RubricAssertions.assertThat(lateButCommended).hasItem("T1").withPoints("-2"));

        assertThat(missing).isNotInstanceOf(AssertionFailedError.class);
        assertThat(rule).isNotInstanceOf(AssertionFailedError.class);
    }
}
