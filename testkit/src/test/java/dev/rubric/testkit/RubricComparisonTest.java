package dev.rubric.testkit;

import dev.rubric.api.Manifest;
import dev.rubric.api.Manifest.Better;
import dev.rubric.api.Manifest.Category;
import dev.rubric.api.Manifest.GradeBand;
import dev.rubric.api.Manifest.Mode;
import dev.rubric.api.Manifest.Ranking;
import dev.rubric.api.Manifest.VetoedRank;
import dev.rubric.api.VetoEffect;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every manifest setting that moves a score, a grade or a rank is a change the diff lists, each on its own.
 * The comparison is of the manifests alone: no rule is compiled.
 */
class RubricComparisonTest {

    private static final Category TARGETS = new Category("targets", "目标任务", new BigDecimal("30"), BigDecimal.ZERO, Mode.DEDUCT);
    private static final Category BONUS = new Category("bonus", "加分项", new BigDecimal("5"), BigDecimal.ZERO, Mode.EARN);
    private static final GradeBand BEST = new GradeBand("优秀", new BigDecimal("90"), null, new BigDecimal("0.2"));
    private static final GradeBand REST = new GradeBand("合格", null, null, null);

    private static Manifest manifest(List<Category> categories, VetoEffect veto, Better better, List<GradeBand> grades, Ranking ranking) {
        return new Manifest("m", "考评", "1", List.of(), categories, veto, better, grades, Manifest.Language.ZH, ranking, false);
    }

    private static final Manifest BEFORE = manifest(List.of(TARGETS, BONUS), new VetoEffect.Fail(), Better.HIGHER, List.of(BEST, REST), Ranking.DEFAULT);

    private static List<String> changes(Manifest after) {
        return RubricComparison.manifestChanges(BEFORE, after).stream().map(RubricDiff.ManifestChange::toString).toList();
    }

    @Test
    void theSameManifestHasNoChange() {
        assertThat(changes(manifest(List.of(TARGETS, BONUS), new VetoEffect.Fail(), Better.HIGHER, List.of(BEST, REST), Ranking.DEFAULT))).isEmpty();
    }

    /** Guards the planted bug "RubricDiff misses a change of a category's min". */
    @Test
    void aCategorysNewFloorIsAChange() {
        Category floored = new Category("targets", "目标任务", new BigDecimal("30"), new BigDecimal("10"), Mode.DEDUCT);

        assertThat(changes(manifest(List.of(floored, BONUS), new VetoEffect.Fail(), Better.HIGHER, List.of(BEST, REST), Ranking.DEFAULT)))
                .containsExactly("category targets min: 0 -> 10");
    }

    /** Guards the planted bug "RubricDiff misses a change of better". */
    @Test
    void whichTotalIsBetterIsAChange() {
        assertThat(changes(manifest(List.of(TARGETS, BONUS), new VetoEffect.Fail(), Better.LOWER, List.of(BEST, REST), Ranking.DEFAULT)))
                .containsExactly("better: higher -> lower");
    }

    @Test
    void aCategorysCapAndModeAreChanges() {
        Category other = new Category("bonus", "加分项", new BigDecimal("6"), BigDecimal.ZERO, Mode.DEDUCT);

        assertThat(changes(manifest(List.of(TARGETS, other), new VetoEffect.Fail(), Better.HIGHER, List.of(BEST, REST), Ranking.DEFAULT)))
                .containsExactly("category bonus max: 5 -> 6", "category bonus mode: earn -> deduct");
    }

    @Test
    void addedAndRemovedCategoriesAreDescribed() {
        Category service = new Category("service", "服务群众", new BigDecimal("10"), BigDecimal.ZERO, Mode.DEDUCT);

        assertThat(changes(manifest(List.of(TARGETS, service), new VetoEffect.Fail(), Better.HIGHER, List.of(BEST, REST), Ranking.DEFAULT)))
                .containsExactly("category service: none -> 服务群众, deduct, 0 to 10", "category bonus: 加分项, earn, 0 to 5 -> none");
    }

    @Test
    void aGradesBoundsQuotaAndOrderAreChanges() {
        GradeBand banded = new GradeBand("优秀", new BigDecimal("92"), new BigDecimal("100"), null);

        assertThat(changes(manifest(List.of(TARGETS, BONUS), new VetoEffect.Fail(), Better.HIGHER, List.of(REST, banded), Ranking.DEFAULT)))
                .containsExactly("grade 优秀 min: 90 -> 92", "grade 优秀 max: none -> 100", "grade 优秀 quota: 0.2 -> none",
                        "grade order: 优秀, 合格 -> 合格, 优秀");
    }

    @Test
    void addedAndRemovedGradesAreDescribed() {
        GradeBand good = new GradeBand("良好", new BigDecimal("80"), new BigDecimal("89.99"), new BigDecimal("0.3"));

        assertThat(changes(manifest(List.of(TARGETS, BONUS), new VetoEffect.Fail(), Better.HIGHER, List.of(BEST, good), Ranking.DEFAULT)))
                .containsExactly("grade 良好: none -> min 80 max 89.99 quota 0.3", "grade 合格: no bounds -> none");
    }

    @Test
    void theVetoEffectIsAChange() {
        assertThat(changes(manifest(List.of(TARGETS, BONUS), new VetoEffect.Zero(), Better.HIGHER, List.of(BEST, REST), Ranking.DEFAULT)))
                .containsExactly("veto effect: fail -> zero");
    }

    @Test
    void howVetoedSubjectsAndTiesAreRankedAreChanges() {
        Ranking ranking = new Ranking(VetoedRank.LAST, List.of("targets"));

        assertThat(changes(manifest(List.of(TARGETS, BONUS), new VetoEffect.Fail(), Better.HIGHER, List.of(BEST, REST), ranking)))
                .containsExactly("ranking vetoed: by_total -> last", "ranking tieBreak: none -> targets");
    }
}
