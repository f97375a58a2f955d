package dev.rubric.testkit;

import dev.rubric.api.CohortResult;
import dev.rubric.api.Evaluation;
import dev.rubric.api.LoadOptions;
import dev.rubric.api.Rubric;
import dev.rubric.api.RubricInfo;
import dev.rubric.api.RubricRule;
import dev.rubric.api.Rubrics;
import dev.rubric.api.Subject;
import dev.rubric.api.SubjectRef;
import dev.rubric.engine.compile.RubricFiles;

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
 */
public record RubricDiff(RubricInfo before, RubricInfo after, List<SubjectChange> subjects, List<RuleChange> rules) {

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

    /** Evaluates a cohort of fact-model subjects with two rubrics, each given as {@code classpath:NAME} or a folder path. */
    public static RubricDiff compare(String beforeLocation, String afterLocation, List<Subject> cohort) {
        Rubric before = Rubrics.load(beforeLocation);
        Rubric after = Rubrics.load(afterLocation);
        ClassLoader cl = RubricDiff.class.getClassLoader();
        return compare(before, after, cohort, cohort, RubricFiles.at(beforeLocation, cl), RubricFiles.at(afterLocation, cl));
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
        ClassLoader cl = RubricDiff.class.getClassLoader();
        return compare(before, after, before.readFacts(new java.io.ByteArrayInputStream(factsJson), factsName),
                after.readFacts(new java.io.ByteArrayInputStream(factsJson), factsName),
                RubricFiles.at(beforeLocation, cl), RubricFiles.at(afterLocation, cl));
    }

    /** Evaluates a cohort with two loaded rubrics; rule changes are found from their indexes only. */
    public static RubricDiff compare(Rubric before, Rubric after, List<Subject> cohort) {
        return compare(before, after, cohort, cohort, null, null);
    }

    private static RubricDiff compare(Rubric before, Rubric after, List<Subject> cohortBefore, List<Subject> cohortAfter,
                                      RubricFiles beforeFiles, RubricFiles afterFiles) {
        CohortResult old = before.evaluateCohort(cohortBefore);
        CohortResult neu = after.evaluateCohort(cohortAfter);
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
        return new RubricDiff(before.info(), after.info(), subjects, ruleChanges(before, after, beforeFiles, afterFiles));
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
            if (beforeFiles != null && afterFiles != null) {
                String ob = body(beforeFiles, o);
                String nb = body(afterFiles, r);
                if (ob != null && nb != null && !ob.equals(nb) && what.isEmpty()) {
                    what.add("conditions or points changed");
                } else if (ob != null && nb != null && !ob.equals(nb)) {
                    what.add("and its conditions or points");
                }
            }
            if (!what.isEmpty()) {
                changes.add(new RuleChange(r.id(), RuleChange.Kind.CHANGED, String.join("; ", what) + " (" + r.source() + ")"));
            }
        }
        return changes;
    }

    /** The rule's text from its {@code rule} line to its {@code end}, whitespace normalized. */
    private static String body(RubricFiles files, RubricRule r) {
        byte[] bytes = files.read(r.file());
        if (bytes == null) {
            return null;
        }
        List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
        StringBuilder b = new StringBuilder();
        for (int i = Math.max(0, r.line() - 1); i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (!l.startsWith("//")) {
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
                .append(" lost a veto; largest move ").append(plain(largestMove())).append(" points\n");
        return b.toString();
    }

    private static String shortDigest(RubricInfo info) {
        return info.digest().substring(0, Math.min(19, info.digest().length()));
    }

    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static String plain(BigDecimal n) {
        return n == null ? "none" : n.signum() == 0 ? "0" : n.stripTrailingZeros().toPlainString();
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
