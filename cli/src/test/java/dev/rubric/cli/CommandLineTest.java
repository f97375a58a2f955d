package dev.rubric.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

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
        void markdownFormatGivesARankingTableAndASectionPerUnit() {
            Run run = rubric("evaluate", "--format", "markdown");

            assertThat(run.code()).isZero();
            assertThat(run.out()).startsWith("# 党群部门效能考评").contains("| 排名 | 单位 | 总分 | 等次 |");
            assertThat(run.out().lines().filter(l -> l.startsWith("## "))).hasSize(21);
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
                    .contains(dir.resolve("rubric.yaml") + ":7:5: grade [better] can never match")
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
}
