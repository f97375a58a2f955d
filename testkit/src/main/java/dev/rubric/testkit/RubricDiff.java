package dev.rubric.testkit;

import dev.rubric.api.CohortResult;
import dev.rubric.api.Evaluation;
import dev.rubric.api.LoadOptions;
import dev.rubric.api.Manifest;
import dev.rubric.api.Facts;
import dev.rubric.api.Period;
import dev.rubric.api.Rubric;
import dev.rubric.api.RubricInfo;
import dev.rubric.api.RubricRule;
import dev.rubric.api.Rubrics;
import dev.rubric.api.Subject;
import dev.rubric.api.SubjectRef;
import dev.rubric.api.Numbers;
import dev.rubric.engine.compile.RubricFiles;
import dev.rubric.engine.table.RuleTables;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The impact of a rubric change: a cohort evaluated with the old and the new version, subject by subject,
 * with the items that explain each movement, a summary, and the rule-level changes between the versions.
 *
 * <pre>{@code
 * RubricDiff diff = RubricDiff.compare("rubrics/2025", "rubrics/2026", cohort);
 * assertThat(diff.largestMove()).isLessThanOrEqualTo(new BigDecimal("5"));
 * }</pre>
 *
 * @param before   the old rubric
 * @param after    the new rubric
 * @param subjects every subject's outcome before and after, in the new ranking's order
 * @param rules    rules added, removed or changed
 * @param manifest changes of the manifest that move scores or grades without touching a rule: categories' bounds
 *                 and modes, grade bands and quotas, the default veto effect, the ranking direction
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
        return compare(before, after, cohort, cohort, Period.unbounded(), ScenarioRunner.filesOf(beforeLocation),
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
        return compare(before, after, read.subjects(), after.readFacts(new java.io.ByteArrayInputStream(factsJson), factsName).subjects(),
                period, ScenarioRunner.filesOf(beforeLocation), ScenarioRunner.filesOf(afterLocation));
    }

    /** Evaluates a cohort with two loaded rubrics; rule changes are found from their indexes only. */
    public static RubricDiff compare(Rubric before, Rubric after, List<Subject> cohort) {
        return compare(before, after, cohort, cohort, Period.unbounded(), null, null);
    }

    private static RubricDiff compare(Rubric before, Rubric after, List<Subject> cohortBefore, List<Subject> cohortAfter,
                                      Period period, RubricFiles beforeFiles, RubricFiles afterFiles) {
        CohortResult old = before.evaluateCohort(cohortBefore, period);
        CohortResult neu = after.evaluateCohort(cohortAfter, period);
        Map<String, Evaluation> oldById = new LinkedHashMap<>();
        old.results().forEach(e -> oldById.put(e.subject().id(), e));
        List<SubjectChange> subjects = new ArrayList<>();
        for (Evaluation a : neu.results()) {
            Evaluation b = oldById.get(a.subject().id());
            Map<String, BigDecimal> nb = ScenarioRunner.netByRule(b);
            Map<String, BigDecimal> na = ScenarioRunner.netByRule(a);
            TreeSet<String> ids = new TreeSet<>(nb.keySet());
            ids.addAll(na.keySet());
            List<ItemChange> items = new ArrayList<>();
            for (String id : ids) {
                BigDecimal x = nb.get(id);
                BigDecimal y = na.get(id);
                if (x == null || y == null || x.compareTo(y) != 0) {
                    items.add(new ItemChange(id, x, y));
                }
            }
            subjects.add(new SubjectChange(a.subject(), b.total(), a.total(), b.grade(), a.grade(), b.rank(), a.rank(), b.vetoed(), a.vetoed(), items));
        }
        return new RubricDiff(before.info(), after.info(), subjects, ruleChanges(before, after, beforeFiles, afterFiles),
                manifestChanges(before.manifest(), after.manifest()));
    }

    private static List<RuleChange> ruleChanges(Rubric before, Rubric after, RubricFiles beforeFiles, RubricFiles afterFiles) {
        Map<String, RubricRule> old = new LinkedHashMap<>();
        before.rules().forEach(r -> old.put(r.id(), r));
        Map<String, RubricRule> neu = new LinkedHashMap<>();
        after.rules().forEach(r -> neu.put(r.id(), r));
        List<RuleChange> changes = new ArrayList<>();
        for (RubricRule r : old.values()) {
            if (!neu.containsKey(r.id())) {
                changes.add(new RuleChange(r.id(), RuleChange.Kind.REMOVED, r.name() + " (was " + r.source() + ")"));
            }
        }
        for (RubricRule r : neu.values()) {
            RubricRule o = old.get(r.id());
            if (o == null) {
                changes.add(new RuleChange(r.id(), RuleChange.Kind.ADDED, r.name() + " at " + r.source()));
                continue;
            }
            List<String> what = new ArrayList<>();
            if (!Objects.equals(o.category(), r.category())) {
                what.add("category " + o.category() + " -> " + r.category());
            }
            if (!sameNumber(o.max(), r.max())) {
                what.add("@max " + plain(o.max()) + " -> " + plain(r.max()));
            }
            if (!Objects.equals(o.effect(), r.effect())) {
                what.add("@effect " + o.effect() + " -> " + r.effect());
            }
            if (!Objects.equals(o.name(), r.name())) {
                what.add("name \"" + o.name() + "\" -> \"" + r.name() + "\"");
            }
            Map<String, String> oldRow = beforeFiles == null ? null : RuleTables.row(beforeFiles, o.file());
            Map<String, String> newRow = afterFiles == null ? null : RuleTables.row(afterFiles, r.file());
            if (oldRow != null && newRow != null) {
                what.addAll(rowChanges(oldRow, newRow));
            } else if (beforeFiles != null && afterFiles != null) {
                String ob = body(beforeFiles, o);
                String nb = body(afterFiles, r);
                if (ob != null && nb != null && !ob.equals(nb)) {
                    what.add("conditions or points changed");
                }
            }
            if (!what.isEmpty()) {
                changes.add(new RuleChange(r.id(), RuleChange.Kind.CHANGED, String.join("; ", what) + " (" + r.source() + ")"));
            }
        }
        return changes;
    }

    /** The cells of a table row that differ, such as {@code row: 每次扣分 1 -> 2}. */
    private static List<String> rowChanges(Map<String, String> before, Map<String, String> after) {
        List<String> changed = new ArrayList<>();
        for (String c : new java.util.LinkedHashSet<>(java.util.stream.Stream.concat(after.keySet().stream(), before.keySet().stream()).toList())) {
            String x = before.getOrDefault(c, "");
            String y = after.getOrDefault(c, "");
            if (!x.equals(y)) {
                changed.add(c + " " + (x.isEmpty() ? "(empty)" : x) + " -> " + (y.isEmpty() ? "(empty)" : y));
            }
        }
        return changed.isEmpty() ? List.of() : List.of("row changed: " + String.join(", ", changed));
    }

    private static List<ManifestChange> manifestChanges(Manifest before, Manifest after) {
        List<ManifestChange> changes = new ArrayList<>();
        Map<String, Manifest.Category> oldCategories = new LinkedHashMap<>();
        before.categories().forEach(c -> oldCategories.put(c.id(), c));
        for (Manifest.Category c : after.categories()) {
            Manifest.Category o = oldCategories.remove(c.id());
            if (o == null) {
                changes.add(new ManifestChange("category " + c.id(), null, describe(c)));
                continue;
            }
            compare(changes, "category " + c.id() + " max", o.max(), c.max());
            compare(changes, "category " + c.id() + " min", o.min(), c.min());
            compare(changes, "category " + c.id() + " mode", o.mode(), c.mode());
        }
        oldCategories.values().forEach(c -> changes.add(new ManifestChange("category " + c.id(), describe(c), null)));
        Map<String, Manifest.GradeBand> oldGrades = new LinkedHashMap<>();
        before.grades().forEach(g -> oldGrades.put(g.id(), g));
        for (Manifest.GradeBand g : after.grades()) {
            Manifest.GradeBand o = oldGrades.remove(g.id());
            if (o == null) {
                changes.add(new ManifestChange("grade " + g.id(), null, describe(g)));
                continue;
            }
            compare(changes, "grade " + g.id() + " min", o.min(), g.min());
            compare(changes, "grade " + g.id() + " max", o.max(), g.max());
            compare(changes, "grade " + g.id() + " quota", o.quota(), g.quota());
        }
        oldGrades.values().forEach(g -> changes.add(new ManifestChange("grade " + g.id(), describe(g), null)));
        List<String> oldOrder = before.grades().stream().map(Manifest.GradeBand::id).filter(id -> after.grade(id).isPresent()).toList();
        List<String> newOrder = after.grades().stream().map(Manifest.GradeBand::id).filter(id -> before.grade(id).isPresent()).toList();
        if (!oldOrder.equals(newOrder)) {
            changes.add(new ManifestChange("grade order", String.join(", ", oldOrder), String.join(", ", newOrder)));
        }
        compare(changes, "veto effect", before.vetoEffect(), after.vetoEffect());
        compare(changes, "better", before.better(), after.better());
        return changes;
    }

    private static void compare(List<ManifestChange> changes, String what, Object before, Object after) {
        boolean same = before instanceof BigDecimal a && after instanceof BigDecimal b ? a.compareTo(b) == 0 : Objects.equals(before, after);
        if (!same) {
            changes.add(new ManifestChange(what, value(before), value(after)));
        }
    }

    private static String value(Object v) {
        return v == null ? null : v instanceof BigDecimal n ? plain(n)
                : v instanceof Enum<?> e ? e.name().toLowerCase(java.util.Locale.ROOT) : v.toString();
    }

    private static String describe(Manifest.Category c) {
        return c.name() + ", " + value(c.mode()) + ", " + plain(c.min()) + " to " + plain(c.max());
    }

    private static String describe(Manifest.GradeBand g) {
        return (g.min() == null ? "" : "min " + plain(g.min())) + (g.max() == null ? "" : " max " + plain(g.max()))
                + (g.quota() == null ? "" : " quota " + plain(g.quota()));
    }

    /**
     * The rule's text after its {@code rule} line up to its {@code end}, whitespace normalized, without comments
     * and metadata: its name and {@code @max}, {@code @effect}… are compared on their own, so that a changed
     * cap is not also reported as changed conditions.
     */
    private static String body(RubricFiles files, RubricRule r) {
        byte[] bytes = files.read(r.file());
        if (bytes == null) {
            return null;
        }
        List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
        StringBuilder b = new StringBuilder();
        for (int i = Math.max(0, r.line()); i < lines.size(); i++) {
            String l = lines.get(i).replaceAll("@\\w+\\s*\\([^)]*\\)", "").strip();
            if (!l.isEmpty() && !l.startsWith("//")) {
                b.append(l.replaceAll("\\s+", " ")).append('\n');
            }
            if (l.equals("end")) {
                break;
            }
        }
        return b.toString();
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
        StringBuilder b = new StringBuilder();
        b.append("rubric ").append(before.id()).append(' ').append(before.version()).append(" (").append(shortDigest(before))
                .append(") -> ").append(after.id()).append(' ').append(after.version()).append(" (").append(shortDigest(after)).append(")\n\n");
        if (!manifest.isEmpty()) {
            b.append("manifest changes:\n");
            manifest.forEach(m -> b.append("  ").append(m).append('\n'));
        }
        b.append("rule changes:").append(rules.isEmpty() ? " none\n" : "\n");
        for (RuleChange c : rules) {
            b.append("  ").append(String.format("%-8s", c.kind())).append(' ').append(c.rule()).append("  ").append(c.detail()).append('\n');
        }
        b.append("\nsubjects:\n");
        b.append(String.format("  %-24s %9s %9s %7s  %-12s %s%n", "subject", "before", "after", "move", "grade", "rank"));
        long unchanged = 0;
        for (SubjectChange s : subjects) {
            if (!s.changed()) {
                unchanged++;
                continue;
            }
            String name = (s.subject().name() == null ? "" : s.subject().name() + " ") + "(" + s.subject().id() + ")";
            String grade = Objects.equals(s.gradeBefore(), s.gradeAfter()) ? String.valueOf(s.gradeAfter())
                    : s.gradeBefore() + " -> " + s.gradeAfter();
            b.append(String.format("  %s %9s %9s %7s  %s %s%n", pad(name, 24), plain(s.totalBefore()), plain(s.totalAfter()),
                    signed(s.move()), pad(grade, 12), s.rankBefore() == s.rankAfter() ? String.valueOf(s.rankAfter()) : s.rankBefore() + " -> " + s.rankAfter()));
            if (s.vetoedBefore() != s.vetoedAfter()) {
                b.append("      ").append(s.vetoedAfter() ? "gained a veto" : "lost its veto").append('\n');
            }
            for (ItemChange i : s.items()) {
                b.append("      ").append(i.before() == null ? "+ " : i.after() == null ? "- " : "~ ").append(i.rule()).append(": ")
                        .append(i.before() == null ? "new item " + signed(i.after()) : i.after() == null ? "item gone (was " + signed(i.before()) + ")"
                                : signed(i.before()) + " -> " + signed(i.after())).append('\n');
            }
        }
        b.append(unchanged == subjects.size() ? "  no subject changed\n" : unchanged > 0 ? "  (" + unchanged + " unchanged)\n" : "");
        b.append("\nsummary: ").append(subjects.size()).append(" subjects; ").append(subjects.stream().filter(s -> s.move().signum() != 0).count())
                .append(" changed total, ").append(changedGrade()).append(" changed grade, ").append(movedUp()).append(" moved up, ")
                .append(movedDown()).append(" moved down, ").append(gainedVeto()).append(" gained a veto, ").append(lostVeto())
                .append(" lost a veto; largest move ").append(plain(largestMove())).append(largestMove().compareTo(BigDecimal.ONE) == 0 ? " point\n" : " points\n");
        return b.toString();
    }

    private static String shortDigest(RubricInfo info) {
        return info.digest().substring(0, Math.min(19, info.digest().length()));
    }

    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static String plain(BigDecimal n) {
        return n == null ? "none" : Numbers.plain(n); // one way to write a number: contract §6
    }

    private static String signed(BigDecimal n) {
        return n.signum() > 0 ? "+" + plain(n) : plain(n);
    }

    private static String pad(String s, int width) {
        int w = 0;
        for (int i = 0; i < s.length(); i++) {
            w += Character.UnicodeScript.of(s.charAt(i)) == Character.UnicodeScript.HAN ? 2 : 1;
        }
        return s + " ".repeat(Math.max(0, width - w));
    }
}
