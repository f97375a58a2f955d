package dev.rubric.engine;

import dev.rubric.api.Batch;
import dev.rubric.api.CohortResult;
import dev.rubric.api.ResultFormat;
import dev.rubric.api.Rubric;
import dev.rubric.api.Rubrics;
import dev.rubric.api.Subject;
import dev.rubric.engine.internal.json.ResultJson;
import dev.rubric.engine.internal.report.HtmlReport;
import dev.rubric.engine.internal.report.MarkdownReport;
import dev.rubric.engine.internal.report.TextReport;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What an integrator reaches from {@code dev.rubric.api} alone: results in every format, cohorts and batches with progress. */
class ApiOutputsTest {

    private static final Rubric RUBRIC = Rubrics.load("classpath:rubrics/hygiene");
    private static final String LINES = """
            {"id":"K1","facts":[{"type":"Finding","id":"F1","area":"hygiene","points":2.5}]}
            {"id":"K2","facts":[]}
            {"id":"K3","facts":[{"type":"Incident","id":"I1"}]}
            """;

    private static List<Subject> cohort() {
        return RUBRIC.readFacts(new ByteArrayInputStream(("[" + String.join(",", LINES.strip().split("\n")) + "]").getBytes(StandardCharsets.UTF_8)), "k").subjects();
    }

    @Test
    void theFormatsOfTheApiWriteWhatTheEnginesReportsWrite() {
        CohortResult result = RUBRIC.evaluateCohort(cohort());

        assertThat(ResultFormat.json().render(result, RUBRIC.manifest())).isEqualTo(ResultJson.toJson(result));
        assertThat(ResultFormat.text().render(result, RUBRIC.manifest())).isEqualTo(TextReport.render(result, RUBRIC.manifest()));
        assertThat(ResultFormat.markdown().render(result, RUBRIC.manifest())).isEqualTo(MarkdownReport.render(result, RUBRIC.manifest()));
        assertThat(ResultFormat.html().render(result, RUBRIC.manifest())).isEqualTo(HtmlReport.render(result, RUBRIC.manifest(), null));
        assertThat(ResultFormat.named("json").name()).isEqualTo("json");
    }

    @Test
    void givenTheRubricTheReportsShowEachItemsClauseAndKeepItsPlaceForAuthors() {
        CohortResult result = RUBRIC.evaluateCohort(cohort());

        String markdown = ResultFormat.markdown().render(result, RUBRIC);
        String html = ResultFormat.html().render(result, RUBRIC);

        assertThat(markdown).contains("| H1 hygiene finding<br><sub>each hygiene finding costs its points, at most 10 in all</sub> | -2.5 |")
                .contains("## Appendix: where each item is written").contains("| H1 hygiene finding | `hygiene.drl:24` |");
        assertThat(html).contains("H1 hygiene finding<div class=\"clause\">each hygiene finding costs its points, at most 10 in all</div>"
                + "<code>hygiene.drl:24</code>");
        assertThat(ResultFormat.json().render(result, RUBRIC)).isEqualTo(ResultFormat.json().render(result, RUBRIC.manifest()));
    }

    @Test
    void oneSubjectsResultIsWrittenAsAOneElementList() {
        String json = ResultFormat.json().render(RUBRIC, RUBRIC.evaluate(cohort().get(1)));

        assertThat(json).contains("\"id\": \"K2\"").doesNotContain("\"rank\"");
    }

    @Test
    void writingToAStreamGivesTheSameBytes() {
        CohortResult result = RUBRIC.evaluateCohort(cohort());
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        ResultFormat.markdown().write(result, RUBRIC.manifest(), out);

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(ResultFormat.markdown().render(result, RUBRIC.manifest()));
    }

    @Test
    void anUnknownFormatIsRefusedNamingTheFormatsThereAre() {
        assertThatThrownBy(() -> ResultFormat.named("pdf")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("no result format [pdf]; the formats are [").hasMessageContaining("json, markdown");
    }

    @Test
    void aCohortTellsItsProgressAfterEachSubject() {
        List<String> heard = new ArrayList<>();

        RUBRIC.evaluateCohort(cohort(), (done, total) -> heard.add(done + "/" + total));

        assertThat(heard).containsExactly("1/3", "2/3", "3/3");
    }

    @Test
    void aBatchFromTheApiStreamsJsonLinesAndTellsHowMuchOfItsInputItRead() {
        byte[] input = LINES.getBytes(StandardCharsets.UTF_8);
        List<long[]> heard = new ArrayList<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        Batch.Summary summary = RUBRIC.batch().threads(2).withProgress((done, total) -> heard.add(new long[] {done, total}), input.length)
                .evaluateCohort(new ByteArrayInputStream(input), out, "kitchens.jsonl");

        assertThat(summary).isEqualTo(new Batch.Summary(3, 1));
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).hasSize(3).allSatisfy(l -> assertThat(l).contains("\"rank\":"));
        assertThat(heard).isNotEmpty().allSatisfy(p -> assertThat(p[1]).isEqualTo(input.length));
        assertThat(heard.stream().mapToLong(p -> p[0])).isSorted();
        assertThat(heard.get(heard.size() - 1)[0]).isEqualTo(input.length);
    }

    @Test
    void theBatchOfTheApiIsTheEngines() {
        assertThat(Batch.of(RUBRIC)).isInstanceOf(dev.rubric.engine.Batch.class);
    }
}
