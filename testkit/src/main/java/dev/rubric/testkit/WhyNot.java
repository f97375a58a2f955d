package dev.rubric.testkit;

import dev.rubric.api.CohortResult;
import dev.rubric.api.Evaluation;
import dev.rubric.api.ItemKind;
import dev.rubric.api.Manifest;
import dev.rubric.api.Rubric;
import dev.rubric.api.RubricRule;
import dev.rubric.api.ScoreItem;
import dev.rubric.api.SubjectRef;
import dev.rubric.api.VetoEffect;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Why a subject does not have the next better grade: the points it lacks, what stands in the way (a quota,
 * a grade limit, a veto), its costliest items in order, and the smallest set of items whose removal would
 * give it that grade.
 *
 * <pre>{@code
 * CohortResult cohort = rubric.evaluateCohort(subjects);
 * WhyNot why = WhyNot.of(rubric, cohort, "D07");
 * System.out.print(why.report());
 * }</pre>
 *
 * <p>Design note: "removing an item" is worked out from the result itself, over the public {@link Rubric}
 * interface: the rules' {@code @max}, the categories' bounds (contract §4 steps 1–3), the bands and, in a
 * cohort, the target band's quota against the other holders are applied again without the removed items;
 * vetoes and grade limits worse than the target must go. Tie-breaking categories of the ranking are not
 * weighed, so at an exact tie with such a rubric the answer is cautious (a tie counts as losing).
 *
 * @param result       the subject's result
 * @param target       the next better grade, or null when the subject already has the best one
 * @param lacking      the points the total lacks for the target, zero when the total is enough, null without target
 * @param obstacles    what stands in the way besides points, each a sentence: a quota, a grade limit, a veto
 * @param costliest    the items that cost the subject points, costliest first
 * @param smallestRemoval the fewest items whose removal gives the target grade, empty when none would or there is no target
 */
public record WhyNot(Evaluation result, String target, BigDecimal lacking, List<String> obstacles, List<ScoreItem> costliest,
                     List<ScoreItem> smallestRemoval) {

    private static final int CANDIDATES = 16;
    private static final int LARGEST_SET = 5;

    public WhyNot {
        obstacles = List.copyOf(obstacles);
        costliest = List.copyOf(costliest);
        smallestRemoval = List.copyOf(smallestRemoval);
    }

    /** Why the subject of a cohort result has not the next better grade. */
    public static WhyNot of(Rubric rubric, CohortResult cohort, String subjectId) {
        Evaluation e = cohort.of(subjectId).orElseThrow(() -> new IllegalArgumentException("there is no subject [" + subjectId
                + "] in the result; its subjects are " + cohort.results().stream().map(r -> r.subject().id()).toList()));
        return new Search(rubric, e, cohort.results().size() > 1 || e.rank() > 0 ? cohort.results() : List.of(e)).run();
    }

    /** Why a subject evaluated alone has not the next better grade. */
    public static WhyNot of(Rubric rubric, Evaluation alone) {
        return new Search(rubric, alone, List.of(alone)).run();
    }

    /** The answer as a person reads it. */
    public String report() {
        StringBuilder b = new StringBuilder();
        SubjectRef s = result.subject();
        b.append(s.name() == null ? s.id() : s.name() + " (" + s.id() + ")").append(": total ").append(WhatIf.plain(result.total()))
                .append(", grade ").append(result.grade()).append(result.rank() > 0 ? ", rank " + result.rank() : "").append('\n');
        if (target == null) {
            b.append("  already has the best grade\n");
            return b.toString();
        }
        b.append("  next better grade: ").append(target).append('\n');
        if (lacking.signum() > 0) {
            b.append("  points lacking: ").append(WhatIf.plain(lacking)).append('\n');
        }
        obstacles.forEach(o -> b.append("  in the way: ").append(o).append('\n'));
        if (!costliest.isEmpty()) {
            b.append("  costliest items:\n");
            costliest.forEach(i -> b.append("    ").append(WhatIf.describe(i)).append('\n'));
        }
        if (smallestRemoval.isEmpty()) {
            b.append("  no set of its items, removed, would give it ").append(target).append('\n');
        } else {
            b.append("  without ").append(smallestRemoval.size() == 1 ? "this item" : "these " + smallestRemoval.size() + " items")
                    .append(" it would be ").append(target).append(":\n");
            smallestRemoval.forEach(i -> b.append("    ").append(WhatIf.describe(i)).append('\n'));
        }
        return b.toString();
    }

    /** The search for the answer over one result. */
    private static final class Search {
        private final Manifest manifest;
        private final Map<String, RubricRule> rules = new LinkedHashMap<>();
        private final Evaluation e;
        private final List<Evaluation> all;
        private final int sign;

        Search(Rubric rubric, Evaluation e, List<Evaluation> all) {
            this.manifest = rubric.manifest();
            rubric.rules().forEach(r -> rules.put(r.id(), r));
            this.e = e;
            this.all = all;
            this.sign = manifest.better() == Manifest.Better.HIGHER ? 1 : -1;
        }

        WhyNot run() {
            List<Manifest.GradeBand> bands = manifest.grades();
            int current = e.grade() == null ? bandOf(unvetoedTotal()) : manifest.gradeIndex(e.grade());
            int targetIndex = e.grade() == null ? current : current - 1;
            List<ScoreItem> costly = e.items().stream().filter(i -> (i.kind() == ItemKind.DEDUCTION || i.kind() == ItemKind.ADDITION)
                    && i.points().signum() * sign < 0).sorted(Comparator.comparing((ScoreItem i) -> i.points().abs()).reversed()).toList();
            if (targetIndex < 0 || bands.isEmpty()) {
                return new WhyNot(e, null, null, List.of(), costly, List.of());
            }
            Manifest.GradeBand target = bands.get(targetIndex);
            List<String> obstacles = new ArrayList<>();
            List<ScoreItem> mustGo = new ArrayList<>();
            for (ScoreItem i : e.items()) {
                if (i.kind() == ItemKind.VETO && (i.grade() == null || manifest.gradeIndex(i.grade()) > targetIndex || i.effect() instanceof VetoEffect.NoGrade)) {
                    obstacles.add("veto " + i.rule() + " (" + i.effect() + "): " + i.reason());
                    mustGo.add(i);
                } else if (i.kind() == ItemKind.VETO && i.effect() instanceof VetoEffect.Zero) {
                    obstacles.add("veto " + i.rule() + " (zero): " + i.reason());
                    mustGo.add(i);
                } else if (i.kind() == ItemKind.GRADE_LIMIT && manifest.gradeIndex(i.grade()) > targetIndex) {
                    obstacles.add("grade limited to " + i.grade() + " by " + i.rule() + ": " + i.reason());
                    mustGo.add(i);
                } else if (i.kind() == ItemKind.QUOTA) {
                    obstacles.add("quota: " + i.reason() + cutNote(target));
                }
            }
            BigDecimal total = unvetoedTotal();
            BigDecimal lacking = lacking(target, total);
            List<ScoreItem> removal = smallest(costly, mustGo, targetIndex);
            return new WhyNot(e, target.id(), lacking, obstacles, costly, removal);
        }

        private String cutNote(Manifest.GradeBand target) {
            List<BigDecimal> rivals = rivals(target);
            int allowed = allowed(target);
            if (allowed <= 0) {
                return "; no subject of a cohort this size can have " + target.id();
            }
            if (rivals.size() < allowed) {
                return "";
            }
            BigDecimal cut = rivals.get(allowed - 1);
            return "; the last place within it goes to a total of " + WhatIf.plain(cut) + ", and a total must be "
                    + (sign > 0 ? "above" : "below") + " it to hold " + target.id() + " (subjects tied at the cut all drop)";
        }

        /** The points the total lacks for the target band, by its bounds and, in a cohort, its quota. */
        private BigDecimal lacking(Manifest.GradeBand target, BigDecimal total) {
            BigDecimal need = BigDecimal.ZERO;
            if (sign > 0 && target.min() != null && total.compareTo(target.min()) < 0) {
                need = target.min().subtract(total);
            } else if (sign < 0 && target.max() != null && total.compareTo(target.max()) > 0) {
                need = total.subtract(target.max());
            }
            List<BigDecimal> rivals = rivals(target);
            int allowed = allowed(target);
            if (target.quota() != null && allowed > 0 && rivals.size() >= allowed) {
                BigDecimal cut = rivals.get(allowed - 1);
                BigDecimal gap = cut.subtract(total).multiply(BigDecimal.valueOf(sign));
                if (gap.signum() >= 0) {
                    // strictly better than the cut; the smallest step is one unit of the finest scale in the result
                    BigDecimal step = BigDecimal.ONE.movePointLeft(Math.max(2, Math.max(cut.scale(), total.scale())));
                    need = need.max(gap.add(step));
                }
            }
            return need;
        }

        /** The totals of the others competing for the target band's quota, best first. */
        private List<BigDecimal> rivals(Manifest.GradeBand target) {
            int t = manifest.gradeIndex(target.id());
            String next = t + 1 < manifest.grades().size() ? manifest.grades().get(t + 1).id() : null;
            List<BigDecimal> totals = new ArrayList<>();
            for (Evaluation o : all) {
                if (o == e || o.subject().id().equals(e.subject().id())) {
                    continue;
                }
                boolean holds = target.id().equals(o.grade()); // including those a better band's quota dropped into it
                boolean dropped = o.items().stream().anyMatch(i -> i.kind() == ItemKind.QUOTA && Objects.equals(i.grade(), next));
                if (holds || dropped) {
                    totals.add(o.total());
                }
            }
            totals.sort(sign > 0 ? Comparator.reverseOrder() : Comparator.naturalOrder());
            return totals;
        }

        private int allowed(Manifest.GradeBand target) {
            if (target.quota() == null || all.size() <= 1) {
                return Integer.MAX_VALUE;
            }
            return target.quota().multiply(BigDecimal.valueOf(all.size())).setScale(0, RoundingMode.FLOOR).intValueExact();
        }

        private BigDecimal unvetoedTotal() {
            return e.totalBeforeVeto() != null ? e.totalBeforeVeto() : e.total();
        }

        private int bandOf(BigDecimal total) {
            List<Manifest.GradeBand> bands = manifest.grades();
            for (int i = 0; i < bands.size(); i++) {
                if (bands.get(i).matches(total)) {
                    return i;
                }
            }
            return bands.size();
        }

        /** Whether the target is reached with the given items removed. */
        private boolean reaches(Set<ScoreItem> removed, int targetIndex) {
            BigDecimal total = totalWithout(removed);
            if (bandOf(total) > targetIndex) {
                return false;
            }
            Manifest.GradeBand target = manifest.grades().get(Math.min(bandOf(total), targetIndex));
            if (target.quota() == null || all.size() <= 1) {
                return true;
            }
            List<BigDecimal> rivals = rivals(target);
            long better = rivals.stream().filter(r -> r.subtract(total).multiply(BigDecimal.valueOf(sign)).signum() > 0).count();
            long equal = rivals.stream().filter(r -> r.compareTo(total) == 0).count();
            return rivals.size() + 1 <= allowed(target) || better + equal + 1 <= allowed(target);
        }

        /** The total with items removed: rule caps and category bounds applied again (contract §4 steps 1–3). */
        private BigDecimal totalWithout(Set<ScoreItem> removed) {
            BigDecimal total = BigDecimal.ZERO;
            for (Manifest.Category c : manifest.categories()) {
                Map<String, BigDecimal> byRule = new LinkedHashMap<>();
                for (ScoreItem i : e.items()) {
                    if ((i.kind() == ItemKind.DEDUCTION || i.kind() == ItemKind.ADDITION) && c.id().equals(i.category()) && !removed.contains(i)) {
                        byRule.merge(i.rule(), i.points(), BigDecimal::add);
                    }
                }
                BigDecimal score = c.start();
                for (Map.Entry<String, BigDecimal> r : byRule.entrySet()) {
                    RubricRule rule = rules.get(r.getKey());
                    BigDecimal net = r.getValue();
                    if (rule != null && rule.max() != null && net.abs().compareTo(rule.max()) > 0) {
                        net = net.signum() < 0 ? rule.max().negate() : rule.max();
                    }
                    score = score.add(net);
                }
                score = score.max(c.min()).min(c.max());
                total = total.add(score);
            }
            return total;
        }

        /** The fewest costly items (with every item that must go) whose removal reaches the target. */
        private List<ScoreItem> smallest(List<ScoreItem> costly, List<ScoreItem> mustGo, int targetIndex) {
            Set<ScoreItem> base = identity(mustGo);
            if (reaches(base, targetIndex)) {
                return mustGo;
            }
            List<ScoreItem> candidates = costly.subList(0, Math.min(CANDIDATES, costly.size()));
            for (int k = 1; k <= Math.min(LARGEST_SET, candidates.size()); k++) {
                List<ScoreItem> best = null;
                BigDecimal bestPoints = null;
                for (List<ScoreItem> set : combinations(candidates, k)) {
                    Set<ScoreItem> removed = identity(base);
                    removed.addAll(set);
                    if (reaches(removed, targetIndex)) {
                        BigDecimal points = set.stream().map(i -> i.points().abs()).reduce(BigDecimal.ZERO, BigDecimal::add);
                        if (best == null || points.compareTo(bestPoints) < 0) {
                            best = set;
                            bestPoints = points;
                        }
                    }
                }
                if (best != null) {
                    List<ScoreItem> out = new ArrayList<>(mustGo);
                    out.addAll(best);
                    return out;
                }
            }
            // beyond the exhaustive search: take the costliest items in order until the target is reached
            Set<ScoreItem> removed = identity(base);
            List<ScoreItem> out = new ArrayList<>(mustGo);
            for (ScoreItem i : costly) {
                removed.add(i);
                out.add(i);
                if (reaches(removed, targetIndex)) {
                    return out;
                }
            }
            return List.of();
        }

        /** Items are values; two equal items are still two deductions, so removal goes by identity. */
        private static Set<ScoreItem> identity(java.util.Collection<ScoreItem> items) {
            Set<ScoreItem> set = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            set.addAll(items);
            return set;
        }

        private static List<List<ScoreItem>> combinations(List<ScoreItem> items, int k) {
            List<List<ScoreItem>> out = new ArrayList<>();
            combine(items, k, 0, new ArrayList<>(), out);
            return out;
        }

        private static void combine(List<ScoreItem> items, int k, int from, List<ScoreItem> chosen, List<List<ScoreItem>> out) {
            if (chosen.size() == k) {
                out.add(List.copyOf(chosen));
                return;
            }
            for (int i = from; i < items.size(); i++) {
                chosen.add(items.get(i));
                combine(items, k, i + 1, chosen, out);
                chosen.remove(chosen.size() - 1);
            }
        }
    }
}
