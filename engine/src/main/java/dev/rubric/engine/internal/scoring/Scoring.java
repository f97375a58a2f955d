package dev.rubric.engine.internal.scoring;

import dev.rubric.api.CategoryScore;
import dev.rubric.api.CohortResult;
import dev.rubric.api.Evaluation;
import dev.rubric.api.Evidence;
import dev.rubric.api.ItemKind;
import dev.rubric.api.Manifest;
import dev.rubric.api.Manifest.Category;
import dev.rubric.api.Manifest.GradeBand;
import dev.rubric.api.Period;
import dev.rubric.api.RubricInfo;
import dev.rubric.api.RubricRule;
import dev.rubric.api.SameProblem;
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
        moves = deductOnce(order, moves, wording);
        // each rule's items together, rules by their place in the files, a rule's items in the order it made them; a rule
        // the order does not know comes after all it knows. Sorted as (place, index) pairs in one long each: no map.
        int n = moves.size();
        long[] keys = new long[n];
        Map<RubricRule, Integer> unknown = null;
        for (int i = 0; i < n; i++) {
            RubricRule rule = moves.get(i).rule();
            int at = order.position(rule);
            if (at < 0) {
                if (unknown == null) {
                    unknown = new HashMap<>();
                }
                Map<RubricRule, Integer> u = unknown;
                at = u.computeIfAbsent(rule, r -> order.size() + u.size());
            }
            keys[i] = ((long) at << 32) | i;
        }
        java.util.Arrays.sort(keys);
        // the runs of one rule's items, each with its rule's category (its index in the manifest, -1 for none there)
        List<Category> categories = manifest.categories();
        int[] runStart = new int[n + 1];
        int[] runCategory = new int[n];
        int runs = 0;
        String lastCategory = null;
        int lastIndex = -1;
        for (int k = 0; k < n; k++) {
            if (k == 0 || (int) (keys[k] >>> 32) != (int) (keys[k - 1] >>> 32)) {
                String category = moves.get((int) keys[k]).rule().category();
                if (runs == 0 || !java.util.Objects.equals(category, lastCategory)) {
                    lastCategory = category;
                    lastIndex = -1;
                    for (int c = 0; c < categories.size(); c++) {
                        if (categories.get(c).id().equals(category)) {
                            lastIndex = c;
                            break;
                        }
                    }
                }
                runStart[runs] = k;
                runCategory[runs++] = lastIndex;
            }
        }
        runStart[runs] = n;
        List<ScoreItem> items = new ArrayList<>(n + 4);
        List<CategoryScore> scores = new ArrayList<>(categories.size());
        BigDecimal total = BigDecimal.ZERO;
        for (int ci = 0; ci < categories.size(); ci++) {
            Category c = categories.get(ci);
            BigDecimal score = c.start();
            for (int r = 0; r < runs; r++) {
                if (runCategory[r] != ci) {
                    continue;
                }
                RubricRule rule = moves.get((int) keys[runStart[r]]).rule();
                String source = order.source((int) (keys[runStart[r]] >>> 32), rule);
                BigDecimal net = BigDecimal.ZERO;
                for (int k = runStart[r]; k < runStart[r + 1]; k++) {
                    RawItem m = moves.get((int) keys[k]);
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
     * 同一问题不重复扣分: of the deductions that cite the same {@link SameProblem} key, only the largest counts (the first in
     * rule-file order, then in firing order, when they are equal); every other keeps its place in the explanation with 0
     * points and a note naming the item that counts. Done before caps, so a rule's cap sees only what it really deducts.
     */
    static List<RawItem> deductOnce(RuleOrder order, List<RawItem> moves, Wording wording) {
        Map<String, RawItem> counted = null;
        for (RawItem m : moves) {
            String key = problem(m);
            if (key == null) {
                continue;
            }
            if (counted == null) {
                counted = new HashMap<>();
            }
            RawItem other = counted.get(key);
            if (other == null || counts(m, other, order)) {
                counted.put(key, m);
            }
        }
        if (counted == null) {
            return moves;
        }
        List<RawItem> result = new ArrayList<>(moves.size());
        for (RawItem m : moves) {
            String key = problem(m);
            RawItem kept = key == null ? m : counted.get(key);
            if (kept == m) {
                result.add(m);
            } else {
                String note = wording.sameProblem(m.points().negate(), kept.rule().name() != null ? kept.rule().name() : kept.rule().id());
                result.add(new RawItem(m.rule(), m.kind(), BigDecimal.ZERO, wording.withNote(m.reason(), note), m.evidence(),
                        m.grade(), m.effect()));
            }
        }
        return result;
    }

    private static final String SAME_PROBLEM = SameProblem.class.getSimpleName();

    /** The problem key a deduction cites, or null. */
    private static String problem(RawItem m) {
        if (m.kind() != ItemKind.DEDUCTION) {
            return null;
        }
        for (Evidence e : m.evidence()) {
            if (e.type().equals(SAME_PROBLEM) && e.id() != null) {
                return e.id();
            }
        }
        return null;
    }

    /** Whether deduction {@code m} counts rather than {@code other}, deducted earlier for the same problem. */
    private static boolean counts(RawItem m, RawItem other, RuleOrder order) {
        int bigger = m.points().compareTo(other.points()); // deductions are negative: the smaller number deducts more
        if (bigger != 0) {
            return bigger < 0;
        }
        int a = order.position(m.rule());
        int b = order.position(other.rule());
        return a >= 0 && (b < 0 || a < b);
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
     * @param verdicts the VETO and GRADE_LIMIT items of both phases, in the order rules made them (a VETO's points are
     *                 zero, except as a combined rubric carries them: points its total holds and its items do not)
     */
    public static Evaluation finish(Manifest manifest, SubjectRef subject, Subtotal subtotal, List<RawItem> verdicts, Wording wording) {
        return finish(manifest, subject, null, subtotal, verdicts, wording);
    }

    /**
     * Steps 4–6 for a subject scored for a period.
     *
     * @param period the period the result carries, or null (or unbounded) when none was named
     */
    public static Evaluation finish(Manifest manifest, SubjectRef subject, Period period, Subtotal subtotal, List<RawItem> verdicts,
                                    Wording wording) {
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
            // a rule's veto moves no points; a veto carried from a part of a combined rubric carries the points its
            // part's zeroing moved, which the subtotal's total holds but its items do not
            BigDecimal points = v.points();
            String reason = v.reason();
            String capGrade = null;
            VetoEffect effect = v.effect();
            if (effect instanceof VetoEffect.Zero) {
                // "vetoes only ever worsen the outcome": zeroing only ever lowers a total where higher is better;
                // it never raises a negative total, and where lower is better a total of 0 would be the best
                // of all, so there the total stays and only the grade is taken again
                boolean lowers = manifest.better() == Manifest.Better.HIGHER && total.signum() > 0;
                if (!zeroed && lowers) {
                    points = points.subtract(total);
                    reason = wording.withNote(reason, wording.vetoZero(before));
                    total = BigDecimal.ZERO;
                }
                zeroed = true;
                // the grade is taken again from the bands for the total as it now is (0, or the total that stayed):
                // no band for it means no grade; never better than the grade so far
                int zeroBand = band(bands, total);
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
                    v.rule().source(), capGrade, effect));
        }
        String gradeId = noGrade || grade < 0 ? null : bands.get(grade).id();
        return new Evaluation(subject, manifest.base(), total, before, gradeId, vetoed, null, subtotal.categories(), items, period);
    }

    /**
     * Step 7: ranks and grade quotas across a cohort evaluated together.
     *
     * @param evaluations each subject's result from {@link #finish}; subject ids unique
     */
    public static CohortResult cohort(Manifest manifest, RubricInfo rubric, List<Evaluation> evaluations, Wording wording) {
        List<Standing> standing = new ArrayList<>(evaluations.size());
        for (Evaluation e : evaluations) {
            standing.add(Standing.of(manifest, e));
        }
        Standings standings = standings(manifest, standing, wording);
        List<SubjectRef> subjects = new ArrayList<>(evaluations.size());
        for (Evaluation e : evaluations) {
            subjects.add(e.subject());
        }
        List<List<ScoreItem>> named = namedDrops(manifest, standings, subjects, wording);
        List<Evaluation> results = new ArrayList<>(evaluations.size());
        for (int i = 0; i < evaluations.size(); i++) {
            results.add(evaluations.get(i).withCohortOutcome(standings.rank(i), standings.grade(i), named.get(i)));
        }
        results.sort(Comparator.comparing((Evaluation e) -> e.rank()).thenComparing(e -> e.subject().id()));
        return new CohortResult(rubric, results);
    }

    /**
     * Each subject's quota drops told with the cohort's names ({@link #namedDrop}): the others that share its rank and
     * drop to the same grade, by subject id.
     *
     * @param subjects the subjects, by the positions of {@code standings}
     * @return the named QUOTA items of each subject, by the same positions; empty where no quota hit it
     */
    public static List<List<ScoreItem>> namedDrops(Manifest manifest, Standings standings, List<SubjectRef> subjects, Wording wording) {
        Map<Integer, List<Integer>> droppedByRank = new HashMap<>();
        for (int i = 0; i < standings.size(); i++) {
            if (!standings.drops(i).isEmpty()) {
                droppedByRank.computeIfAbsent(standings.rank(i), r -> new ArrayList<>()).add(i);
            }
        }
        List<List<ScoreItem>> named = new ArrayList<>(java.util.Collections.nCopies(standings.size(), List.of()));
        for (List<Integer> group : droppedByRank.values()) {
            group.sort(Comparator.comparing(i -> subjects.get(i).id()));
            for (int i : group) {
                List<ScoreItem> mine = new ArrayList<>(standings.drops(i).size());
                for (ScoreItem drop : standings.drops(i)) {
                    List<String> tiedWith = new ArrayList<>();
                    for (int j : group) {
                        if (j != i && standings.drops(j).stream().anyMatch(d -> drop.grade().equals(d.grade()))) {
                            tiedWith.add(label(subjects.get(j)));
                        }
                    }
                    mine.add(namedDrop(manifest, drop, standings.size(), standings.rank(i), tiedWith, wording));
                }
                named.set(i, List.copyOf(mine));
            }
        }
        return named;
    }

    /** How a subject is named in another's quota drop: its name, else its id. */
    public static String label(SubjectRef subject) {
        return subject.name() != null ? subject.name() : subject.id();
    }

    /**
     * A quota drop told with the cohort's names, which only the cohort can give: the subject's rank and the others
     * that share it and drop to the same grade.
     *
     * @param drop       the QUOTA item of {@link QuotaCut#drop}
     * @param cohortSize how many subjects the cohort has
     * @param rank       the subject's competition rank
     * @param tiedWith   the labels ({@link #label}) of the other subjects of its rank that the same cut drops, by
     *                   subject id; empty when none
     */
    public static ScoreItem namedDrop(Manifest manifest, ScoreItem drop, long cohortSize, int rank, List<String> tiedWith,
                                      Wording wording) {
        GradeBand band = manifest.grades().get(manifest.gradeIndex(drop.grade()) - 1);
        int allowed = Math.toIntExact(quotaAllowed(band, cohortSize));
        return new ScoreItem(drop.rule(), drop.ruleName(), drop.category(), drop.kind(), drop.points(),
                wording.quotaDrop(band.id(), band.quota(), allowed, drop.grade(), rank, tiedWith),
                drop.evidence(), drop.source(), drop.grade(), drop.effect());
    }

    /**
     * What step 7 needs of one subject, so a cohort too large to hold in memory can be ranked from a few numbers
     * per subject.
     *
     * @param total    the subject's total; never null
     * @param grade    the grade from {@link #finish}, or null when none is given
     * @param vetoed   whether a veto applies (ranked last where the manifest says {@code ranking.vetoed: last})
     * @param tieBreak the scores of the manifest's {@code ranking.tieBreak} categories, in that order; never null
     */
    public record Standing(BigDecimal total, String grade, boolean vetoed, List<BigDecimal> tieBreak) {

        public Standing {
            java.util.Objects.requireNonNull(total, "total");
            tieBreak = List.copyOf(tieBreak);
        }

        /** What step 7 needs of a result. */
        public static Standing of(Manifest manifest, Evaluation e) {
            List<BigDecimal> scores = new ArrayList<>(manifest.ranking().tieBreak().size());
            for (String id : manifest.ranking().tieBreak()) {
                for (CategoryScore c : e.categories()) {
                    if (c.id().equals(id)) {
                        scores.add(c.score());
                    }
                }
            }
            return new Standing(e.total(), e.grade(), e.vetoed(), scores);
        }
    }

    /**
     * Step 7 on what it needs alone: ranks by {@link #bestFirst}, then grade quotas by {@link #quotaCut} and
     * {@link #afterQuotas}.
     *
     * @param subjects each subject's standing, in any fixed order; never null
     * @return ranks, grades after quotas and quota drops (not yet named), by the same positions
     */
    public static Standings standings(Manifest manifest, List<Standing> subjects, Wording wording) {
        int n = subjects.size();
        Comparator<Standing> order = bestFirst(manifest);
        Integer[] ranked = new Integer[n];
        for (int i = 0; i < n; i++) {
            ranked[i] = i;
        }
        java.util.Arrays.sort(ranked, (a, b) -> order.compare(subjects.get(a), subjects.get(b)));

        int[] ranks = new int[n];
        for (int i = 0; i < n; i++) {
            boolean tiedWithPrevious = i > 0 && order.compare(subjects.get(ranked[i - 1]), subjects.get(ranked[i])) == 0;
            ranks[ranked[i]] = tiedWithPrevious ? ranks[ranked[i - 1]] : i + 1;
        }

        List<GradeBand> bands = manifest.grades();
        List<QuotaCut> cuts = new ArrayList<>();
        for (int g = 0; g < bands.size() - 1; g++) {
            if (bands.get(g).quota() == null) {
                continue;
            }
            long allowed = quotaAllowed(bands.get(g), n);
            // the holders of the band after the cuts of better bands, best first: the one at [allowed] is the first out
            long seen = 0;
            Standing firstOut = null;
            for (Integer i : ranked) {
                if (holds(manifest, subjects.get(i), cuts, g) && seen++ == allowed) {
                    firstOut = subjects.get(i);
                    break;
                }
            }
            if (firstOut != null) {
                cuts.add(quotaCut(manifest, g, n, firstOut, wording));
            }
        }
        String[] finalGrades = new String[n];
        List<List<ScoreItem>> drops = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Outcome outcome = afterQuotas(manifest, subjects.get(i), cuts);
            finalGrades[i] = outcome.grade();
            drops.add(outcome.drops());
        }
        return new Standings(ranks, finalGrades, drops);
    }

    /** Whether a subject holds band {@code band} after the given cuts of better bands. */
    private static boolean holds(Manifest manifest, Standing subject, List<QuotaCut> cuts, int band) {
        String grade = afterQuotas(manifest, subject, cuts).grade();
        return grade != null && manifest.gradeIndex(grade) == band;
    }

    /**
     * The order of step 7, best first: vetoed subjects last where the manifest says {@code ranking.vetoed: last},
     * then totals (highest first, or lowest where it says {@code better: lower}), then the scores of the
     * {@code ranking.tieBreak} categories in turn, the same way. Subjects that compare equal share a competition rank.
     */
    public static Comparator<Standing> bestFirst(Manifest manifest) {
        boolean higher = manifest.better() == Manifest.Better.HIGHER;
        Comparator<Standing> order = manifest.ranking().vetoed() == Manifest.VetoedRank.LAST
                ? Comparator.comparing(Standing::vetoed) : (a, b) -> 0;
        order = order.thenComparing(higher ? Comparator.comparing(Standing::total).reversed() : Comparator.comparing(Standing::total));
        int k = manifest.ranking().tieBreak().size();
        for (int c = 0; c < k; c++) {
            int at = c;
            Comparator<Standing> byCategory = Comparator.comparing(s -> s.tieBreak().get(at));
            order = order.thenComparing(higher ? byCategory.reversed() : byCategory);
        }
        return order;
    }

    /**
     * How many subjects of a cohort may hold a band: its quota's share of the whole cohort, rounded down.
     *
     * @param band       a band with a quota; never null
     * @param cohortSize how many subjects the cohort has
     * @throws IllegalArgumentException when the band has no quota
     */
    public static long quotaAllowed(GradeBand band, long cohortSize) {
        if (band.quota() == null) {
            throw new IllegalArgumentException("grade [" + band.id() + "] has no quota; ask only for bands that have one");
        }
        return band.quota().multiply(BigDecimal.valueOf(cohortSize)).setScale(0, RoundingMode.FLOOR).longValueExact();
    }

    /**
     * A band's quota as a cohort exceeds it: its holders no better than {@code firstOut} by {@link #bestFirst} drop to
     * the next band, each with the {@code drop} item. Holders tied with the first one out (by total and tie-break) all
     * drop with it.
     *
     * @param band     the index of the band in the manifest's grades
     * @param firstOut the standing of the band's first holder beyond its quota, holders taken best first
     * @param drop     the QUOTA item each dropped holder gets, before {@link #namedDrop} names the cohort
     */
    public record QuotaCut(int band, Standing firstOut, ScoreItem drop) {

        /** Whether a holder of the band with this standing drops, by the order of {@link #bestFirst}. */
        public boolean drops(Comparator<Standing> bestFirst, Standing subject) {
            return bestFirst.compare(subject, firstOut) >= 0;
        }
    }

    /**
     * The cut of band {@code band}'s quota in a cohort of {@code cohortSize} whose first holder beyond the quota
     * stands at {@code firstOut}.
     *
     * @param band the index of a band with a quota, not the last band
     */
    public static QuotaCut quotaCut(Manifest manifest, int band, long cohortSize, Standing firstOut, Wording wording) {
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
     * @param subject the subject's standing, its grade from {@link #finish}
     * @param cuts    the cohort's cuts, in band order; never null
     */
    public static Outcome afterQuotas(Manifest manifest, Standing subject, List<QuotaCut> cuts) {
        if (subject.grade() == null) {
            return new Outcome(null, List.of());
        }
        Comparator<Standing> bestFirst = cuts.isEmpty() ? null : bestFirst(manifest);
        int g = manifest.gradeIndex(subject.grade());
        List<ScoreItem> drops = List.of();
        for (QuotaCut cut : cuts) {
            if (cut.band() == g && cut.drops(bestFirst, subject)) {
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
