package dev.rubric.testkit;

import dev.rubric.api.Evaluation;
import dev.rubric.api.ItemKind;
import dev.rubric.api.Manifest;
import dev.rubric.api.Rubric;
import dev.rubric.api.Subject;
import dev.rubric.api.VetoEffect;
import dev.rubric.api.Numbers;
import dev.rubric.engine.internal.json.ResultJson;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Ready-made properties any rubric can be checked against, one method each; call them from jqwik
 * {@code @Property} methods with random subjects (see {@code dev.rubric.testkit.model.DepartmentArbitraries}).
 * Each throws an {@link AssertionError} with the subject's explanation when it does not hold.
 */
public final class RubricProperties {

    private RubricProperties() {
    }

    /** {@code base + sum(items.points) == total}, exactly. */
    public static void balances(Rubric rubric, Subject subject) {
        RubricAssertions.assertThat(rubric.evaluate(subject)).isBalanced();
    }

    /** The total lies within [sum of category minimums, sum of maximums] (or is 0 after a zeroing veto). */
    public static void staysWithinBounds(Rubric rubric, Subject subject) {
        Evaluation e = rubric.evaluate(subject);
        BigDecimal lo = rubric.manifest().categories().stream().map(Manifest.Category::min).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal hi = rubric.manifest().categories().stream().map(Manifest.Category::max).reduce(BigDecimal.ZERO, BigDecimal::add);
        boolean zeroed = e.vetoed() && e.total().signum() == 0;
        if (!zeroed && (e.total().compareTo(lo) < 0 || e.total().compareTo(hi) > 0)) {
            throw new AssertionError("total " + Numbers.plain(e.total()) + " is outside [" + Numbers.plain(lo) + ", "
                    + Numbers.plain(hi) + "]\n" + new EvaluationAssert(e).explanation());
        }
    }

    /** Adding a fault never raises the total nor improves the grade. */
    public static void faultNeverHelps(Rubric rubric, Subject subject, Object fault) {
        Evaluation before = rubric.evaluate(subject);
        List<Object> facts = new ArrayList<>(subject.facts());
        facts.add(fault);
        Evaluation after = rubric.evaluate(new Subject(subject.id(), subject.name(), facts));
        if (after.total().compareTo(before.total()) > 0) {
            throw new AssertionError("adding " + fault + " raised the total from " + Numbers.plain(before.total()) + " to "
                    + Numbers.plain(after.total()) + "\n" + new EvaluationAssert(after).explanation());
        }
        if (gradeRank(rubric, after.grade()) < gradeRank(rubric, before.grade())) {
            throw new AssertionError("adding " + fault + " improved the grade from " + before.grade() + " to " + after.grade()
                    + "\n" + new EvaluationAssert(after).explanation());
        }
    }

    /** A veto whose effect is {@code fail} always gives the lowest grade. */
    public static void failingVetoGivesTheLowestGrade(Rubric rubric, Subject subject) {
        Evaluation e = rubric.evaluate(subject);
        boolean fails = e.items().stream().anyMatch(i -> i.kind() == ItemKind.VETO && i.effect() instanceof VetoEffect.Fail);
        boolean removesGrade = e.items().stream().anyMatch(i -> i.kind() == ItemKind.VETO && i.effect() instanceof VetoEffect.NoGrade);
        List<Manifest.GradeBand> grades = rubric.manifest().grades();
        if (fails && !removesGrade && !grades.isEmpty() && !grades.get(grades.size() - 1).id().equals(e.grade())) {
            throw new AssertionError("a failing veto applies but the grade is " + e.grade() + "\n" + new EvaluationAssert(e).explanation());
        }
    }

    /** The same subject gives the same result, byte for byte. */
    public static void isDeterministic(Rubric rubric, Subject subject) {
        String first = ResultJson.toJson(rubric.info(), rubric.evaluate(subject));
        String second = ResultJson.toJson(rubric.info(), rubric.evaluate(subject));
        if (!first.equals(second)) {
            throw new AssertionError("two evaluations of the same subject differ:\n" + first + "\n---\n" + second);
        }
    }

    /** Position of a grade, best first; no grade counts as worse than every grade. */
    private static int gradeRank(Rubric rubric, String grade) {
        return grade == null ? Integer.MAX_VALUE : rubric.manifest().gradeIndex(grade);
    }
}
