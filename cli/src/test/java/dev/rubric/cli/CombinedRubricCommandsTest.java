package dev.rubric.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rubric.cli.CommandLineTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static dev.rubric.cli.CommandLineTest.rubric;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code evaluate}, {@code check}, {@code test} and {@code diff} on a combined rubric, the bundled
 * {@code examples/annual-assessment} (平时考核 by quarter 30%, 半年考核 20%, 年终考核 50%), as on any other.
 */
class CombinedRubricCommandsTest {

    static final String RUBRIC = "../examples/annual-assessment";
    static final String FACTS = RUBRIC + "/facts-2026.json";

    @Test
    void evaluateRanksTheYearOnTheCombinedTotalsAndNamesTheQuarterOfAVeto() {
        Run run = rubric("evaluate", "--rubric", RUBRIC, "--facts", FACTS);

        assertThat(run.code()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("党群部门效能综合考评", "考核周期：2026（2026年1月1日至2026年12月31日）")
                .containsPattern("1  县委办公室 \\(D01\\) +101  优秀")
                .containsPattern("2  县委组织部 \\(D02\\) +99.475  良好  \\(名额限制\\)")
                .containsPattern("5  县总工会 \\(D04\\) +100  不合格  \\(一票否决\\)")
                .contains("[quarterly/V1] 第二季度：赵某于2026年5月12日违反《云南省公务员八条禁令》：工作日中午饮酒  quarterly/daily.drl:43")
                .contains("[quarterly/P1] 第三季度：本季度未组织集中学习（原扣5分，按权重0.3、4个季度平均折算）  quarterly/daily.drl:11");
    }

    @Test
    void evaluateAsJsonKeepsBasePlusItemsEqualToTheTotalForEveryUnit() throws IOException {
        Run run = rubric("evaluate", "--rubric", RUBRIC, "--facts", FACTS, "--format", "json");

        assertThat(run.code()).isZero();
        JsonNode results = new ObjectMapper().readTree(run.out()).path("results");
        assertThat(results).hasSize(5);
        for (JsonNode r : results) {
            BigDecimal sum = r.path("base").decimalValue();
            for (JsonNode item : r.path("items")) {
                sum = sum.add(item.path("points").decimalValue());
            }
            assertThat(sum).as(r.path("subject").path("id").asText()).isEqualByComparingTo(r.path("total").decimalValue());
            assertThat(r.path("period").path("id").asText()).isEqualTo("2026");
        }
    }

    @Test
    void aJsonLinesStreamIsScoredForTheYearThatPeriodNamesAndRefusedWithoutOne(@TempDir Path dir) throws IOException {
        // given: the subjects one per line
        List<String> lines = new ArrayList<>();
        new ObjectMapper().readTree(Path.of(FACTS).toFile()).path("subjects").forEach(s -> lines.add(s.toString()));
        Path facts = Files.write(dir.resolve("subjects.jsonl"), lines, StandardCharsets.UTF_8);

        // when
        Run year = rubric("evaluate", "--rubric", RUBRIC, "--facts", facts.toString(), "--format", "jsonl", "--period", "2026");
        Run none = rubric("evaluate", "--rubric", RUBRIC, "--facts", facts.toString(), "--format", "jsonl");

        // then: each unit alone, for the year; without a period, nothing is scored
        assertThat(year.code()).isZero();
        assertThat(year.out().lines()).hasSize(5).allSatisfy(line -> assertThat(line).contains("\"period\":{\"id\":\"2026\""));
        assertThat(year.out().lines().filter(l -> l.contains("\"id\":\"D01\""))).singleElement()
                .satisfies(line -> assertThat(line).contains("\"total\":101"));
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.out()).isEmpty();
        assertThat(none.err()).contains("rubric [annual-assessment] requires a period (period: required in its manifest); give --period with");
    }

    @Test
    void evaluateForAPeriodTheRubricDoesNotCoverIsAUsageError(@TempDir Path dir) throws IOException {
        // the subjects alone, without the file's period
        JsonNode subjects = new ObjectMapper().readTree(Path.of(FACTS).toFile()).path("subjects");
        Path facts = dir.resolve("subjects.json");
        Files.writeString(facts, subjects.toString(), StandardCharsets.UTF_8);

        Run half = rubric("evaluate", "--rubric", RUBRIC, "--facts", facts.toString(), "--period", "2026-H1");
        Run none = rubric("evaluate", "--rubric", RUBRIC, "--facts", facts.toString());
        Run year = rubric("evaluate", "--rubric", RUBRIC, "--facts", facts.toString(), "--period", "2026");

        assertThat(half.code()).isEqualTo(2);
        assertThat(half.out()).isEmpty();
        assertThat(half.err()).contains("period [2026-H1] is a half-year, but rubric [annual-assessment] covers a year (period: year on line 7 "
                + "of rubric.yaml): part [year-end] (line 11) is scored over a year, which does not fit in it; name a year, such as 2026");
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("rubric [annual-assessment] requires a period");
        assertThat(year.code()).isZero();
        assertThat(year.out()).containsPattern("1  县委办公室 \\(D01\\) +101  优秀");
    }

    @Test
    void checkValidatesEveryPartAndCountsTheirRules() {
        Run run = rubric("check", RUBRIC, "--facts", FACTS);

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("rubric [annual-assessment] 2026.1 is valid: 8 rules in 3 files, 5 categories, 4 grades; sha256:");
    }

    @Test
    void checkPlacesAPartsProblemInThePartsFile(@TempDir Path dir) throws IOException {
        Path copy = copy(dir);
        Files.writeString(copy.resolve("year-end/rubric.yaml"), Files.readString(copy.resolve("year-end/rubric.yaml"))
                .replace("mode: earn", "mode: gain"), StandardCharsets.UTF_8);
        Files.writeString(copy.resolve("rubric.yaml"), Files.readString(copy.resolve("rubric.yaml")).replace("weight: 0.2", "weight: 0"),
                StandardCharsets.UTF_8);

        Run run = rubric("check", copy.toString());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains(copy.resolve("rubric.yaml") + ":10:")
                .contains("weight of part [half-year] is 0; a weight must be positive")
                .contains(copy.resolve("year-end/rubric.yaml") + ":8:")
                .contains("in part [year-end] (rubric.yaml:11): mode must be deduct or earn, found the text \"gain\"")
                .contains("2 problems in [" + copy + "]");
    }

    @Test
    void testRunsTheCombinedRubricsScenariosWithRuleCoverage() {
        Run run = rubric("test", RUBRIC);

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("PASS  2026年度综合考评  (scenarios/annual-2026.yaml)", "rule coverage: 100% of 16 outcomes",
                "1 passed, 0 failed");
    }

    @Test
    void testFailsWhenAScenarioExpectsAnotherCombinedTotal(@TempDir Path dir) throws IOException {
        Path copy = copy(dir);
        Path scenario = copy.resolve("scenarios/annual-2026.yaml");
        Files.writeString(scenario, Files.readString(scenario).replace("total: 99.475", "total: 99.5"), StandardCharsets.UTF_8);

        Run run = rubric("test", copy.toString());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).contains("FAIL  2026年度综合考评", "99.475", "0 passed, 1 failed");
    }

    @Test
    void diffShowsWhatNewWeightsDoToTheYear(@TempDir Path dir) throws IOException {
        Path copy = copy(dir);
        Files.writeString(copy.resolve("rubric.yaml"), Files.readString(copy.resolve("rubric.yaml"))
                .replace("aggregate: mean, weight: 0.3", "aggregate: mean, weight: 0.4")
                .replace("period: year, weight: 0.5", "period: year, weight: 0.4"), StandardCharsets.UTF_8);

        Run run = rubric("diff", RUBRIC, copy.toString(), "--facts", FACTS);

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("category quarterly/daily max: 30 -> 40", "category year-end/targets max: 30 -> 24")
                .containsPattern("县委宣传部 \\(D03\\) +89.275 +91.2 +\\+1.925")
                .contains("~ quarterly/P1: -0.375 -> -0.5");
    }

    /** A copy of the bundled combined rubric to change. */
    private static Path copy(Path dir) throws IOException {
        Path from = Path.of(RUBRIC);
        Path to = dir.resolve("annual");
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }
}
