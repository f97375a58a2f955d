package dev.rubric.engine.internal.combine;

import dev.rubric.api.CohortResult;
import dev.rubric.api.Evaluation;
import dev.rubric.api.Facts;
import dev.rubric.api.InvalidFactsException;
import dev.rubric.api.ItemKind;
import dev.rubric.api.Period;
import dev.rubric.api.Rubric;
import dev.rubric.api.ScoreItem;
import dev.rubric.api.VetoEffect;
import dev.rubric.engine.RubricFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A combined rubric end to end: parts scored over quarters, halves and the year, aggregated, weighted, and graded,
 * vetoed and ranked as one result, with every number computed by hand.
 */
class CombinedRubricTest {

    /** A part: 1 point off per late day in the period, a veto for misconduct in the period, 1 point for praise. */
    static final String PART_RULES = """
            package p;
            import dev.rubric.api.Period;
            global dev.rubric.api.ScoreSheet score;
            declare Late
              id  : String
              day : java.time.LocalDate
            end
            declare Misconduct
              id  : String
              day : java.time.LocalDate
            end
            declare Praise
              id  : String
              day : java.time.LocalDate
            end
            rule "L1 迟报" @id("L1") @category("work")
            when
              Period( $s : start, $e : end )
              $l : Late( day >= $s, day <= $e )
            then
              score.deduct(1, "迟报一次", $l);
            end
            rule "V1 违纪" @id("V1")
            when
              Period( $s : start, $e : end )
              $m : Misconduct( day >= $s, day <= $e )
            then
              score.veto("发生违纪问题", $m);
            end
            """;

    static final String PRAISE_RULE = """
            package p;
            import dev.rubric.api.Period;
            global dev.rubric.api.ScoreSheet score;
            declare Praise
              id  : String
              day : java.time.LocalDate
            end
            rule "B1 表扬" @id("B1") @category("bonus")
            when
              Period( $s : start, $e : end )
              $p : Praise( day >= $s, day <= $e )
            then
              score.add(1, "受到表扬", $p);
            end
            """;

    static final String GRADES = """
            grades:
              - { id: 优秀, min: 8.5, quota: 0.2 }
              - { id: 合格, min: 5 }
              - { id: 不合格 }
            """;

    /** Three parts of 10 points (the year's with a bonus of 2): quarterly weighted 0.3, half-yearly 0.2, the year 0.5. */
    static RubricFolder combined(Path dir, String quarterlyAggregate) {
        return RubricFolder.at(dir)
                .manifest("""
                        id: annual
                        name: 年度综合考评
                        period: year
                        parts:
                          - { id: q, name: 平时考核, rubric: quarterly, period: quarter, aggregate: %s, weight: 0.3 }
                          - { id: h, name: 半年考核, rubric: half, period: half, aggregate: sum, weight: 0.2 }
                          - { id: y, name: 年终考核, rubric: year, period: year, weight: 0.5 }
                        """.formatted(quarterlyAggregate) + GRADES)
                .file("quarterly/rubric.yaml", "id: quarterly\nname: 平时考核\ncategories: [{ id: work, name: 日常工作, max: 10 }]\n" + GRADES)
                .file("quarterly/r.drl", PART_RULES)
                .file("half/rubric.yaml", "id: half\nname: 半年考核\ncategories: [{ id: work, name: 日常工作, max: 10 }]\n")
                .file("half/r.drl", PART_RULES)
                .file("year/rubric.yaml", "id: year\nname: 年终考核\ncategories: [{ id: work, name: 日常工作, max: 10 }, "
                        + "{ id: bonus, name: 加分项, max: 2, mode: earn }]\n")
                .file("year/r.drl", PART_RULES)
                .file("year/bonus.drl", PRAISE_RULE);
    }

    /** Late days: 2 in Q1, none in Q2, 1 in Q3, 2 in Q4 (H1 2, H2 3, the year 5); one praise; one late day of 2025. */
    static String subject(String id, String extraFacts) {
        return """
                {"id": "%s", "name": "单位%s", "facts": [
                  {"type": "Late", "id": "a", "day": "2026-01-10"},
                  {"type": "Late", "id": "b", "day": "2026-03-31"},
                  {"type": "Late", "id": "c", "day": "2026-08-01"},
                  {"type": "Late", "id": "d", "day": "2026-10-01"},
                  {"type": "Late", "id": "e", "day": "2026-12-31"},
                  {"type": "Late", "id": "old", "day": "2025-12-31"},
                  {"type": "Praise", "id": "p", "day": "2026-06-01"}%s]}""".formatted(id, id, extraFacts);
    }

    static Facts read(Rubric rubric, String json) {
        return rubric.readFacts(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "facts.json");
    }

    static void assertIdentity(Evaluation e) {
        BigDecimal sum = e.items().stream().map(ScoreItem::points).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(e.base().add(sum)).as("base + Σ points of %s", e.subject().id()).isEqualByComparingTo(e.total());
    }

    @ParameterizedTest(name = "quarterly {0}: total {1}, quarterly score {2}")
    @CsvSource({
            // quarters score 8, 10, 9, 8; halves 8 and 7 summed (15 × 0.2 = 3); the year 10 - 5 + 1 = 6 (× 0.5 = 3)
            "mean, 8.625, 2.625",  // (8 + 10 + 9 + 8) / 4 × 0.3 = 2.625
            "sum,  16.5,  10.5",   // (8 + 10 + 9 + 8) × 0.3 = 10.5
            "last, 8.4,   2.4"})   // 8 (the fourth quarter) × 0.3 = 2.4
    void eachAggregateGivesTheHandComputedTotal(String aggregate, BigDecimal total, BigDecimal quarterly, @TempDir Path dir) {
        // given
        Rubric rubric = combined(dir, aggregate).load();

        // when
        Evaluation e = rubric.evaluate(read(rubric, subject("D1", "")).subject(), Period.parse("2026"));

        // then
        assertThat(e.total()).isEqualByComparingTo(total);
        assertThat(e.categories()).filteredOn(c -> c.id().equals("q/work")).singleElement()
                .satisfies(c -> assertThat(c.score()).isEqualByComparingTo(quarterly));
        assertThat(e.categories()).filteredOn(c -> c.id().equals("h/work")).singleElement()
                .satisfies(c -> assertThat(c.score()).isEqualByComparingTo("3"));
        assertThat(e.categories()).filteredOn(c -> c.id().startsWith("y/")).extracting(c -> c.score().stripTrailingZeros().toPlainString())
                .containsExactly("2.5", "0.5");
        assertIdentity(e);
        assertThat(e.period()).isEqualTo(Period.year(2026));
    }

    @Test
    void theBaseIsEachPartsStartingValueTimesItsWeightAndTheCategoriesAreWeighted(@TempDir Path dir) {
        // given: sum over two halves doubles the half part's bounds
        Rubric rubric = combined(dir, "mean").load();

        // then
        assertThat(rubric.manifest().base()).isEqualByComparingTo("12"); // 10 × 0.3 + 10 × 2 × 0.2 + (10 + 0) × 0.5
        assertThat(rubric.manifest().categories()).extracting(c -> c.id() + " " + c.name() + " " + c.max().toPlainString())
                .containsExactly("q/work 平时考核·日常工作 3", "h/work 半年考核·日常工作 4", "y/work 年终考核·日常工作 5",
                        "y/bonus 年终考核·加分项 1");
        assertThat(rubric.rules()).extracting(r -> r.id() + " " + r.source())
                .contains("q/L1 quarterly/r.drl:16", "y/B1 year/bonus.drl:8");
    }

    @Test
    void eachItemIsCarriedWithItsPeriodNamedAndItsPointsScaled(@TempDir Path dir) {
        // given
        Rubric rubric = combined(dir, "mean").load();

        // when
        Evaluation e = rubric.evaluate(read(rubric, subject("D1", "")).subject(), Period.parse("2026"));

        // then: a late day of the first quarter costs 1 × 0.3 / 4 there, 1 × 0.2 in the first half, 1 × 0.5 in the year
        assertThat(e.itemsOf("q/L1")).extracting(i -> i.reason() + " " + i.points().toPlainString())
                .containsExactly("第一季度：迟报一次（原扣1分，按权重0.3、4个季度平均折算） -0.075", "第一季度：迟报一次（原扣1分，按权重0.3、4个季度平均折算） -0.075", "第三季度：迟报一次（原扣1分，按权重0.3、4个季度平均折算） -0.075",
                        "第四季度：迟报一次（原扣1分，按权重0.3、4个季度平均折算） -0.075", "第四季度：迟报一次（原扣1分，按权重0.3、4个季度平均折算） -0.075");
        assertThat(e.itemsOf("h/L1")).extracting(i -> i.reason() + " " + i.points().toPlainString())
                .containsExactly("上半年：迟报一次（原扣1分，按权重0.2折算） -0.2", "上半年：迟报一次（原扣1分，按权重0.2折算） -0.2", "下半年：迟报一次（原扣1分，按权重0.2折算） -0.2", "下半年：迟报一次（原扣1分，按权重0.2折算） -0.2",
                        "下半年：迟报一次（原扣1分，按权重0.2折算） -0.2");
        assertThat(e.itemsOf("y/B1")).singleElement().satisfies(i -> {
            assertThat(i.reason()).isEqualTo("2026年度：受到表扬（原加1分，按权重0.5折算）");
            assertThat(i.points()).isEqualByComparingTo("0.5");
            assertThat(i.category()).isEqualTo("y/bonus");
            assertThat(i.source()).isEqualTo("year/bonus.drl:8");
            assertThat(i.evidence()).extracting(ev -> ev.type() + ":" + ev.id()).containsExactly("Praise:p");
        });
        assertThat(e.items()).noneMatch(i -> i.reason().contains("2025"));
    }

    @Test
    void theLastAggregateCountsTheLastPeriodsItemsOnly(@TempDir Path dir) {
        // given
        Rubric rubric = combined(dir, "last").load();

        // when
        Evaluation e = rubric.evaluate(read(rubric, subject("D1", "")).subject(), Period.parse("2026"));

        // then
        assertThat(e.itemsOf("q/L1")).extracting(i -> i.reason() + " " + i.points().toPlainString())
                .containsExactly("第四季度：迟报一次（原扣1分，按权重0.3折算） -0.3", "第四季度：迟报一次（原扣1分，按权重0.3折算） -0.3");
        assertIdentity(e);
    }

    @Test
    void aVetoInTheSecondQuarterVetoesTheYearAndNamesTheQuarter(@TempDir Path dir) {
        // given
        Rubric rubric = combined(dir, "mean").load();
        String facts = subject("D1", ",\n  {\"type\": \"Misconduct\", \"id\": \"m\", \"day\": \"2026-05-20\"}");

        // when
        Evaluation e = rubric.evaluate(read(rubric, facts).subject(), Period.parse("2026"));

        // then: the quarter's part, the first half's part and the year's part all see it; each counts
        assertThat(e.vetoed()).isTrue();
        assertThat(e.grade()).isEqualTo("不合格");
        assertThat(e.items()).filteredOn(i -> i.kind() == ItemKind.VETO).extracting(ScoreItem::rule, ScoreItem::reason, ScoreItem::effect)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("q/V1", "第二季度：发生违纪问题", new VetoEffect.Fail()),
                        org.assertj.core.groups.Tuple.tuple("h/V1", "上半年：发生违纪问题", new VetoEffect.Fail()),
                        org.assertj.core.groups.Tuple.tuple("y/V1", "2026年度：发生违纪问题", new VetoEffect.Fail()));
        assertThat(e.total()).isEqualByComparingTo("8.625");
        assertIdentity(e);
    }

    @Test
    void aZeroingVetoOfAPartCarriesThePointsItTookAndZeroesTheCombinedTotal(@TempDir Path dir) {
        // given: the quarterly part zeroes its quarter on a veto
        RubricFolder folder = combined(dir, "mean");
        folder.file("quarterly/rubric.yaml", "id: quarterly\nname: 平时考核\ncategories: [{ id: work, name: 日常工作, max: 10 }]\n"
                + "veto: { effect: zero }\n" + GRADES);
        Rubric rubric = folder.load();
        String facts = subject("D1", ",\n  {\"type\": \"Misconduct\", \"id\": \"m\", \"day\": \"2026-05-20\"}");

        // when
        Evaluation e = rubric.evaluate(read(rubric, facts).subject(), Period.parse("2026"));

        // then
        assertThat(e.total()).isEqualByComparingTo("0");
        assertThat(e.totalBeforeVeto()).isEqualByComparingTo("7.875"); // the second quarter's 10 zeroed: 8.625 - 10 × 0.075
        assertThat(e.itemsOf("q/V1")).singleElement().satisfies(i -> {
            assertThat(i.effect()).isEqualTo(new VetoEffect.Zero());
            assertThat(i.reason()).startsWith("第二季度：发生违纪问题");
            assertThat(i.points()).isEqualByComparingTo("-8.625"); // -0.75 from its quarter, -7.875 from the year's total
        });
        assertIdentity(e);
    }

    @Test
    void quotasRanksAndGradesApplyToTheCombinedTotal(@TempDir Path dir) {
        // given: five subjects around D1's 8.625; 优秀 starts at 8.5 and takes 20% of five, one subject
        Rubric rubric = combined(dir, "mean").load();
        String cohort = "{\"period\": {\"id\": \"2026\", \"start\": \"2026-01-01\", \"end\": \"2026-12-31\"}, \"subjects\": ["
                + subject("D1", "") + ",\n"
                // a second praise: the year's bonus 2, (10 - 5 + 2) × 0.5 = 3.5
                + subject("D2", ",\n  {\"type\": \"Praise\", \"id\": \"p2\", \"day\": \"2026-02-01\"}") + ",\n"
                // a praise and a late day in Q4: 34 / 4 × 0.3 + (8 + 6) × 0.2 + (10 - 6 + 2) × 0.5 = 2.55 + 2.8 + 3
                + subject("D3", ",\n  {\"type\": \"Praise\", \"id\": \"p3\", \"day\": \"2026-11-11\"},"
                + "\n  {\"type\": \"Late\", \"id\": \"x\", \"day\": \"2026-11-11\"}") + ",\n"
                // a late day in Q2: 34 / 4 × 0.3 + (7 + 7) × 0.2 + (10 - 6 + 1) × 0.5 = 2.55 + 2.8 + 2.5
                + subject("D4", ",\n  {\"type\": \"Late\", \"id\": \"x\", \"day\": \"2026-05-05\"}") + ",\n"
                + subject("D5", ",\n  {\"type\": \"Misconduct\", \"id\": \"m\", \"day\": \"2026-05-20\"}") + "]}";

        // when
        CohortResult result = rubric.evaluate(read(rubric, cohort));

        // then
        assertThat(result.results()).extracting(e -> e.subject().id() + " " + e.total().stripTrailingZeros().toPlainString()
                        + " " + e.rank() + " " + e.grade())
                .containsExactly("D2 9.125 1 优秀", "D1 8.625 2 合格", "D5 8.625 2 不合格", "D3 8.35 4 合格", "D4 7.85 5 合格");
        result.results().forEach(CombinedRubricTest::assertIdentity);
        assertThat(result.of("D1").orElseThrow().items()).filteredOn(i -> i.kind() == ItemKind.QUOTA).singleElement()
                .satisfies(i -> assertThat(i.grade()).isEqualTo("合格"));
        assertThat(result.results()).allMatch(e -> Period.year(2026).equals(e.period()));
    }

    @Test
    void aGradeLimitOfAnyPeriodLimitsTheCombinedGradeAndNamesItsPeriod(@TempDir Path dir) {
        // given: the quarterly part limits a quarter below 9 points to 合格; the first quarter scores 8
        RubricFolder folder = combined(dir, "mean").file("quarterly/grading.drl", """
                package p;
                import dev.rubric.api.TotalScore;
                global dev.rubric.api.ScoreSheet score;
                rule "G1 季度得分偏低" @id("G1") agenda-group "grading"
                when
                  TotalScore( score < 9 )
                then
                  score.limitGrade("合格", "本季度得分低于9分");
                end
                """);
        Rubric rubric = folder.load();

        // when: 8.625 would be 优秀
        Evaluation e = rubric.evaluate(read(rubric, subject("D1", "")).subject(), Period.parse("2026"));

        // then
        assertThat(e.grade()).isEqualTo("合格");
        assertThat(e.items()).filteredOn(i -> i.kind() == ItemKind.GRADE_LIMIT).extracting(ScoreItem::rule, ScoreItem::reason, ScoreItem::grade)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("q/G1", "第一季度：本季度得分低于9分", "合格"),
                        org.assertj.core.groups.Tuple.tuple("q/G1", "第四季度：本季度得分低于9分", "合格"));
        assertIdentity(e);
    }

    @Test
    void aRubricCoveringAHalfYearSplitsItIntoItsTwoQuarters(@TempDir Path dir) {
        // given: quarters summed and the half itself, for the second half of 2026 (Q3 scores 9, Q4 8; H2 7)
        Rubric rubric = RubricFolder.at(dir)
                .manifest("""
                        id: second-half
                        name: 下半年考评
                        period: half
                        parts:
                          - { id: q, rubric: quarterly, period: quarter, aggregate: sum, weight: 0.25 }
                          - { id: h, rubric: half, period: half, weight: 0.5 }
                        """)
                .file("quarterly/rubric.yaml", "id: quarterly\nname: 平时考核\ncategories: [{ id: work, name: 日常工作, max: 10 }]\n")
                .file("quarterly/r.drl", PART_RULES)
                .file("half/rubric.yaml", "id: half\nname: 半年考核\ncategories: [{ id: work, name: 日常工作, max: 10 }]\n")
                .file("half/r.drl", PART_RULES)
                .load();

        // when
        Evaluation e = rubric.evaluate(read(rubric, subject("D1", "")).subject(), Period.parse("2026-H2"));

        // then: (9 + 8) × 0.25 + 7 × 0.5 = 4.25 + 3.5
        assertThat(e.total()).isEqualByComparingTo("7.75");
        assertThat(e.base()).isEqualByComparingTo("10");
        assertThat(e.itemsOf("q/L1")).extracting(ScoreItem::reason).allMatch(r -> r.startsWith("第三季度") || r.startsWith("第四季度"));
        assertIdentity(e);
    }

    @Test
    void aFactNoPartReadsIsRefused(@TempDir Path dir) {
        // given
        Rubric rubric = combined(dir, "mean").load();
        dev.rubric.api.Subject odd = dev.rubric.api.Subject.of("D1", "单位", new StringBuilder("x"));

        // then
        assertThatThrownBy(() -> rubric.evaluate(odd, Period.parse("2026")))
                .isInstanceOf(InvalidFactsException.class)
                .hasMessageContaining("subject [D1] at /facts/0: fact 0 is [java.lang.StringBuilder], a type no part of rubric [annual] reads");
    }

    @Test
    void aCombinedRubricIsEvaluatedForAPeriodOfTheKindItCovers(@TempDir Path dir) {
        // given
        Rubric rubric = combined(dir, "mean").load();
        dev.rubric.api.Subject s = read(rubric, subject("D1", "")).subject();

        // then
        assertThatThrownBy(() -> rubric.evaluate(s))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rubric [annual] combines periods and covers a year (period: year on line 3 of rubric.yaml); name one, "
                        + "such as 2026, in the facts file, with --period or as Period.parse(\"2026\")");
        assertThatThrownBy(() -> rubric.evaluate(s, Period.parse("2026-H1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("period [2026-H1] is a half-year, but rubric [annual] covers a year (period: year on line 3 of rubric.yaml): "
                        + "part [y] (line 7) is scored over a year, which does not fit in it; name a year, such as 2026");
        assertThatThrownBy(() -> rubric.evaluate(s, Period.parse("2026-02-01..2026-02-28")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("period [2026-02-01..2026-02-28] is not a calendar year, half-year or quarter");
    }

    @Test
    void aYearGivenAsARangeOfDaysIsTheYear(@TempDir Path dir) {
        // given
        Rubric rubric = combined(dir, "mean").load();

        // when
        Evaluation e = rubric.evaluate(read(rubric, subject("D1", "")).subject(), Period.parse("2026-01-01..2026-12-31"));

        // then
        assertThat(e.total()).isEqualByComparingTo("8.625");
    }

    @Test
    void aPeriodIsSplitIntoThePeriodsOfAPart() {
        assertThat(CombinedRubric.kindOf(Period.parse("2026-H2"))).isEqualTo(dev.rubric.engine.internal.manifest.Combination.PeriodKind.HALF);
        assertThat(CombinedRubric.split(Period.parse("2026-H2"), dev.rubric.engine.internal.manifest.Combination.PeriodKind.QUARTER))
                .extracting(Period::id).containsExactly("2026-Q3", "2026-Q4");
    }

    @Test
    void aCombinedRubricLoadsFromTheClasspathWithItsPartsBesideIt() {
        // given
        Rubric rubric = dev.rubric.api.Rubrics.load("classpath:rubrics/combined");
        Object late = rubric.newFact("Late", java.util.Map.of("id", "a", "day", "2026-05-05"));

        // when: one late day in the second quarter costs 1 × 0.5 / 4
        Evaluation e = rubric.evaluate(dev.rubric.api.Subject.of("D1", "单位", late), Period.parse("2026"));

        // then
        assertThat(e.total()).isEqualByComparingTo("4.875");
        assertThat(e.items()).singleElement().satisfies(i -> {
            assertThat(i.reason()).isEqualTo("第二季度：迟报一次（原扣1分，按权重0.5、4个季度平均折算）");
            assertThat(i.source()).isEqualTo("quarterly/r.drl:16");
        });
    }

    @Test
    void restrictedModeAppliesToEveryPart(@TempDir Path dir) {
        // given: the half-year part reaches for the system
        RubricFolder folder = combined(dir, "mean");
        folder.file("half/r.drl", PART_RULES.replace("score.deduct(1, \"迟报一次\", $l);", "score.deduct(1, \"迟报一次\", $l); System.exit(3);"));

        // then
        assertThatThrownBy(folder::load)
                .isInstanceOf(dev.rubric.api.InvalidRubricException.class)
                .hasMessageContaining("half/r.drl:21:")
                .hasMessageContaining("in part [h] (rubric.yaml:6): rule [L1] calls [java.lang.System.exit(int)], which restricted mode does not allow");
    }

    @Test
    void theDigestChangesWithAPart(@TempDir Path dir) {
        // given
        RubricFolder folder = combined(dir, "mean");
        String before = folder.load().info().digest();

        // when
        folder.file("year/bonus.drl", PRAISE_RULE.replace("score.add(1,", "score.add(2,"));

        // then
        assertThat(folder.load().info().digest()).isNotEqualTo(before);
        assertThat(before).startsWith("sha256:");
    }
}
