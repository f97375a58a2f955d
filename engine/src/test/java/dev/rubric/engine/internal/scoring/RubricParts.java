package dev.rubric.engine.internal.scoring;

import dev.rubric.api.Evaluation;
import dev.rubric.api.ItemKind;
import dev.rubric.api.Manifest;
import dev.rubric.api.Manifest.Better;
import dev.rubric.api.Manifest.Category;
import dev.rubric.api.Manifest.GradeBand;
import dev.rubric.api.Manifest.Mode;
import dev.rubric.api.RubricInfo;
import dev.rubric.api.RubricRule;
import dev.rubric.api.ScoreItem;
import dev.rubric.api.SubjectRef;
import dev.rubric.api.VetoEffect;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The parts of a rubric built by hand, so the arithmetic of contract §4 can be specified without a rule
 * engine: manifests, rules and what those rules wrote on a score sheet.
 */
final class RubricParts {

    static final RubricInfo INFO = new RubricInfo("test", null, "1", "sha256:test");

    private static final AtomicInteger LINES = new AtomicInteger(1);

    private RubricParts() {
    }

    static BigDecimal n(String decimal) {
        return new BigDecimal(decimal);
    }

    /** A deduct-mode category from 0 to {@code max}. */
    static Category category(String id, String max) {
        return new Category(id, id, n(max), BigDecimal.ZERO, Mode.DEDUCT);
    }

    /** A deduct-mode category with a floor of its own. */
    static Category category(String id, String min, String max) {
        return new Category(id, id, n(max), n(min), Mode.DEDUCT);
    }

    /** An earn-mode (bonus) category from {@code min} up to {@code max}. */
    static Category earn(String id, String min, String max) {
        return new Category(id, id, n(max), n(min), Mode.EARN);
    }

    /** A grade band; null bounds are open. */
    static GradeBand band(String id, String min, String max) {
        return new GradeBand(id, min == null ? null : n(min), max == null ? null : n(max), null);
    }

    /** A grade band with a cohort quota. */
    static GradeBand band(String id, String min, String max, String quota) {
        return new GradeBand(id, min == null ? null : n(min), max == null ? null : n(max), n(quota));
    }

    static ManifestBuilder rubric() {
        return new ManifestBuilder();
    }

    /** A scoring rule of a category, capped at {@code max} points when max is not null. */
    static RubricRule rule(String id, String category, String max) {
        return new RubricRule(id, id + " rule", category, max == null ? null : n(max), null, false, "test.drl",
                LINES.getAndAdd(7));
    }

    /** A rule without category, such as a veto or grading rule, with an optional {@code @effect}. */
    static RubricRule verdictRule(String id, VetoEffect effect) {
        return new RubricRule(id, id + " rule", null, null, effect, true, "test.drl", LINES.getAndAdd(7));
    }

    static RawItem deduction(RubricRule rule, String points) {
        return new RawItem(rule, ItemKind.DEDUCTION, n(points).negate(), "deducted " + points, List.of(), null, null);
    }

    static RawItem addition(RubricRule rule, String points) {
        return new RawItem(rule, ItemKind.ADDITION, n(points), "added " + points, List.of(), null, null);
    }

    static RawItem veto(RubricRule rule, VetoEffect effect) {
        return new RawItem(rule, ItemKind.VETO, BigDecimal.ZERO, "vetoed by " + rule.id(), List.of(), null, effect);
    }

    /** A verdict made when needed, so a test can name one before its subject is scored. */
    interface RawItemSource {
        RawItem item();
    }

    static RawItem limit(RubricRule rule, String grade) {
        return new RawItem(rule, ItemKind.GRADE_LIMIT, BigDecimal.ZERO, "limited to " + grade, List.of(), grade, null);
    }

    /** Each item as {@code "RULE KIND POINTS"}, {@code -} standing for an item the arithmetic made. */
    static List<String> lines(List<ScoreItem> items) {
        List<String> lines = new ArrayList<>();
        for (ScoreItem i : items) {
            lines.add((i.rule() == null ? "-" : i.rule()) + " " + i.kind() + " " + i.points().stripTrailingZeros().toPlainString());
        }
        return lines;
    }

    /** The sum of every item's points. */
    static BigDecimal sum(List<ScoreItem> items) {
        return items.stream().map(ScoreItem::points).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * The manifest of a one-category rubric ("score", 0 to 100) with the given bands, so a test can pick
     * a subject's total directly.
     */
    static Manifest hundredPoints(GradeBand... bands) {
        ManifestBuilder b = rubric().category(category("score", "100"));
        for (GradeBand band : bands) {
            b.grade(band);
        }
        return b.build();
    }

    private static final RubricRule LOSS = rule("LOSS", "score", null);

    /** Steps 1–3 for a subject of a {@link #hundredPoints} rubric whose total is {@code total}. */
    static Scoring.Subtotal totalOf(Manifest manifest, String total) {
        BigDecimal lost = n("100").subtract(n(total));
        List<RawItem> moves = lost.signum() == 0 ? List.of() : List.of(deduction(LOSS, lost.toPlainString()));
        return Scoring.subtotal(manifest, List.of(LOSS), moves, Wording.of(manifest));
    }

    /** Steps 1–6 for subject {@code id} of a {@link #hundredPoints} rubric with the given total and verdicts. */
    static Evaluation evaluated(Manifest manifest, String id, String total, RawItem... verdicts) {
        return Scoring.finish(manifest, new SubjectRef(id, null), totalOf(manifest, total), List.of(verdicts), Wording.of(manifest));
    }

    /** Builds manifests; grades and categories in the order given. */
    static final class ManifestBuilder {
        private final List<Category> categories = new ArrayList<>();
        private final List<GradeBand> grades = new ArrayList<>();
        private VetoEffect veto = new VetoEffect.Fail();
        private Better better = Better.HIGHER;
        private String name = "Test rubric";
        private Manifest.Ranking ranking = Manifest.Ranking.DEFAULT;

        ManifestBuilder category(Category c) {
            categories.add(c);
            return this;
        }

        ManifestBuilder grade(GradeBand g) {
            grades.add(g);
            return this;
        }

        ManifestBuilder veto(VetoEffect effect) {
            veto = effect;
            return this;
        }

        ManifestBuilder better(Better b) {
            better = b;
            return this;
        }

        ManifestBuilder name(String n) {
            name = n;
            return this;
        }

        ManifestBuilder ranking(Manifest.VetoedRank vetoed, String... tieBreak) {
            ranking = new Manifest.Ranking(vetoed, List.of(tieBreak));
            return this;
        }

        Manifest build() {
            return new Manifest("test", name, "1", List.of(), categories, veto, better, grades,
                    Manifest.Language.of(name, categories), ranking, false);
        }
    }
}
