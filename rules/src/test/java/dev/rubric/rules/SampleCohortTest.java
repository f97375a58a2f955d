package dev.rubric.rules;

import dev.rubric.api.CohortResult;
import dev.rubric.api.Evaluation;
import dev.rubric.api.ItemKind;
import dev.rubric.api.Rubric;
import dev.rubric.api.ScoreItem;
import dev.rubric.api.Subject;
import dev.rubric.testkit.RubricAssertions;
import dev.rubric.testkit.RubricTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled sample cohort (the 21 party-mass departments, 2026) on the bundled rubric.
 *
 * <p>Totals, grades and ranks are pinned in {@code src/test/resources/golden/party-mass-2026.tsv}, so
 * any change to the rubric, the samples or the engine that moves a score shows up in review. After an
 * intended change, rewrite it with {@code mvn -B test -pl rules -Dgolden.update=true} and review the diff.
 */
@RubricTest("classpath:rubrics/party-mass-efficiency")
class SampleCohortTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden/party-mass-2026.tsv");

    private static CohortResult cohort;

    @BeforeAll
    static void evaluateTheSampleCohort(Rubric rubric) throws IOException {
        cohort = rubric.evaluateCohort(sampleCohort(rubric));
    }

    /** The 21 departments of {@code classpath:samples/party-mass-2026.json}. */
    static List<Subject> sampleCohort(Rubric rubric) throws IOException {
        try (InputStream in = SampleCohortTest.class.getResourceAsStream("/samples/party-mass-2026.json")) {
            return rubric.readFacts(in, "party-mass-2026.json").subjects();
        }
    }

    @Test
    void totalsGradesAndRanksAreThoseOfTheGoldenFile() throws IOException {
        String actual = cohort.results().stream()
                .map(e -> String.join("\t", String.valueOf(e.rank()), e.subject().id(), e.subject().name(),
                        plain(e.total()), String.valueOf(e.grade()), e.vetoed() ? "否决" : ""))
                .collect(Collectors.joining("\n", "rank\tid\tname\ttotal\tgrade\tveto\n", "\n"));
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
    }

    @Test
    void theCohortHoldsTheTwentyOneDepartmentsOfTheSpeech() {
        assertThat(cohort.results()).extracting(e -> e.subject().name()).contains(
                "县委办", "人大办", "政协办", "纪委", "组织部", "宣传部", "统战部", "政法委", "法院", "检察院",
                "妇联", "团县委", "文联", "关工委", "县直机关党委", "工会").hasSize(21);
    }

    @Test
    void atMostOneFifthOfTheCohortIsRatedExcellent() {
        assertThat(cohort.results()).filteredOn(e -> "优秀".equals(e.grade())).hasSizeLessThanOrEqualTo(21 / 5);
    }

    @Test
    void twoUnitsTiedAtTheQuotasCutBothDropToGood() {
        for (String id : List.of("D06", "D11")) {
            Evaluation e = cohort.of(id).orElseThrow();
            assertThat(e.total()).isGreaterThanOrEqualTo(new BigDecimal("90"));
            assertThat(e.items()).extracting(ScoreItem::kind).contains(ItemKind.QUOTA);
            RubricAssertions.assertThat(e).hasGrade("良好").hasRank(4);
        }
        assertThat(cohort.of("D06").orElseThrow().total()).isEqualByComparingTo(cohort.of("D11").orElseThrow().total());
    }

    @Test
    void theUnitThatBackfilledItsRecordsIsHeldToGoodDespiteItsScore() {
        Evaluation union = cohort.of("D16").orElseThrow();

        assertThat(union.total()).isGreaterThanOrEqualTo(new BigDecimal("90"));
        assertThat(union.itemsOf("E1")).hasSizeGreaterThanOrEqualTo(3);
        RubricAssertions.assertThat(union).hasGrade("良好").hasItem("E2").ofKind(ItemKind.GRADE_LIMIT);
    }

    @Test
    void twoUnitsAreVetoedAndFail() {
        assertThat(cohort.results()).filteredOn(Evaluation::vetoed).extracting(e -> e.subject().id())
                .containsExactlyInAnyOrder("D18", "D21");
        assertThat(cohort.results()).filteredOn(Evaluation::vetoed).extracting(Evaluation::grade).containsOnly("不合格");
    }

    @Test
    void mostUnitsAreRatedGoodOrPassing() {
        assertThat(cohort.results()).filteredOn(e -> "良好".equals(e.grade()) || "合格".equals(e.grade()))
                .hasSizeGreaterThan(21 / 2);
    }

    @Test
    void everyResultAddsUpFromItsBase() {
        for (Evaluation e : cohort.results()) {
            RubricAssertions.assertThat(e).isBalanced();
        }
    }

    private static String plain(BigDecimal n) {
        return n.signum() == 0 ? "0" : n.stripTrailingZeros().toPlainString();
    }
}
