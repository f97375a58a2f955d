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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        Map<RubricRule, Integer> position = new HashMap<>();
        for (int i = 0; i < ruleOrder.size(); i++) {
            position.put(ruleOrder.get(i), i);
        }
        Map<String, Map<RubricRule, List<RawItem>>> byCategory = new LinkedHashMap<>();
        for (RawItem m : moves) {
            byCategory.computeIfAbsent(m.rule().category(), k -> new HashMap<>())
                    .computeIfAbsent(m.rule(), k -> new ArrayList<>()).add(m);
        }
        List<ScoreItem> items = new ArrayList<>();
        List<CategoryScore> scores = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Category c : manifest.categories()) {
            BigDecimal score = c.start();
            Map<RubricRule, List<RawItem>> rules = byCategory.getOrDefault(c.id(), Map.of());
            List<RubricRule> ordered = new ArrayList<>(rules.keySet());
            ordered.sort(Comparator.comparing(r -> position.getOrDefault(r, Integer.MAX_VALUE)));
            for (RubricRule rule : ordered) {
                BigDecimal net = BigDecimal.ZERO;
                for (RawItem m : rules.get(rule)) {
                    items.add(item(m, m.points()));
                    net = net.add(m.points());
                }
                score = score.add(net);
                if (rule.max() != null && net.abs().compareTo(rule.max()) > 0) {
                    BigDecimal allowed = net.signum() < 0 ? rule.max().negate() : rule.max();
                    BigDecimal cap = allowed.subtract(net);
                    items.add(new ScoreItem(rule.id(), rule.name(), c.id(), ItemKind.CAP, cap,
                            wording.ruleCap(rule.id(), rule.max(), cap.abs(), net.signum() < 0), List.of(), rule.source(), null, null));
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
                if (!zeroed && total.signum() != 0) {
                    points = total.negate();
                    reason = wording.withNote(reason, wording.vetoZero(before));
                    total = BigDecimal.ZERO;
                }
                zeroed = true;
                grade = worst(grade, band(bands, BigDecimal.ZERO));
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
        Comparator<Evaluation> byTotal = Comparator.comparing(Evaluation::total);
        if (manifest.better() == Manifest.Better.HIGHER) {
            byTotal = byTotal.reversed();
        }
        Comparator<Evaluation> order = byTotal.thenComparing(e -> e.subject().id());
        List<Evaluation> ranked = new ArrayList<>(evaluations);
        ranked.sort(order);

        Map<String, Integer> ranks = new HashMap<>();
        for (int i = 0; i < ranked.size(); i++) {
            Evaluation e = ranked.get(i);
            boolean tiedWithPrevious = i > 0 && ranked.get(i - 1).total().compareTo(e.total()) == 0;
            ranks.put(e.subject().id(), tiedWithPrevious ? ranks.get(ranked.get(i - 1).subject().id()) : i + 1);
        }

        List<GradeBand> bands = manifest.grades();
        Map<String, Integer> grade = new HashMap<>();
        Map<String, List<ScoreItem>> drops = new HashMap<>();
        for (Evaluation e : ranked) {
            grade.put(e.subject().id(), e.grade() == null ? -1 : manifest.gradeIndex(e.grade()));
            drops.put(e.subject().id(), new ArrayList<>());
        }
        for (int g = 0; g < bands.size() - 1; g++) {
            GradeBand band = bands.get(g);
            if (band.quota() == null) {
                continue;
            }
            int allowed = band.quota().multiply(BigDecimal.valueOf(ranked.size())).setScale(0, RoundingMode.FLOOR).intValueExact();
            final int current = g;
            List<Evaluation> holders = ranked.stream().filter(e -> grade.get(e.subject().id()) == current).toList();
            if (holders.size() <= allowed) {
                continue;
            }
            BigDecimal firstOut = holders.get(allowed).total();
            for (int i = 0; i < holders.size(); i++) {
                Evaluation e = holders.get(i);
                if (i >= allowed || e.total().compareTo(firstOut) == 0) {
                    String next = bands.get(g + 1).id();
                    grade.put(e.subject().id(), g + 1);
                    drops.get(e.subject().id()).add(new ScoreItem(null, null, null, ItemKind.QUOTA, BigDecimal.ZERO,
                            wording.quotaDrop(band.id(), band.quota(), allowed, next), List.of(), null, next, null));
                }
            }
        }
        List<Evaluation> results = new ArrayList<>();
        for (Evaluation e : ranked) {
            String id = e.subject().id();
            int g = grade.get(id);
            String gradeId = e.grade() == null ? null : bands.get(g).id();
            results.add(e.withCohortOutcome(ranks.get(id), gradeId, drops.get(id)));
        }
        results.sort(Comparator.comparing((Evaluation e) -> e.rank()).thenComparing(e -> e.subject().id()));
        return new CohortResult(rubric, results);
    }

    private static ScoreItem item(RawItem m, BigDecimal points) {
        return new ScoreItem(m.rule().id(), m.rule().name(), m.rule().category(), m.kind(), points, m.reason(), m.evidence(),
                m.rule().source(), null, null);
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
