package dev.rubric.testkit;

import dev.rubric.api.LoadOptions;
import dev.rubric.api.Facts;
import dev.rubric.api.Period;
import dev.rubric.api.Rubric;
import dev.rubric.api.RubricInfo;
import dev.rubric.api.Rubrics;
import dev.rubric.api.Subject;
import dev.rubric.api.SubjectRef;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The impact of a rubric change, as data: a cohort evaluated with the old and the new version, subject by subject,
 * with the items that explain each movement, a summary, and the rule-level changes between the versions.
 *
 * <pre>{@code
 * RubricDiff diff = RubricDiff.compare("rubrics/2025", "rubrics/2026", cohort);
 * assertThat(diff.largestMove()).isLessThanOrEqualTo(new BigDecimal("5"));
 * }</pre>
 *
 * <p>The record holds the data; {@code RubricComparison} compares, {@code RuleFileScan} reads the rules' text and
 * {@code DiffReport} writes {@link #report()}.
 *
 * @param before   the old rubric
 * @param after    the new rubric
 * @param subjects every subject's outcome before and after, in the new ranking's order
 * @param rules    rules added, removed or changed
 * @param manifest changes of the manifest that move scores or grades without touching a rule: categories' bounds
 *                 and modes, grade bands and quotas, the default veto effect, which total is better, the ranking
 */
public record RubricDiff(RubricInfo before, RubricInfo after, List<SubjectChange> subjects, List<RuleChange> rules,
                         List<ManifestChange> manifest) {

    public RubricDiff {
        subjects = List.copyOf(subjects);
        rules = List.copyOf(rules);
        manifest = List.copyOf(manifest);
    }

    /**
     * One subject before and after.
     *
     * @param items each rule whose net points differ, with both values (null where the rule made no item)
     */
    public record SubjectChange(SubjectRef subject, BigDecimal totalBefore, BigDecimal totalAfter, String gradeBefore, String gradeAfter,
                                int rankBefore, int rankAfter, boolean vetoedBefore, boolean vetoedAfter, List<ItemChange> items) {

        public boolean changed() {
            return totalBefore.compareTo(totalAfter) != 0 || !Objects.equals(gradeBefore, gradeAfter) || rankBefore != rankAfter
                    || vetoedBefore != vetoedAfter || !items.isEmpty();
        }

        public BigDecimal move() {
            return totalAfter.subtract(totalBefore);
        }
    }

    /** A rule's net points in one subject's result before and after; null where it made no item. */
    public record ItemChange(String rule, BigDecimal before, BigDecimal after) {
    }

    /** What changed in a rule between the versions. */
    public record RuleChange(String rule, Kind kind, String detail) {
        public enum Kind { ADDED, REMOVED, CHANGED }
    }

    /**
     * A change of the manifest, such as {@code grade 优秀 quota: 0.2 -> 0.25}.
     *
     * @param what   what changed, such as {@code grade 优秀 quota} or {@code category targets max}
     * @param before its value before, or null where it was not there
     * @param after  its value after, or null where it is gone
     */
    public record ManifestChange(String what, String before, String after) {

        @Override
        public String toString() {
            return what + ": " + (before == null ? "none" : before) + " -> " + (after == null ? "none" : after);
        }
    }

    /** Evaluates a cohort of fact-model subjects with two rubrics, each given as {@code classpath:NAME} or a folder path. */
    public static RubricDiff compare(String beforeLocation, String afterLocation, List<Subject> cohort) {
        Rubric before = Rubrics.load(beforeLocation);
        Rubric after = Rubrics.load(afterLocation);
        return RubricComparison.compare(before, after, cohort, cohort, Period.unbounded(), ScenarioRunner.filesOf(beforeLocation),
                ScenarioRunner.filesOf(afterLocation));
    }

    /**
     * Evaluates a cohort given as facts JSON (contract §5) with two rubrics; each rubric reads the facts itself,
     * so facts of types the rubrics declare work too.
     */
    public static RubricDiff compare(String beforeLocation, String afterLocation, byte[] factsJson, String factsName) {
        return compare(beforeLocation, afterLocation, factsJson, factsName, LoadOptions.restricted());
    }

    /** As {@link #compare(String, String, byte[], String)}, loading both rubrics with the given options. */
    public static RubricDiff compare(String beforeLocation, String afterLocation, byte[] factsJson, String factsName, LoadOptions options) {
        Rubric before = Rubrics.load(beforeLocation, options);
        Rubric after = Rubrics.load(afterLocation, options);
        Facts read = before.readFacts(new java.io.ByteArrayInputStream(factsJson), factsName);
        Period period = read.period() == null ? Period.unbounded() : read.period();
        // the file's period, if it names one, scores both versions (contract §8)
        return RubricComparison.compare(before, after, read.subjects(), after.readFacts(new java.io.ByteArrayInputStream(factsJson), factsName).subjects(),
                period, ScenarioRunner.filesOf(beforeLocation), ScenarioRunner.filesOf(afterLocation));
    }

    /** Evaluates a cohort with two loaded rubrics; rule changes are found from their indexes only. */
    public static RubricDiff compare(Rubric before, Rubric after, List<Subject> cohort) {
        return RubricComparison.compare(before, after, cohort, cohort, Period.unbounded(), null, null);
    }

    /** Subjects whose grade changed. */
    public long changedGrade() {
        return subjects.stream().filter(s -> !Objects.equals(s.gradeBefore(), s.gradeAfter())).count();
    }

    /** Subjects that moved up in the ranking. */
    public long movedUp() {
        return subjects.stream().filter(s -> s.rankAfter() < s.rankBefore()).count();
    }

    /** Subjects that moved down in the ranking. */
    public long movedDown() {
        return subjects.stream().filter(s -> s.rankAfter() > s.rankBefore()).count();
    }

    /** Subjects vetoed after but not before. */
    public long gainedVeto() {
        return subjects.stream().filter(s -> s.vetoedAfter() && !s.vetoedBefore()).count();
    }

    /** Subjects vetoed before but not after. */
    public long lostVeto() {
        return subjects.stream().filter(s -> s.vetoedBefore() && !s.vetoedAfter()).count();
    }

    /** The largest change of any subject's total, in absolute points. */
    public BigDecimal largestMove() {
        return subjects.stream().map(s -> s.move().abs()).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
    }

    /** The report a person reads: rule changes, each changed subject with the items behind it, then the summary. */
    public String report() {
        return DiffReport.of(this);
    }
}
