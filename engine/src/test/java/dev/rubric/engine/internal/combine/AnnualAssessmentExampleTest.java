package dev.rubric.engine.internal.combine;

import dev.rubric.api.CohortResult;
import dev.rubric.api.Evaluation;
import dev.rubric.api.ItemKind;
import dev.rubric.api.Rubric;
import dev.rubric.api.Rubrics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled combined rubric, {@code examples/annual-assessment}: 平时考核 (quarters, mean, 30%), 半年考核 (halves, mean,
 * 20%) and 年终考核 (the year, 50%) over the facts of five departments for 2026, checked against the totals worked out
 * by hand in its scenario.
 */
class AnnualAssessmentExampleTest {

    private static final Path FOLDER = Path.of("..", "examples", "annual-assessment");
    private static CohortResult result;

    @BeforeAll
    static void evaluate() throws IOException {
        Rubric rubric = Rubrics.load(FOLDER);
        try (InputStream in = Files.newInputStream(FOLDER.resolve("facts-2026.json"))) {
            result = rubric.evaluate(rubric.readFacts(in, "facts-2026.json"));
        }
    }

    @Test
    void theYearIsRankedAndGradedOnTheCombinedTotals() {
        assertThat(result.results()).extracting(e -> e.rank() + " " + e.subject().name() + " " + e.total().stripTrailingZeros().toPlainString() + " " + e.grade())
                .containsExactly("1 县委办公室 101 优秀", "2 县委组织部 99.475 良好", "3 县委宣传部 89.275 良好", "4 团县委 88.725 良好",
                        "5 县总工会 100 不合格");
        result.results().forEach(CombinedRubricTest::assertIdentity);
    }

    @Test
    void theQuotaOfTheTopGradeDropsTheSecondUnit() {
        Evaluation d02 = result.of("D02").orElseThrow();
        assertThat(d02.items()).filteredOn(i -> i.kind() == ItemKind.QUOTA).singleElement()
                .satisfies(i -> assertThat(i.reason()).isEqualTo("排名第2名，优秀名额为1个（参评单位的20%），超出名额，评为良好"));
    }

    @Test
    void aViolationInTheSecondQuarterVetoesTheYearAndSaysWhen() {
        Evaluation d04 = result.of("D04").orElseThrow();
        assertThat(d04.vetoed()).isTrue();
        assertThat(d04.items()).filteredOn(i -> i.kind() == ItemKind.VETO).singleElement().satisfies(i -> {
            assertThat(i.rule()).isEqualTo("quarterly/V1");
            assertThat(i.reason()).isEqualTo("第二季度：赵某于2026年5月12日违反《云南省公务员八条禁令》：工作日中午饮酒");
            assertThat(i.source()).isEqualTo("quarterly/daily.drl:43");
        });
    }

    @Test
    void aQuarterlyDeductionIsCarriedAsAFourthOfItsWeight() {
        Evaluation d02 = result.of("D02").orElseThrow();
        assertThat(d02.itemsOf("quarterly/P1")).singleElement().satisfies(i -> {
            assertThat(i.reason()).isEqualTo("第三季度：本季度未组织集中学习（原扣5分，按权重0.3、4个季度平均折算）");
            assertThat(i.points()).isEqualByComparingTo("-0.375");
            assertThat(i.category()).isEqualTo("quarterly/daily");
        });
    }
}
