package dev.rubric.engine.internal.scoring;

import dev.rubric.api.CohortResult;
import dev.rubric.api.Evaluation;
import dev.rubric.api.ItemKind;
import dev.rubric.api.Manifest;
import dev.rubric.api.Manifest.Category;
import dev.rubric.api.Manifest.GradeBand;
import dev.rubric.api.Manifest.Mode;
import dev.rubric.api.RubricRule;
import dev.rubric.api.SubjectRef;
import dev.rubric.api.VetoEffect;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static dev.rubric.engine.internal.scoring.RubricParts.INFO;
import static dev.rubric.engine.internal.scoring.RubricParts.sum;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The invariant of every result (contract §4): {@code base + sum(items.points) == total}, exactly, and
 * the total lies between the sum of the category floors and the sum of their ceilings unless a veto
 * zeroed it; no grade is better than a grade limit or a capping veto allows; a cohort is ranked by its
 * totals in the manifest's direction, ties broken as it says, for random manifests, rules and score sheets.
 *
 * <p>The manifests use every feature: {@code better: higher} and {@code lower}, categories of both modes with
 * floors below and above 0, bands with and without {@code min} and {@code max}, quotas, vetoes of each effect
 * (fail, zero, none, a cap at each grade), grade limits, vetoed subjects ranked by total or last, and tie-breaks.
 */
class ScoringInvariantTest {

    /** A random rubric with what its rules wrote for one subject. */
    record Sheet(Manifest manifest, List<RubricRule> rules, List<RawItem> moves, List<RawItem> verdicts) {
    }

    @Property(tries = 500)
    void baseAndItemsAddUpToTheTotalExactly(@ForAll("sheets") Sheet sheet) {
        // when
        Evaluation e = evaluate(sheet, "S");

        // then
        assertThat(e.base()).isEqualByComparingTo(sheet.manifest().base());
        assertThat(e.base().add(sum(e.items()))).as(RubricParts.lines(e.items()).toString()).isEqualByComparingTo(e.total());
    }

    @Property(tries = 500)
    void theTotalStaysWithinTheCategoryBoundsUnlessZeroed(@ForAll("sheets") Sheet sheet) {
        // when
        Evaluation e = evaluate(sheet, "S");

        // then
        boolean zeroed = sheet.verdicts().stream().anyMatch(v -> v.effect() instanceof VetoEffect.Zero);
        if (zeroed) {
            // a zeroing veto only ever lowers the total: to 0 where higher is better, never up from below 0,
            // and not at all where lower is better (0 would be the best total there)
            BigDecimal expected = sheet.manifest().better() == Manifest.Better.HIGHER ? e.totalBeforeVeto().min(BigDecimal.ZERO)
                    : e.totalBeforeVeto();
            assertThat(e.total()).isEqualByComparingTo(expected);
        } else {
            BigDecimal lo = sheet.manifest().categories().stream().map(Category::min).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal hi = sheet.manifest().categories().stream().map(Category::max).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(e.total()).isBetween(lo, hi);
            e.categories().forEach(c -> assertThat(c.score()).isBetween(c.min(), c.max()));
            assertThat(e.totalBeforeVeto()).isEqualByComparingTo(e.total());
        }
    }

    /** Checks grade caps: it fails when a {@code cap:<grade>} veto or a grade limit is ignored. */
    @Property(tries = 500)
    void noGradeIsBetterThanALimitOrACapAllowsAndTheVetoesDecideTheRest(@ForAll("sheets") Sheet sheet) {
        // when
        Evaluation e = evaluate(sheet, "S");

        // then
        Manifest m = sheet.manifest();
        List<VetoEffect> effects = sheet.verdicts().stream().filter(v -> v.kind() == ItemKind.VETO).map(RawItem::effect).toList();
        assertThat(e.vetoed()).isEqualTo(!effects.isEmpty());
        if (e.grade() != null) {
            int given = m.gradeIndex(e.grade());
            for (RawItem v : sheet.verdicts()) {
                String limit = v.kind() == ItemKind.GRADE_LIMIT ? v.grade() : v.effect() instanceof VetoEffect.Cap cap ? cap.grade() : null;
                if (limit != null) {
                    assertThat(given).as("grade %s under a limit or cap of %s", e.grade(), limit).isGreaterThanOrEqualTo(m.gradeIndex(limit));
                }
            }
            int byBands = band(m, e.totalBeforeVeto());
            if (byBands >= 0) {
                assertThat(given).as("grade %s, the bands give %s", e.grade(), m.grades().get(byBands).id()).isGreaterThanOrEqualTo(byBands);
            }
        }
        if (effects.stream().anyMatch(f -> f instanceof VetoEffect.NoGrade) || m.grades().isEmpty()) {
            assertThat(e.grade()).isNull();
        } else if (effects.stream().anyMatch(f -> f instanceof VetoEffect.Fail)) {
            assertThat(e.grade()).isEqualTo(m.grades().get(m.grades().size() - 1).id());
        } else if (effects.stream().noneMatch(f -> f instanceof VetoEffect.Zero) && band(m, e.total()) < 0) {
            assertThat(e.grade()).isNull();
        }
        assertThat(e.items()).filteredOn(i -> i.kind() == ItemKind.VETO).hasSize(effects.size());
        assertThat(e.items()).filteredOn(i -> i.kind() == ItemKind.GRADE_LIMIT)
                .hasSize((int) sheet.verdicts().stream().filter(v -> v.kind() == ItemKind.GRADE_LIMIT).count());
    }

    /** The first band holding the total, or -1. */
    private static int band(Manifest m, BigDecimal total) {
        for (int i = 0; i < m.grades().size(); i++) {
            if (m.grades().get(i).matches(total)) {
                return i;
            }
        }
        return -1;
    }

    @Property(tries = 200)
    void aCohortKeepsEveryInvariantAndOnlyWorsensGrades(@ForAll("sheets") Sheet sheet, @ForAll @IntRange(min = 1, max = 12) int size) {
        // given the same rubric scoring subjects with ever fewer items
        List<Evaluation> alone = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            List<RawItem> moves = sheet.moves().subList(0, sheet.moves().size() * i / size);
            List<RawItem> verdicts = i % 2 == 0 ? sheet.verdicts() : List.of(); // vetoed and clear subjects mixed
            alone.add(Scoring.finish(sheet.manifest(), new SubjectRef("S" + (size - i), null),
                    Scoring.subtotal(sheet.manifest(), sheet.rules(), moves, Wording.of(sheet.manifest())), verdicts,
                    Wording.of(sheet.manifest())));
        }

        // when
        CohortResult cohort = Scoring.cohort(sheet.manifest(), INFO, alone, Wording.of(sheet.manifest()));

        // then
        assertThat(cohort.results()).hasSize(size);
        for (Evaluation e : cohort.results()) {
            Evaluation before = alone.stream().filter(a -> a.subject().equals(e.subject())).findFirst().orElseThrow();
            assertThat(e.base().add(sum(e.items()))).isEqualByComparingTo(e.total());
            assertThat(e.rank()).isBetween(1, size);
            if (before.grade() == null) {
                assertThat(e.grade()).isNull();
            } else {
                assertThat(sheet.manifest().gradeIndex(e.grade())).isGreaterThanOrEqualTo(sheet.manifest().gradeIndex(before.grade()));
            }
        }
        Manifest m = sheet.manifest();
        List<Evaluation> ranked = cohort.results();
        for (int i = 1; i < ranked.size(); i++) {
            Evaluation a = ranked.get(i - 1);
            Evaluation b = ranked.get(i);
            assertThat(a.rank() < b.rank() || a.rank() == b.rank() && a.subject().id().compareTo(b.subject().id()) < 0)
                    .as("listed by rank, then subject id: %s %s before %s %s", a.subject().id(), a.rank(), b.subject().id(), b.rank()).isTrue();
        }
        for (Evaluation a : ranked) {
            for (Evaluation b : ranked) {
                if (m.ranking().vetoed() == Manifest.VetoedRank.LAST && a.vetoed() != b.vetoed()) {
                    continue; // below
                }
                int byTotal = m.better() == Manifest.Better.HIGHER ? a.total().compareTo(b.total()) : b.total().compareTo(a.total());
                if (byTotal > 0) {
                    assertThat(a.rank()).as("%s %s ranks before %s %s", a.subject().id(), a.total(), b.subject().id(), b.total())
                            .isLessThan(b.rank());
                } else if (byTotal == 0 && m.ranking().tieBreak().isEmpty()) {
                    assertThat(a.rank()).as("%s and %s tie", a.subject().id(), b.subject().id()).isEqualTo(b.rank());
                }
            }
        }
        if (m.ranking().vetoed() == Manifest.VetoedRank.LAST) {
            int lastClear = ranked.stream().filter(e -> !e.vetoed()).mapToInt(Evaluation::rank).max().orElse(0);
            assertThat(ranked).filteredOn(Evaluation::vetoed).allSatisfy(e -> assertThat(e.rank()).isGreaterThan(lastClear));
        }
        for (GradeBand band : sheet.manifest().grades()) {
            if (band.quota() != null) {
                long holders = cohort.results().stream().filter(e -> band.id().equals(e.grade())).count();
                assertThat(holders).isLessThanOrEqualTo(band.quota().multiply(BigDecimal.valueOf(size)).longValue());
            }
        }
    }

    private static Evaluation evaluate(Sheet sheet, String subject) {
        Wording wording = Wording.of(sheet.manifest());
        Scoring.Subtotal subtotal = Scoring.subtotal(sheet.manifest(), sheet.rules(), sheet.moves(), wording);
        return Scoring.finish(sheet.manifest(), new SubjectRef(subject, null), subtotal, sheet.verdicts(), wording);
    }

    @Provide
    Arbitrary<Sheet> sheets() {
        return categories().flatMap(categories -> grades().flatMap(grades -> Combinators.combine(vetoEffect(grades),
                Arbitraries.of(Manifest.Better.values()), ranking(categories)).as(Setting::new).flatMap(setting -> {
            Manifest manifest = new Manifest("random", "random", "1", List.of(), categories, setting.veto(),
                    setting.better(), grades, Manifest.Language.EN, setting.ranking(), false);
            return rules(categories).flatMap(rules -> Combinators.combine(
                    moves(rules).list().ofMaxSize(20),
                    verdicts(grades).list().ofMaxSize(3)
            ).as((moves, verdicts) -> new Sheet(manifest, rules, moves, verdicts)));
        })));
    }

    /** The manifest's settings beside its categories and grades. */
    private record Setting(VetoEffect veto, Manifest.Better better, Manifest.Ranking ranking) {
    }

    /** Vetoed subjects ranked by total or last, with none, one or more tie-break categories. */
    private Arbitrary<Manifest.Ranking> ranking(List<Category> categories) {
        List<String> ids = categories.stream().map(Category::id).toList();
        return Combinators.combine(Arbitraries.of(Manifest.VetoedRank.values()), Arbitraries.of(ids).list().uniqueElements().ofMaxSize(ids.size()))
                .as(Manifest.Ranking::new);
    }

    private static Arbitrary<BigDecimal> points(int maxWhole) {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.valueOf(maxWhole)).ofScale(2);
    }

    private Arbitrary<List<Category>> categories() {
        Arbitrary<Category> category = Combinators.combine(
                Arbitraries.integers().between(-10, 10),
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.valueOf(40)).ofScale(1),
                Arbitraries.of(Mode.values())
        ).as((min, range, mode) -> new Category("c", "c", BigDecimal.valueOf(min).add(range), BigDecimal.valueOf(min), mode));
        return category.list().ofMinSize(1).ofMaxSize(4).map(list -> {
            List<Category> named = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                Category c = list.get(i);
                named.add(new Category("c" + i, "c" + i, c.max(), c.min(), c.mode()));
            }
            return named;
        });
    }

    private Arbitrary<List<GradeBand>> grades() {
        Arbitrary<GradeBand> band = Combinators.combine(
                Arbitraries.integers().between(-20, 120).injectNull(0.3),
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.valueOf(60)).ofScale(1).injectNull(0.5),
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.ONE).ofScale(2).injectNull(0.5)
        ).as((min, width, quota) -> new GradeBand("g", min == null ? null : BigDecimal.valueOf(min),
                width == null ? null : (min == null ? BigDecimal.ZERO : BigDecimal.valueOf(min)).add(width), quota));
        return band.list().ofMaxSize(4).map(list -> {
            List<GradeBand> named = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                GradeBand b = list.get(i);
                named.add(new GradeBand("g" + i, b.min(), b.max(), b.quota()));
            }
            if (!named.isEmpty()) {
                named.add(new GradeBand("last", null, null, null));
            }
            return named;
        });
    }

    private Arbitrary<VetoEffect> vetoEffect(List<GradeBand> grades) {
        List<VetoEffect> effects = new ArrayList<>(List.of(new VetoEffect.Fail(), new VetoEffect.Zero(), new VetoEffect.NoGrade()));
        grades.forEach(g -> effects.add(new VetoEffect.Cap(g.id())));
        return Arbitraries.of(effects);
    }

    private Arbitrary<List<RubricRule>> rules(List<Category> categories) {
        Arbitrary<RubricRule> rule = Combinators.combine(
                Arbitraries.of(categories),
                Arbitraries.bigDecimals().between(new BigDecimal("0.5"), BigDecimal.TEN).ofScale(1).injectNull(0.5)
        ).as((category, max) -> new RubricRule("r", "r", category.id(), max, null, false, "random.drl", 1));
        return rule.list().ofMinSize(1).ofMaxSize(6).map(list -> {
            List<RubricRule> numbered = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                RubricRule r = list.get(i);
                numbered.add(new RubricRule("R" + i, "rule " + i, r.category(), r.max(), null, false, "random.drl", 10 * i + 1));
            }
            return numbered;
        });
    }

    private Arbitrary<RawItem> moves(List<RubricRule> rules) {
        return Combinators.combine(Arbitraries.of(rules), Arbitraries.of(ItemKind.DEDUCTION, ItemKind.ADDITION), points(15))
                .as((rule, kind, points) -> new RawItem(rule, kind, kind == ItemKind.DEDUCTION ? points.negate() : points,
                        kind + " " + points, List.of(), null, null));
    }

    private Arbitrary<RawItem> verdicts(List<GradeBand> grades) {
        RubricRule rule = new RubricRule("V", "verdict", null, null, null, true, "random.drl", 999);
        Arbitrary<RawItem> vetoes = vetoEffect(grades).map(effect -> new RawItem(rule, ItemKind.VETO, BigDecimal.ZERO, "veto",
                List.of(), null, effect));
        if (grades.isEmpty()) {
            return vetoes;
        }
        Arbitrary<RawItem> limits = Arbitraries.of(grades).map(g -> new RawItem(rule, ItemKind.GRADE_LIMIT, BigDecimal.ZERO,
                "limit", List.of(), g.id(), null));
        return Arbitraries.oneOf(vetoes, limits);
    }
}
