package dev.rubric.engine.internal.json;

import dev.rubric.api.CategoryScore;
import dev.rubric.api.CohortResult;
import dev.rubric.api.Evaluation;
import dev.rubric.api.Evidence;
import dev.rubric.api.ItemKind;
import dev.rubric.api.Rubric;
import dev.rubric.api.RubricInfo;
import dev.rubric.api.Rubrics;
import dev.rubric.api.ScoreItem;
import dev.rubric.api.Subject;
import dev.rubric.api.SubjectRef;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contract §6: results as JSON, numbers without trailing zeros, and the same bytes for the same input.
 */
class ResultJsonTest {

    private static final RubricInfo INFO = new RubricInfo("t", null, "1.0", "sha256:abc");

    private static BigDecimal n(String decimal) {
        return new BigDecimal(decimal);
    }

    private static Evaluation evaluation(String base, String total, String categoryScore, String points) {
        ScoreItem item = new ScoreItem("A1", "A1 目标任务逾期", "targets", ItemKind.DEDUCTION, n(points), "逾期", List.of(
                new Evidence("TargetTask", "T-3", Map.of("title", "…"))), "targets.drl:12", null, null);
        return new Evaluation(new SubjectRef("D01", "县委办"), n(base), n(total), n(total), "良好", false, null,
                List.of(new CategoryScore("targets", "目标任务", n(categoryScore), n("30.0"), n("0.00"))), List.of(item));
    }

    private static String facts() throws IOException {
        try (InputStream in = ResultJsonTest.class.getResourceAsStream("/facts/hygiene-cohort.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String evaluateFromJson(Rubric rubric, String json) {
        List<Subject> subjects = rubric.readFacts(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "hygiene-cohort.json").subjects();
        return ResultJson.toJson(rubric.evaluateCohort(subjects));
    }

    @Test
    void numbersAreWrittenWithoutTrailingZerosOrExponents() {
        // given decimals as arithmetic leaves them: 1E+2, 87.50, 27.0, -1.50, 30.0, 0.00
        Evaluation e = evaluation("1E+2", "87.50", "27.0", "-1.50");

        // when
        String json = ResultJson.toJson(INFO, e);

        // then
        assertThat(json).contains("\"base\": 100,").contains("\"total\": 87.5,").contains("\"score\": 27,")
                .contains("\"max\": 30,").contains("\"min\": 0\n").contains("\"points\": -1.5,")
                .doesNotContain("E+").doesNotContain("87.50").doesNotContain("1.50");
    }

    @Test
    void aResultHasTheFieldsOfTheContractInItsOrder() {
        // when
        String json = ResultJson.toJson(INFO, evaluation("100", "87.5", "27", "-1"));

        // then
        assertThat(json).isEqualTo("""
                {
                  "rubric": {
                    "id": "t",
                    "version": "1.0",
                    "digest": "sha256:abc"
                  },
                  "results": [
                    {
                      "subject": {
                        "id": "D01",
                        "name": "县委办"
                      },
                      "base": 100,
                      "total": 87.5,
                      "grade": "良好",
                      "vetoed": false,
                      "categories": [
                        {
                          "id": "targets",
                          "name": "目标任务",
                          "score": 27,
                          "max": 30,
                          "min": 0
                        }
                      ],
                      "items": [
                        {
                          "rule": "A1",
                          "ruleName": "A1 目标任务逾期",
                          "category": "targets",
                          "kind": "DEDUCTION",
                          "points": -1,
                          "reason": "逾期",
                          "evidence": [
                            {
                              "type": "TargetTask",
                              "id": "T-3"
                            }
                          ],
                          "source": "targets.drl:12"
                        }
                      ]
                    }
                  ]
                }
                """);
    }

    @Test
    void aMissingGradeIsWrittenAsNull() {
        // given
        Evaluation graded = evaluation("100", "87.5", "27", "-1");
        Evaluation e = new Evaluation(graded.subject(), graded.base(), graded.total(), graded.total(), null, false, null,
                graded.categories(), graded.items());

        // when
        String json = ResultJson.toJson(INFO, e);

        // then
        assertThat(json).contains("\"grade\": null,");
    }

    @Test
    void aRankIsWrittenOnlyForACohort() throws IOException {
        // given
        Rubric rubric = Rubrics.load("classpath:rubrics/hygiene");
        List<Subject> subjects = rubric.readFacts(new ByteArrayInputStream(facts().getBytes(StandardCharsets.UTF_8)), "f.json").subjects();

        // when
        String alone = ResultJson.toJson(rubric.info(), rubric.evaluate(subjects.get(0)));
        String together = ResultJson.toJson(rubric.evaluateCohort(subjects));

        // then
        assertThat(alone).doesNotContain("\"rank\"");
        assertThat(together).contains("\"rank\": 1,");
    }

    @Test
    void theSameInputGivesByteIdenticalOutput() throws IOException {
        // given
        String facts = facts();

        // when the same facts are evaluated twice, by two loads of the rubric
        String first = evaluateFromJson(Rubrics.load("classpath:rubrics/hygiene"), facts);
        String second = evaluateFromJson(Rubrics.load("classpath:rubrics/hygiene"), facts);

        // then
        assertThat(second.getBytes(StandardCharsets.UTF_8)).isEqualTo(first.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void writingToAStreamGivesTheSameBytesAsText() {
        // given
        CohortResult result = new CohortResult(INFO, List.of(evaluation("100", "87.5", "27", "-1")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        // when
        ResultJson.write(result, out);

        // then
        assertThat(out.toByteArray()).isEqualTo(ResultJson.toJson(result).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aCohortGivesTheExpectedResultsDocument() throws IOException {
        // given the hygiene rubric and a cohort of kitchens
        Rubric rubric = Rubrics.load("classpath:rubrics/hygiene");

        // when
        String json = evaluateFromJson(rubric, facts());

        // then (the digest depends on the exact bytes of the rubric's files, so it is compared separately)
        String expected;
        try (InputStream in = getClass().getResourceAsStream("/results/hygiene-cohort.json")) {
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(json.replace(rubric.info().digest(), "sha256:DIGEST")).isEqualTo(expected);
    }
}
