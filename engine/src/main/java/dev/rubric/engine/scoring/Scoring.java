package dev.rubric.engine.scoring;

import dev.rubric.api.CategoryScore;
import dev.rubric.api.CohortResult;
import dev.rubric.api.Evaluation;
import dev.rubric.api.ItemKind;
import dev.rubric.api.Manifest;
import dev.rubric.api.Manifest.Category;
import dev.rubric.api.Manifest.GradeBand;
import dev.rubric.api.RubricInfo;
import dev.rubric.api.RubricRule;
import dev.rubric.api.ScoreItem;
import dev.rubric.api.SubjectRef;
import dev.rubric.api.VetoEffect;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The arithmetic of contract §4: from what rules wrote on a score sheet to a scored, graded and
 * ranked result. Pure functions of their arguments, with no rule engine in sight.
 *
 * <p>Every adjustment the arithmetic makes (a rule's cap, a category's clamp, a zeroing veto, a quota
 * drop) is an item of its own, so {@code base + sum(items.points) == total} holds exactly for every
 * result. Items are listed category by category in the manifest's order, each rule's items in rule-file
 * order followed by its cap, then the category's clamp; grade limits, vetoes and quota drops come last.
 */
public final class Scoring {

    private Scoring() {
    }

    /**
     * A subject's scores before grading: items with caps and clamps, category scores and total
     * (steps 1 to 3).
     */
    public record Subtotal(List<ScoreItem> items, List<CategoryScore> categories, BigDecimal total) {
    }

    /**
     * Steps 1–3: per-rule caps, per-category clamps, the total.
     *
     * @param manifest  the rubric's manifest
     * @param ruleOrder every rule of the rubric in file and line order (items are listed in this order)
     * @param moves     the DEDUCTION and ADDITION items in the order rules made them
     * @param wording   the language of the explanation
     */
    public static Subtotal subtotal(Manifest manifest, List<RubricRule> ruleOrder, List<RawItem> moves, Wording wording) {
        return subtotal(manifest, RuleOrder.of(ruleOrder), moves, wording);
    }

    /**
     * Steps 1–3 with the rule order made once per rubric: an evaluation then costs in the items it has, not in
     * the rules its rubric has.
     *
     * @param order   every rule of the rubric in file and line order, from {@link RuleOrder#of}
     * @param moves   the DEDUCTION and ADDITION items in the order rules made them
     */
    public static Subtotal subtotal(Manifest manifest, RuleOrder order, List<RawItem> moves, Wording wording) {
        // each rule's items, by the rule's place in the files; a rule the order does not know comes after all it knows
        TreeMap<Integer, List<RawItem>> byPosition = new TreeMap<>();
        Map<RubricRule, Integer> unknown = null;
        for (RawItem m : moves) {
            int at = order.position(m.rule());
            if (at < 0) {
                if (unknown == null) {
                    unknown = new HashMap<>();
                }
                Map<RubricRule, Integer> u = unknown;
                at = u.computeIfAbsent(m.rule(), r -> order.size() + u.size());
            }
            byPosition.computeIfAbsent(at, k -> new ArrayList<>()).add(m);
        }
        List<ScoreItem> items = new ArrayList<>();
        List<CategoryScore> scores = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Category c : manifest.categories()) {
            BigDecimal score = c.start();
            for (Map.Entry<Integer, List<RawItem>> entry : byPosition.entrySet()) {
                List<RawItem> ofRule = entry.getValue();
                RubricRule rule = ofRule.get(0).rule();
                if (!c.id().equals(rule.category())) {
                    continue;
                }
                String source = order.source(entry.getKey(), rule);
                BigDecimal net = BigDecimal.ZERO;
                for (RawItem m : ofRule) {
                    items.add(new ScoreItem(rule.id(), rule.name(), rule.category(), m.kind(), m.points(), m.reason(), m.evidence(),
                            source, null, null));
                    net = net.add(m.points());
                }
                score = score.add(net);
                if (rule.max() != null && net.abs().compareTo(rule.max()) > 0) {
                    BigDecimal allowed = net.signum() < 0 ? rule.max().negate() : rule.max();
                    BigDecimal cap = allowed.subtract(net);
                    items.add(new ScoreItem(rule.id(), rule.name(), c.id(), ItemKind.CAP, cap,
                            wording.ruleCap(rule.id(), rule.max(), cap.abs(), net.signum() < 0), List.of(), source, null, null));
                    score = score.add(cap);
                }
            }
            if (score.compareTo(c.min()) < 0) {
                BigDecimal clamp = c.min().subtract(score);
                items.add(new ScoreItem(null, null, c.id(), ItemKind.CAP, clamp, wording.clamp(c.name(), c.min(), clamp, true),
                        List.of(), null, null, null));
                score = c.min();
            } else if (score.compareTo(c.max()) > 0) {
                BigDecimal clamp = c.max().subtract(score);
                items.add(new ScoreItem(null, null, c.id(), ItemKind.CAP, clamp, wording.clamp(c.name(), c.max(), clamp.negate(), false),
                        List.of(), null, null, null));
                score = c.max();
            }
            scores.add(new CategoryScore(c.id(), c.name(), score, c.max(), c.min()));
            total = total.add(score);
        }
        return new Subtotal(items, scores, total);
    }

    /**
     * The order items are listed in: each rule's place in the rubric's files. Made once per rubric and shared
     * by its evaluations (immutable, thread-safe). Rules are looked up by identity, which is free, and only
     * when a caller passes an equal copy of a rule by equality, whose record hash is not.
     */
    public static final class RuleOrder {
        private final List<RubricRule> rules;
        private final Map<RubricRule, Integer> byIdentity;
        private final String[] sources;
        private volatile Map<RubricRule, Integer> byEquality;

        private RuleOrder(List<RubricRule> rules) {
            this.rules = rules;
            this.byIdentity = new IdentityHashMap<>(rules.size() * 2);
            this.sources = new String[rules.size()];
            for (int i = 0; i < rules.size(); i++) {
                byIdentity.putIfAbsent(rules.get(i), i);
            }
        }

        /** The rule's {@code file:line}, made once per rule rather than once per item. */
        String source(int position, RubricRule rule) {
            if (position >= sources.length) {
                return rule.source();
            }
            String s = sources[position];
            if (s == null) { // racing threads write the same string
                s = rule.source();
                sources[position] = s;
            }
            return s;
        }

        /**
         * The order of a rubric's rules.
         *
         * @param rules every rule in file and line order; never null
         */
        public static RuleOrder of(List<RubricRule> rules) {
            return new RuleOrder(List.copyOf(rules));
        }

        /** How many rules the order has. */
        public int size() {
            return rules.size();
        }

        /** The rule's place, or -1 when the rubric has no such rule. */
        public int position(RubricRule rule) {
            Integer at = byIdentity.get(rule);
            if (at != null) {
                return at;
            }
            Map<RubricRule, Integer> equal = byEquality;
            if (equal == null) { // built at most a few times under a race, each time completely
                equal = new HashMap<>();
                for (int i = 0; i < rules.size(); i++) {
                    equal.putIfAbsent(rules.get(i), i);
                }
                byEquality = equal;
            }
            return equal.getOrDefault(rule, -1);
        }
    }

    /**
     * Steps 4–6: the grade from the bands, grade limits, then vetoes by their effects.
     *
     * @param verdicts the VETO and GRADE_LIMIT items of both phases, in the order rules made them
     */
    public static Evaluation finish(Manifest manifest, SubjectRef subject, Subtotal subtotal, List<RawItem> verdicts, Wording wording) {
        List<ScoreItem> items = new ArrayList<>(subtotal.items());
        List<GradeBand> bands = manifest.grades();
        BigDecimal total = subtotal.total();
        int grade = band(bands, total);

        for (RawItem v : verdicts) {
            if (v.kind() == ItemKind.GRADE_LIMIT) {
                grade = worst(grade, manifest.gradeIndex(v.grade()));
                items.add(new ScoreItem(v.rule().id(), v.rule().name(), null, ItemKind.GRADE_LIMIT, BigDecimal.ZERO, v.reason(),
                        v.evidence(), v.rule().source(), v.grade(), null));
            }
        }
        boolean vetoed = false;
        boolean noGrade = false;
        boolean zeroed = false;
        BigDecimal before = total;
        for (RawItem v : verdicts) {
            if (v.kind() != ItemKind.VETO) {
                continue;
            }
            vetoed = true;
            BigDecimal points = BigDecimal.ZERO;
            String reason = v.reason();
            String capGrade = null;
            VetoEffect effect = v.effect();
            if (effect instanceof VetoEffect.Zero) {
                // "vetoes only ever worsen the outcome": zeroing only ever lowers a total where higher is better;
                // it never raises a negative total, and where lower is better a total of 0 would be the best
                // of all, so there the total stays and only the grade is taken again
                boolean lowers = manifest.better() == Manifest.Better.HIGHER && total.signum() > 0;
                if (!zeroed && lowers) {
                    points = total.negate();
                    reason = wording.withNote(reason, wording.vetoZero(before));
                    total = BigDecimal.ZERO;
                }
                zeroed = true;
                int zeroBand = band(bands, BigDecimal.ZERO);
                // the grade is taken again from the bands: no band for 0 means no grade, never the earlier one
                if (zeroBand < 0) {
                    noGrade = true;
                } else {
                    grade = worst(grade, zeroBand);
                }
            } else if (effect instanceof VetoEffect.Fail) {
                grade = bands.isEmpty() ? -1 : bands.size() - 1;
                capGrade = bands.isEmpty() ? null : bands.get(bands.size() - 1).id();
            } else if (effect instanceof VetoEffect.Cap cap) {
                grade = worst(grade, manifest.gradeIndex(cap.grade()));
                capGrade = cap.grade();
            } else if (effect instanceof VetoEffect.NoGrade) {
                noGrade = true;
            }
            items.add(new ScoreItem(v.rule().id(), v.rule().name(), null, ItemKind.VETO, points, reason, v.evidence(),
                    v.rule().source(), capGrade, effect.toString()));
        }
        String gradeId = noGrade || grade < 0 ? null : bands.get(grade).id();
        return new Evaluation(subject, manifest.base(), total, before, gradeId, vetoed, null, subtotal.categories(), items);
    }

    /**
     * Step 7: ranks and grade quotas across a cohort evaluated together.
     *
     * @param evaluations each subject's result from {@link #finish}; subject ids unique
     */
    public static CohortResult cohort(Manifest manifest, RubricInfo rubric, List<Evaluation> evaluations, Wording wording) {
        List<BigDecimal> totals = new ArrayList<>(evaluations.size());
        List<String> grades = new ArrayList<>(evaluations.size());
        for (Evaluation e : evaluations) {
            totals.add(e.total());
            grades.add(e.grade());
        }
        Standings standings = standings(manifest, totals, grades, wording);
        List<Evaluation> results = new ArrayList<>(evaluations.size());
        for (int i = 0; i < evaluations.size(); i++) {
            results.add(evaluations.get(i).withCohortOutcome(standings.rank(i), standings.grade(i), standings.drops(i)));
        }
        results.sort(Comparator.comparing((Evaluation e) -> e.rank()).thenComparing(e -> e.subject().id()));
        return new CohortResult(rubric, results);
    }

    /**
     * Step 7 on what it needs alone, each subject's total and grade, so a cohort too large to hold in
     * memory can be ranked from one decimal and one grade per subject.
     *
     * @param totals each subject's total, in any fixed order; never null
     * @param grades each subject's grade from {@link #finish} (null when none is given), in the same order; never null
     * @return ranks, grades after quotas and quota drops, by the same positions
     */
    public static Standings standings(Manifest manifest, List<BigDecimal> totals, List<String> grades, Wording wording) {
        int n = totals.size();
        if (grades.size() != n) {
            throw new IllegalArgumentException("[" + n + "] totals but [" + grades.size() + "] grades; give one of each per subject");
        }
        Comparator<BigDecimal> bestFirst = bestFirst(manifest);
        Integer[] ranked = new Integer[n];
        for (int i = 0; i < n; i++) {
            ranked[i] = i;
        }
        java.util.Arrays.sort(ranked, (a, b) -> bestFirst.compare(totals.get(a), totals.get(b)));

        int[] ranks = new int[n];
        for (int i = 0; i < n; i++) {
            boolean tiedWithPrevious = i > 0 && totals.get(ranked[i - 1]).compareTo(totals.get(ranked[i])) == 0;
            ranks[ranked[i]] = tiedWithPrevious ? ranks[ranked[i - 1]] : i + 1;
        }

        List<GradeBand> bands = manifest.grades();
        int[] grade = new int[n];
        for (int i = 0; i < n; i++) {
            grade[i] = grades.get(i) == null ? -1 : manifest.gradeIndex(grades.get(i));
        }
        List<QuotaCut> cuts = new ArrayList<>();
        for (int g = 0; g < bands.size() - 1; g++) {
            if (bands.get(g).quota() == null) {
                continue;
            }
            long allowed = quotaAllowed(bands.get(g), n);
            // the holders of the band after the cuts of better bands, best first: the one at [allowed] is the first out
            int seen = 0;
            BigDecimal firstOut = null;
            for (Integer i : ranked) {
                if (grade[i] == g && seen++ == allowed) {
                    firstOut = totals.get(i);
                    break;
                }
            }
            if (firstOut == null) {
                continue;
            }
            QuotaCut cut = quotaCut(manifest, g, n, firstOut, wording);
            cuts.add(cut);
            for (int i = 0; i < n; i++) {
                if (grade[i] == g && cut.drops(bestFirst, totals.get(i))) {
                    grade[i] = g + 1;
                }
            }
        }
        String[] finalGrades = new String[n];
        List<List<ScoreItem>> drops = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Outcome outcome = afterQuotas(manifest, grades.get(i), totals.get(i), cuts);
            finalGrades[i] = outcome.grade();
            drops.add(outcome.drops());
        }
        return new Standings(ranks, finalGrades, drops);
    }

    /**
     * The order of step 7: totals best first, highest first or, where the manifest says {@code better: lower},
     * lowest first. Totals that compare equal tie and share a competition rank.
     */
    public static Comparator<BigDecimal> bestFirst(Manifest manifest) {
        return manifest.better() == Manifest.Better.HIGHER ? Comparator.reverseOrder() : Comparator.naturalOrder();
    }

    /**
     * How many subjects of a cohort may hold a band: its quota's share of the whole cohort, rounded down.
     *
     * @param band          a band with a quota; never null
     * @param cohortSize    how many subjects the cohort has
     * @throws IllegalArgumentException when the band has no quota
     */
    public static long quotaAllowed(GradeBand band, long cohortSize) {
        if (band.quota() == null) {
            throw new IllegalArgumentException("grade [" + band.id() + "] has no quota; ask only for bands that have one");
        }
        return band.quota().multiply(BigDecimal.valueOf(cohortSize)).setScale(0, RoundingMode.FLOOR).longValueExact();
    }

    /**
     * A band's quota as a cohort exceeds it: its holders whose total is no better than {@code firstOut} drop to the
     * next band, each with the {@code drop} item. Holders tied exactly at the cut all drop.
     *
     * @param band     the index of the band in the manifest's grades
     * @param firstOut the total of the band's first holder beyond its quota, holders taken best first
     * @param drop     the QUOTA item each dropped holder gets
     */
    public record QuotaCut(int band, BigDecimal firstOut, ScoreItem drop) {

        /** Whether a holder of the band with this total drops, by the order of {@link #bestFirst}. */
        public boolean drops(Comparator<BigDecimal> bestFirst, BigDecimal total) {
            return bestFirst.compare(total, firstOut) >= 0;
        }
    }

    /**
     * The cut of band {@code band}'s quota in a cohort of {@code cohortSize} whose first holder beyond the quota
     * has the total {@code firstOut}.
     *
     * @param band the index of a band with a quota, not the last band
     */
    public static QuotaCut quotaCut(Manifest manifest, int band, long cohortSize, BigDecimal firstOut, Wording wording) {
        List<GradeBand> bands = manifest.grades();
        if (band < 0 || band >= bands.size() - 1) {
            throw new IllegalArgumentException("grade index [" + band + "] has no next grade to drop to; give one of 0 to "
                    + (bands.size() - 2));
        }
        GradeBand holder = bands.get(band);
        long allowed = quotaAllowed(holder, cohortSize);
        String next = bands.get(band + 1).id();
        ScoreItem drop = new ScoreItem(null, null, null, ItemKind.QUOTA, BigDecimal.ZERO,
                wording.quotaDrop(holder.id(), holder.quota(), Math.toIntExact(allowed), next), List.of(), null, next, null);
        return new QuotaCut(band, firstOut, drop);
    }

    /** A subject's grade after a cohort's quotas, and the QUOTA items that brought it there (empty when none did). */
    public record Outcome(String grade, List<ScoreItem> drops) {
    }

    /**
     * Applies a cohort's quota cuts to one subject, better bands first: a subject dropped from one band is a
     * holder of the next and may drop again.
     *
     * @param grade the subject's grade from {@link #finish}, or null when none is given
     * @param total the subject's total
     * @param cuts  the cohort's cuts, in band order; never null
     */
    public static Outcome afterQuotas(Manifest manifest, String grade, BigDecimal total, List<QuotaCut> cuts) {
        if (grade == null) {
            return new Outcome(null, List.of());
        }
        Comparator<BigDecimal> bestFirst = bestFirst(manifest);
        int g = manifest.gradeIndex(grade);
        List<ScoreItem> drops = List.of();
        for (QuotaCut cut : cuts) {
            if (cut.band() == g && cut.drops(bestFirst, total)) {
                g++;
                if (drops.isEmpty()) {
                    drops = new ArrayList<>(2);
                }
                drops.add(cut.drop());
            }
        }
        return new Outcome(manifest.grades().get(g).id(), drops.isEmpty() ? List.of() : List.copyOf(drops));
    }

    /** The outcome of step 7 for each subject of a cohort, by the positions the totals were given in. */
    public static final class Standings {
        private final int[] ranks;
        private final String[] grades;
        private final List<List<ScoreItem>> drops;

        private Standings(int[] ranks, String[] grades, List<List<ScoreItem>> drops) {
            this.ranks = ranks;
            this.grades = grades;
            this.drops = drops;
        }

        /** How many subjects were ranked. */
        public int size() {
            return ranks.length;
        }

        /** The competition rank (1, 2, 2, 4) of the subject at position {@code i}. */
        public int rank(int i) {
            return ranks[i];
        }

        /** The grade of the subject at position {@code i} after quotas, or null when none is given. */
        public String grade(int i) {
            return grades[i];
        }

        /** The QUOTA items of the subject at position {@code i}; empty when no quota hit it. */
        public List<ScoreItem> drops(int i) {
            return drops.get(i);
        }
    }

    /** The index of the first band matching the total, or -1 when none does. */
    private static int band(List<GradeBand> bands, BigDecimal total) {
        for (int i = 0; i < bands.size(); i++) {
            if (bands.get(i).matches(total)) {
                return i;
            }
        }
        return -1;
    }

    /** The worse of two grade indexes (a higher index is a worse grade; -1 is none yet). */
    private static int worst(int a, int b) {
        return a < 0 || b < 0 ? a : Math.max(a, b);
    }
}
