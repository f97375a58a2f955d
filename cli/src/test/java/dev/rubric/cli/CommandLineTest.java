package dev.rubric.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code ./rubric} command as a user meets it: output, exit codes, and errors without stack traces. */
class CommandLineTest {

    record Run(int code, String out, String err) {
    }

    static Run rubric(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Nested
    class Evaluate {

        @Test
        void withNoArgumentsScoresTheSampleDepartmentsWithTheBundledRubricInChinese() {
            Run run = rubric("evaluate");

            assertThat(run.code()).isZero();
            assertThat(run.err()).isEmpty();
            assertThat(run.out()).contains("党群部门效能考评", "排名", "县委办", "法院", "工会", "基础分", "佐证");
        }

        @Test
        void jsonFormatGivesTheContractResultsWithRanks() throws IOException {
            Run run = rubric("evaluate", "--format", "json");

            assertThat(run.code()).isZero();
            JsonNode json = new ObjectMapper().readTree(run.out());
            assertThat(json.path("rubric").path("id").asText()).isEqualTo("party-mass-efficiency");
            assertThat(json.path("rubric").path("digest").asText()).startsWith("sha256:");
            assertThat(json.path("results")).hasSize(21);
            assertThat(json.path("results").get(0).path("rank").asInt()).isEqualTo(1);
        }

        @Test
        void theSameInputGivesByteIdenticalJson() {
            assertThat(rubric("evaluate", "--format", "json").out()).isEqualTo(rubric("evaluate", "--format", "json").out());
        }

        @Test
        void markdownFormatGivesANoticeWithTheUnitsByGradeTheRankingAndASectionPerUnit() {
            Run run = rubric("evaluate", "--format", "markdown");

            assertThat(run.code()).isZero();
            assertThat(run.out()).startsWith("# 2026年度党群部门效能考评结果通报\n")
                    .contains("## 考评等次", "- **优秀**（3）：纪委、县委办、法院\n", "评为优秀的单位予以通报表扬。")
                    .contains("| 排名 | 单位 | 总分 | 等次 | 否决 |");
            assertThat(run.out().lines().filter(l -> l.matches("## \\d+\\. .*"))).hasSize(21);
        }

        @Test
        void markdownItemsGoByTheirNamesAndTheRubricsClauseWithTheRulesPlaceKeptForAuthorsAndChineseEvidence() {
            Run run = rubric("evaluate", "--format", "markdown");

            assertThat(run.out())
                    .contains("| A2 目标任务逾期完成<br><sub>目标任务逾期完成的，每项扣1分，最多扣5分。</sub> | -1 |")
                    .contains("## 附：评分条款出处\n\n（供评分细则维护人员核对）\n\n| 项目 | 规则文件 |\n|---|---|\n")
                    .contains("| A2 目标任务逾期完成 | `targets.drl:45` |")
                    .doesNotContain("<sub>`targets.drl")
                    .contains("与妇联并列第4名，同评优秀将超出4个名额（参评单位的20%），均评为良好")
                    .contains("目标任务 T-D01-04：名称「机要保密检查」，责任人「罗永明」，截止日期2026年9月30日")
                    .doesNotContain("passedOn=", "title=");
        }

        @Test
        void htmlFormatGivesOneSelfContainedPageWithEveryUnitGradeAndChart() {
            Run run = rubric("evaluate", "--format", "html");

            assertThat(run.code()).isZero();
            assertThat(run.out()).startsWith("<!DOCTYPE html>").contains("<meta name=\"viewport\"", "<svg class=\"chart\"", "@media print")
                    .contains("<title>2026年度党群部门效能考评结果通报</title>")
                    .doesNotContain("<script", "src=\"", "href=\"http", "@import", "url(");
            for (String unit : new String[] {"县委办", "妇联", "档案局", "科协", "机要局"}) {
                assertThat(run.out()).contains(">" + unit + "</a>");
            }
            assertThat(run.out().split("<section class=\"unit\"", -1)).hasSize(22);
        }

        @Test
        void htmlItemsShowTheRubricsClauseWithTheRulesPlaceInSmallPrint() {
            Run run = rubric("evaluate", "--format", "html");

            assertThat(run.out()).contains("<td class=\"iname\">A2 目标任务逾期完成<div class=\"clause\">目标任务逾期完成的，每项扣1分，最多扣5分。</div>"
                    + "<code>targets.drl:45</code>");
        }

        @Test
        void factsWithAnUnknownPropertyAreAnErrorNamingItsPointerWithNothingOnStdout(@TempDir Path dir) throws IOException {
            Path facts = dir.resolve("facts.json");
            Files.writeString(facts, "[{\"id\":\"D1\",\"facts\":[{\"type\":\"TargetTask\",\"id\":\"T1\",\"titel\":\"x\"}]}]", StandardCharsets.UTF_8);

            Run run = rubric("evaluate", "--facts", facts.toString());

            assertThat(run.code()).isEqualTo(1);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).contains("/0/facts/0/titel", "unknown property [titel] of [TargetTask]", "did you mean [title]?")
                    .doesNotContain("\tat ", "Exception");
        }

        @Test
        void oneSubjectIsEvaluatedAloneWithoutRankOrQuota(@TempDir Path dir) throws IOException {
            Path facts = dir.resolve("one.json");
            Files.writeString(facts, "{ \"id\": \"D99\", \"name\": \"示例局\", \"facts\": [] }", StandardCharsets.UTF_8);

            Run run = rubric("evaluate", "--facts", facts.toString(), "--format", "json");

            assertThat(run.code()).isZero();
            assertThat(run.out()).doesNotContain("\"rank\"").doesNotContain("QUOTA").contains("\"id\": \"D99\"");
        }

        @Test
        void aRubricPathThatIsAFileIsReportedWithoutAStackTrace(@TempDir Path dir) throws IOException {
            Path file = Files.writeString(dir.resolve("rubric.yaml"), "id: x", StandardCharsets.UTF_8);

            Run run = rubric("evaluate", "--rubric", file.toString(), "--facts", file.toString());

            assertThat(run.code()).isEqualTo(1);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).contains("is not a folder; give the folder that holds rubric.yaml").doesNotContain("Exception");
        }

        @Test
        void aMissingFactsFileIsAnErrorWithoutAStackTrace() {
            Run run = rubric("evaluate", "--facts", "no/such/file.json");

            assertThat(run.code()).isEqualTo(1);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).contains("no/such/file.json").doesNotContain("\tat ");
        }

        @Test
        void anUnknownFormatIsAUsageError() {
            Run run = rubric("evaluate", "--format", "pdf");

            assertThat(run.code()).isEqualTo(2);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).contains("pdf");
        }

        @Test
        void anotherRubricWithoutFactsIsAUsageError(@TempDir Path dir) {
            Run run = rubric("evaluate", "--rubric", dir.toString());

            assertThat(run.code()).isEqualTo(2);
            assertThat(run.err()).contains("--facts");
        }
    }

    @Nested
    class Periods {

        /** A rubric that deducts a point per late day in the period, and the facts of one unit late three times. */
        private Path rubricAndFacts(Path dir, String manifestExtra, String facts) throws IOException {
            Path rubric = Files.createDirectories(dir.resolve("late"));
            Files.writeString(rubric.resolve("rubric.yaml"), "id: late\ncategories:\n  - { id: work, max: 10 }\n" + manifestExtra,
                    StandardCharsets.UTF_8);
            Files.writeString(rubric.resolve("late.drl"), """
                    package t;
                    import dev.rubric.api.Period;
                    global dev.rubric.api.ScoreSheet score;
                    declare Late
                      day : java.time.LocalDate
                    end
                    rule "L1 late" @id("L1") @category("work")
                    when
                      Period( $s : start, $e : end )
                      $l : Late( day >= $s, day <= $e )
                    then
                      score.deduct(1, "late on " + $l.getDay(), $l);
                    end
                    """, StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("facts.json"), facts, StandardCharsets.UTF_8);
            return rubric;
        }

        private static final String LATE_THREE_TIMES = "[{\"id\": \"D1\", \"facts\": [{\"type\": \"Late\", \"day\": \"2026-02-10\"},"
                + " {\"type\": \"Late\", \"day\": \"2026-08-01\"}, {\"type\": \"Late\", \"day\": \"2025-12-31\"}]}]";

        @Test
        void periodNamesWhatTheRulesCountAndTheResultCarriesIt(@TempDir Path dir) throws IOException {
            Path rubric = rubricAndFacts(dir, "", LATE_THREE_TIMES);

            Run run = rubric("evaluate", "--rubric", rubric.toString(), "--facts", dir.resolve("facts.json").toString(),
                    "--period", "2026-H2", "--format", "json");

            assertThat(run.code()).isZero();
            JsonNode result = new ObjectMapper().readTree(run.out()).path("results").get(0);
            assertThat(result.path("total").asInt()).isEqualTo(9);
            assertThat(result.path("period").toString()).isEqualTo("{\"id\":\"2026-H2\",\"start\":\"2026-07-01\",\"end\":\"2026-12-31\"}");
        }

        @Test
        void theTextReportNamesThePeriod(@TempDir Path dir) throws IOException {
            Path rubric = rubricAndFacts(dir, "", LATE_THREE_TIMES);

            Run run = rubric("evaluate", "--rubric", rubric.toString(), "--facts", dir.resolve("facts.json").toString(), "--period", "2026");

            assertThat(run.code()).isZero();
            assertThat(run.out()).contains("Period: 2026 (2026-01-01 to 2026-12-31)");
        }

        @Test
        void aPeriodInAnotherFormIsAUsageErrorNamingTheAcceptedForms(@TempDir Path dir) throws IOException {
            Path rubric = rubricAndFacts(dir, "", LATE_THREE_TIMES);

            Run run = rubric("evaluate", "--rubric", rubric.toString(), "--facts", dir.resolve("facts.json").toString(), "--period", "2026Q3");

            assertThat(run.code()).isEqualTo(2);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).contains("--period: period [2026Q3] is not one of the accepted forms; give a year (2026), a quarter (2026-Q3),"
                    + " a half-year (2026-H1) or a range of days (2026-01-01..2026-12-31)");
        }

        @Test
        void aRubricThatRequiresAPeriodIsAUsageErrorWithoutOne(@TempDir Path dir) throws IOException {
            Path rubric = rubricAndFacts(dir, "period: required\n", LATE_THREE_TIMES);

            Run run = rubric("evaluate", "--rubric", rubric.toString(), "--facts", dir.resolve("facts.json").toString());

            assertThat(run.code()).isEqualTo(2);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).contains("rubric [late] requires a period (period: required in its manifest); give --period with a year (2026)");
        }

        @Test
        void theFactsFilesPeriodIsUsedAndAnotherOnTheCommandLineIsAUsageError(@TempDir Path dir) throws IOException {
            Path rubric = rubricAndFacts(dir, "period: required\n", "{\"period\": \"2026-Q1\", \"subjects\": " + LATE_THREE_TIMES + "}");
            String facts = dir.resolve("facts.json").toString();

            Run fromFile = rubric("evaluate", "--rubric", rubric.toString(), "--facts", facts, "--format", "json");
            Run clash = rubric("evaluate", "--rubric", rubric.toString(), "--facts", facts, "--period", "2026");

            assertThat(fromFile.code()).isZero();
            assertThat(new ObjectMapper().readTree(fromFile.out()).path("results").get(0).path("total").asInt()).isEqualTo(9);
            assertThat(clash.code()).isEqualTo(2);
            assertThat(clash.err()).contains("--period [2026] and the period [2026-Q1] of the facts file differ; give one of them");
        }

        @Test
        void factsWithoutARubricSayWhichRubricScoredThem(@TempDir Path dir) throws IOException {
            Path facts = dir.resolve("one.json");
            Files.writeString(facts, "{ \"id\": \"D99\", \"facts\": [] }", StandardCharsets.UTF_8);

            Run run = rubric("evaluate", "--facts", facts.toString());

            assertThat(run.code()).isZero();
            assertThat(run.err()).isEqualTo("rubric: no --rubric given; scoring with the bundled rubric [classpath:rubrics/party-mass-efficiency]\n");
        }
    }

    @Nested
    class FactsNoRuleReads {

        private Path rubricFolder(Path dir) throws IOException {
            Path rubric = Files.createDirectories(dir.resolve("r"));
            Files.writeString(rubric.resolve("rubric.yaml"), "id: r\ncategories:\n  - { id: work, max: 10 }\n", StandardCharsets.UTF_8);
            Files.writeString(rubric.resolve("work.drl"), """
                    package t;
                    import dev.rubric.model.TargetTask;
                    global dev.rubric.api.ScoreSheet score;
                    rule "W1" @id("W1") @category("work")
                    when
                      $t : TargetTask( completedOn == null )
                    then
                      score.deduct(1, "open task", $t);
                    end
                    rule "W2 unnamed"  @category("work")
                    when
                      $t : TargetTask( title == "x" )
                    then
                      score.deduct(1, "x", $t);
                    end
                    """, StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("facts.json"), """
                    [{"id": "D1", "facts": [
                      {"type": "TargetTask", "id": "T-1", "title": "a", "deadline": "2026-06-30", "status": "IN_PROGRESS"},
                      {"type": "Commendation", "id": "C-1", "achievement": "a", "title": "b", "kind": "HONOUR", "level": "COUNTY", "date": "2026-05-01"},
                      {"type": "Commendation", "id": "C-2", "achievement": "a", "title": "b", "kind": "HONOUR", "level": "CITY", "date": "2026-06-01"}]}]
                    """, StandardCharsets.UTF_8);
            return rubric;
        }

        @Test
        void checkWithFactsWarnsAboutAFactTypeNoRuleReads(@TempDir Path dir) throws IOException {
            Path rubric = rubricFolder(dir);

            Run run = rubric("check", rubric.toString(), "--facts", dir.resolve("facts.json").toString());

            assertThat(run.code()).isZero();
            assertThat(run.out()).contains("warning: " + dir.resolve("facts.json") + ": no rule reads facts of type [Commendation]:"
                    + " 2 facts count for nothing (first: subject [D1], fact 1)");
        }

        @Test
        void checkWarnsAboutARuleWithoutIdButNotAboutOneWhoseIdIsItsName(@TempDir Path dir) throws IOException {
            Path rubric = rubricFolder(dir);

            Run run = rubric("check", rubric.toString());

            assertThat(run.out()).contains("work.drl:10: rule [W2 unnamed] has no @id").doesNotContain("rule [W1] has no @id");
        }

        @Test
        void evaluateVerboseSaysWhichFactsNoRuleReads(@TempDir Path dir) throws IOException {
            Path rubric = rubricFolder(dir);

            Run run = rubric("evaluate", "--rubric", rubric.toString(), "--facts", dir.resolve("facts.json").toString(), "--verbose");

            assertThat(run.code()).isZero();
            assertThat(run.err()).isEqualTo("rubric: no rule reads facts of type [Commendation]: 2 facts count for nothing (first: subject [D1], fact 1)\n");
        }
    }

    @Nested
    class EvaluateJsonLines {

        /** The 21 sample departments, one per line. */
        private List<String> sampleLines() throws IOException {
            ObjectMapper json = new ObjectMapper();
            List<String> lines = new ArrayList<>();
            try (InputStream in = CommandLineTest.class.getResourceAsStream("/samples/party-mass-2026.json")) {
                JsonNode root = json.readTree(in); // the sample names its period around the subjects (contract §8)
                for (JsonNode unit : root.isArray() ? root : root.get("subjects")) {
                    lines.add(json.writeValueAsString(unit));
                }
            }
            return lines;
        }

        private List<String> outLines(Run run) {
            assertThat(run.out()).endsWith("\n");
            return run.out().lines().toList();
        }

        @Test
        void aJsonLinesStreamIsScoredForThePeriodThatPeriodNames(@TempDir Path dir) throws IOException {
            // given: JSON lines hold subjects only, so the period comes from the command line
            Path facts = Files.write(dir.resolve("units.jsonl"), sampleLines().subList(0, 3), StandardCharsets.UTF_8);

            // when
            Run withPeriod = rubric("evaluate", "--facts", facts.toString(), "--format", "jsonl", "--period", "2026-H1");
            Run without = rubric("evaluate", "--facts", facts.toString(), "--format", "jsonl");

            // then
            ObjectMapper json = new ObjectMapper();
            assertThat(withPeriod.code()).isZero();
            for (String line : outLines(withPeriod)) {
                JsonNode period = json.readTree(line).path("period");
                assertThat(List.of(period.path("id").asText(), period.path("start").asText(), period.path("end").asText()))
                        .containsExactly("2026-H1", "2026-01-01", "2026-06-30");
            }
            assertThat(outLines(without)).allSatisfy(line -> assertThat(json.readTree(line).has("period")).isFalse());
            assertThat(withPeriod.out()).isNotEqualTo(without.out());
        }

        @Test
        void aJsonLinesFileIsScoredAsAStreamOneResultLinePerSubjectEachAloneInInputOrder(@TempDir Path dir) throws IOException {
            // given
            List<String> lines = sampleLines();
            Path facts = Files.write(dir.resolve("units.jsonl"), lines, StandardCharsets.UTF_8);

            // when
            Run run = rubric("evaluate", "--facts", facts.toString(), "--format", "jsonl");

            // then
            assertThat(run.code()).isZero();
            assertThat(run.err()).isEqualTo("rubric: no --rubric given; scoring with the bundled rubric [classpath:rubrics/party-mass-efficiency]\n");
            ObjectMapper json = new ObjectMapper();
            List<String> ids = new ArrayList<>();
            for (String line : outLines(run)) {
                JsonNode result = json.readTree(line);
                ids.add(result.path("subject").path("id").asText());
                assertThat(result.has("rank")).as("rank of %s", line).isFalse();
            }
            List<String> expectedIds = new ArrayList<>();
            for (String line : lines) {
                expectedIds.add(json.readTree(line).path("id").asText());
            }
            assertThat(ids).isEqualTo(expectedIds);
        }

        @Test
        void aFactsProblemInLineThreeNamesLineThreeAndTheResultsBeforeItStayValidLines(@TempDir Path dir) throws IOException {
            // given line 3 has a task with a misspelt property
            List<String> lines = new ArrayList<>(sampleLines().subList(0, 5));
            lines.set(2, "{\"id\":\"D99\",\"facts\":[{\"type\":\"TargetTask\",\"id\":\"T1\",\"titel\":\"x\"}]}");
            Path facts = Files.write(dir.resolve("units.jsonl"), lines, StandardCharsets.UTF_8);

            // when
            Run run = rubric("evaluate", "--facts", facts.toString(), "--format", "jsonl");

            // then
            assertThat(run.code()).isEqualTo(1);
            assertThat(run.err()).contains(facts + ":3", "/facts/0/titel", "unknown property [titel] of [TargetTask]", "did you mean [title]?")
                    .doesNotContain("\tat ", "Exception");
            List<String> written = outLines(run);
            assertThat(written).hasSize(2);
            ObjectMapper json = new ObjectMapper();
            assertThat(json.readTree(written.get(0)).path("subject").path("id").asText()).isEqualTo("D01");
            assertThat(json.readTree(written.get(1)).path("subject").path("id").asText()).isEqualTo("D02");
        }

        @Test
        void aLineThatIsNoSubjectObjectIsAFactsProblemNamingItsLine(@TempDir Path dir) throws IOException {
            // given
            Path facts = Files.write(dir.resolve("units.jsonl"), List.of(sampleLines().get(0), "[1, 2]"), StandardCharsets.UTF_8);

            // when
            Run run = rubric("evaluate", "--facts", facts.toString(), "--format", "jsonl");

            // then
            assertThat(run.code()).isEqualTo(1);
            assertThat(run.err()).contains(facts + ":2", "each line must hold one subject as a JSON object");
            assertThat(outLines(run)).hasSize(1);
        }

        @Test
        void aCohortArrayInJsonLinesFormatGivesOneRankedResultPerLineByRank() throws IOException {
            // when the bundled sample departments are scored together
            Run run = rubric("evaluate", "--format", "jsonl");

            // then
            assertThat(run.code()).isZero();
            List<String> written = outLines(run);
            assertThat(written).hasSize(21);
            ObjectMapper json = new ObjectMapper();
            assertThat(json.readTree(written.get(0)).path("rank").asInt()).isEqualTo(1);
            assertThat(json.readTree(written.get(20)).path("rank").asInt()).isGreaterThan(1);
        }

        @Test
        void aJsonLinesFileWithAnotherFormatIsAUsageErrorSayingWhatToGive(@TempDir Path dir) throws IOException {
            // given
            Path facts = Files.write(dir.resolve("units.jsonl"), sampleLines(), StandardCharsets.UTF_8);

            // when
            Run run = rubric("evaluate", "--facts", facts.toString(), "--format", "markdown");

            // then
            assertThat(run.code()).isEqualTo(2);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).contains("facts [" + facts + "] are JSON lines, scored as a stream; give --format jsonl, "
                    + "or the subjects as a JSON array for markdown");
        }
    }

    @Nested
    class Check {

        @Test
        void theBundledRubricIsValid() {
            Run run = rubric("check", "classpath:rubrics/party-mass-efficiency");

            assertThat(run.code()).isZero();
            assertThat(run.out()).contains("rubric [party-mass-efficiency]", "is valid");
        }

        @Test
        void aBrokenRubricListsEveryProblemWithItsFileAndLine(@TempDir Path dir) throws IOException {
            Files.writeString(dir.resolve("rubric.yaml"), """
                    id: broken
                    categories:
                      - id: targets
                        max: 30
                    grades:
                      - { id: good, min: 25 }
                      - { id: better, min: 28 }
                      - { id: bad }
                    """, StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("targets.drl"), """
                    package broken;
                    global dev.rubric.api.ScoreSheet score;
                    declare Task id : String end
                    rule "A1"
                      @id("A1") @category("target")
                    when
                      $t : Task()
                    then
                      score.deduct(1, "late", $t);
                    end
                    """, StandardCharsets.UTF_8);

            Run run = rubric("check", dir.toString());

            assertThat(run.code()).isEqualTo(1);
            assertThat(run.out()).isEmpty();
            assertThat(run.err())
                    .contains(dir.resolve("rubric.yaml") + ":7:5: grade [better] can never be given")
                    .contains(dir.resolve("targets.drl") + ":4:1: rule [A1] has @category(\"target\"), which the manifest does not have")
                    .contains("did you mean [targets]?")
                    .contains("2 problems");
        }

        @Test
        void aFolderThatDoesNotExistIsReported() {
            Run run = rubric("check", "no/such/rubric");

            assertThat(run.code()).isEqualTo(1);
            assertThat(run.err()).contains("no/such/rubric").doesNotContain("\tat ");
        }

        @Test
        void noArgumentIsAUsageError() {
            assertThat(rubric("check").code()).isEqualTo(2);
        }
    }

    /** A small rubric in a folder: one deduct category and a veto, with the given scenarios. */
    static Path smallRubric(Path dir, int latePoints, String... scenarios) throws IOException {
        Files.writeString(dir.resolve("rubric.yaml"), """
                id: small
                name: Small
                version: "1"
                categories:
                  - { id: work, name: Work, max: 10 }
                grades:
                  - { id: good, min: 9 }
                  - { id: poor }
                """, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("work.drl"), """
                package small;
                global dev.rubric.api.ScoreSheet score;
                declare Task
                  id   : String
                  late : boolean
                end
                rule "W1 late task"
                  @id("W1") @category("work")
                when
                  $t : Task( late )
                then
                  score.deduct(%d, "task " + $t.getId() + " was late", $t);
                end
                """.formatted(latePoints), StandardCharsets.UTF_8);
        Files.createDirectories(dir.resolve("scenarios"));
        for (int i = 0; i < scenarios.length; i++) {
            Files.writeString(dir.resolve("scenarios/s" + i + ".yaml"), scenarios[i], StandardCharsets.UTF_8);
        }
        return dir;
    }

    static final String LATE = """
            name: a late task costs a point
            facts: { id: S1, facts: [ { type: Task, id: T1, late: true } ] }
            expect: { total: 9, grade: good, items: { W1: -1 } }
            """;

    static final String ON_TIME = """
            name: nothing late, nothing lost
            facts: { id: S1, facts: [ { type: Task, id: T1, late: false } ] }
            expect: { total: 10, absent: [W1] }
            """;

    @Nested
    class RunningScenarios {

        @Test
        void passingScenariosWithFullCoveragePrintTheClosingLine(@TempDir Path dir) throws IOException {
            Run run = rubric("test", smallRubric(dir, 1, LATE, ON_TIME).toString(), "--min-coverage", "100");

            assertThat(run.code()).isZero();
            assertThat(run.out()).contains("PASS  a late task costs a point", "PASS  nothing late, nothing lost",
                    "rule coverage: 100%").endsWith("2 passed, 0 failed\n");
        }

        @Test
        void aFailingScenarioShowsTheItemDiffAndExitsWithOne(@TempDir Path dir) throws IOException {
            Run run = rubric("test", smallRubric(dir, 2, LATE, ON_TIME).toString());

            assertThat(run.code()).isEqualTo(1);
            assertThat(run.out()).contains("FAIL  a late task costs a point", "total: expected 9, actual 8", "W1       -1         -2")
                    .endsWith("1 passed, 1 failed\n");
        }

        @Test
        void coverageBelowTheMinimumFailsAndListsTheUncoveredRule(@TempDir Path dir) throws IOException {
            Run run = rubric("test", smallRubric(dir, 1, LATE).toString(), "--min-coverage", "90");

            assertThat(run.code()).isEqualTo(1);
            assertThat(run.out()).contains("rule coverage: 50%", "W1  work.drl:7  always fired", "below the minimum of 90%");
        }
    }

    @Nested
    class ComparingVersions {

        @Test
        void showsEachSubjectsMovementWithTheItemsBehindItAndTheRuleChange(@TempDir Path dir) throws IOException {
            Path before = smallRubric(Files.createDirectory(dir.resolve("before")), 1);
            Path after = smallRubric(Files.createDirectory(dir.resolve("after")), 3);
            Path facts = dir.resolve("cohort.json");
            Files.writeString(facts, """
                    [ { "id": "S1", "name": "One", "facts": [ { "type": "Task", "id": "T1", "late": true } ] },
                      { "id": "S2", "name": "Two", "facts": [] } ]
                    """, StandardCharsets.UTF_8);

            Run run = rubric("diff", before.toString(), after.toString(), "--facts", facts.toString());

            assertThat(run.code()).isZero();
            assertThat(run.out())
                    .contains("CHANGED  W1  conditions or points changed (work.drl:7)")
                    .contains("One (S1)")
                    .contains("~ W1: -1 -> -3")
                    .contains("good -> poor")
                    .contains("1 changed grade");
        }
    }
}
