package dev.rubric.engine.batch;

import dev.rubric.api.CohortResult;
import dev.rubric.api.InvalidFactsException;
import dev.rubric.api.Rubric;
import dev.rubric.api.Rubrics;
import dev.rubric.api.Subject;
import dev.rubric.engine.Batch;
import dev.rubric.engine.internal.json.ResultJson;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Scoring a stream of subjects given as JSON lines, one result line each, in input order. */
class BatchTest {

    private static final Rubric RUBRIC = Rubrics.load("classpath:rubrics/hygiene");

    /** {@code count} kitchens with random findings, awards and now and then an incident, one JSON line each. */
    private static List<String> kitchens(int count, long seed) {
        Random random = new Random(seed);
        List<String> lines = new ArrayList<>();
        for (int k = 1; k <= count; k++) {
            StringBuilder facts = new StringBuilder();
            int findings = random.nextInt(6);
            for (int f = 1; f <= findings; f++) {
                facts.append(facts.length() == 0 ? "" : ",").append("{\"type\":\"Finding\",\"id\":\"F").append(f)
                        .append("\",\"area\":\"").append(random.nextBoolean() ? "hygiene" : "structure")
                        .append("\",\"points\":").append(random.nextInt(8)).append('.').append(random.nextInt(10)).append('}');
            }
            if (random.nextInt(3) == 0) {
                facts.append(facts.length() == 0 ? "" : ",").append("{\"type\":\"Award\",\"id\":\"A1\",\"level\":").append(1 + random.nextInt(3)).append('}');
            }
            if (random.nextInt(10) == 0) {
                facts.append(facts.length() == 0 ? "" : ",").append("{\"type\":\"Incident\",\"id\":\"I1\"}");
            }
            lines.add("{\"id\":\"K" + k + "\",\"name\":\"Kitchen " + k + "\",\"facts\":[" + facts + "]}");
        }
        return lines;
    }

    private static ByteArrayInputStream input(List<String> lines) {
        return new ByteArrayInputStream((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static List<Subject> subjects(List<String> lines) {
        return RUBRIC.readFacts(new ByteArrayInputStream(("[" + String.join(",", lines) + "]").getBytes(StandardCharsets.UTF_8)), "kitchens").subjects();
    }

    private static List<String> outputLines(ByteArrayOutputStream out) {
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).endsWith("\n");
        return Arrays.asList(text.split("\n"));
    }

    @Test
    void eachSubjectIsScoredAloneAndWrittenAsOneLineInInputOrder() {
        // given
        List<String> lines = kitchens(500, 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        // when
        Batch.Summary summary = Batch.of(RUBRIC).threads(3).evaluate(input(lines), out, "kitchens.jsonl");

        // then every line is exactly what evaluating that subject alone writes
        List<String> expected = subjects(lines).stream()
                .map(s -> new String(ResultJson.line(RUBRIC.evaluate(s)), StandardCharsets.UTF_8).stripTrailing())
                .toList();
        assertThat(outputLines(out)).containsExactlyElementsOf(expected);
        assertThat(summary.subjects()).isEqualTo(500);
        assertThat(summary.vetoed()).isEqualTo(expected.stream().filter(l -> l.contains("\"vetoed\":true")).count()).isPositive();
        assertThat(expected.get(0)).startsWith("{\"subject\":{\"id\":\"K1\"").doesNotContain("\"rank\"").doesNotContain("\n");
    }

    @Test
    void aCohortStreamGetsTheRanksGradesAndQuotaDropsOfEvaluatingTheCohortTogether() {
        // given more than half of the kitchens clean, so the quota of grade A (0.5) is exceeded
        List<String> lines = new ArrayList<>(kitchens(300, 2));
        for (int k = 301; k <= 500; k++) {
            lines.add("{\"id\":\"K" + k + "\",\"facts\":[]}");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        // when
        Batch.Summary summary = Batch.of(RUBRIC).threads(2).evaluateCohort(input(lines), out, "kitchens.jsonl");

        // then each line, still in input order, is the subject's result from evaluateCohort
        CohortResult together = RUBRIC.evaluateCohort(subjects(lines));
        List<String> expected = subjects(lines).stream()
                .map(s -> new String(ResultJson.line(together.of(s.id()).orElseThrow()), StandardCharsets.UTF_8).stripTrailing())
                .toList();
        assertThat(outputLines(out)).containsExactlyElementsOf(expected);
        assertThat(summary.subjects()).isEqualTo(500);
        assertThat(expected).anyMatch(l -> l.contains("\"kind\":\"QUOTA\"")).anyMatch(l -> l.contains("\"rank\":1,"));
    }

    @Test
    void blankLinesAreSkippedAndLineEndsMayBeCrLf() {
        // given
        List<String> lines = kitchens(3, 3);
        String text = "\r\n" + lines.get(0) + "\r\n\n  \n" + lines.get(1) + "\r\n" + lines.get(2); // no final line end
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        // when
        Batch.Summary summary = Batch.of(RUBRIC).threads(1).evaluate(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), out, "k");

        // then
        assertThat(summary.subjects()).isEqualTo(3);
        assertThat(outputLines(out)).extracting(l -> l.substring(0, l.indexOf(",\"name\""))).containsExactly(
                "{\"subject\":{\"id\":\"K1\"", "{\"subject\":{\"id\":\"K2\"", "{\"subject\":{\"id\":\"K3\"");
    }

    @Test
    void aLineWithAFactsProblemStopsTheBatchNamingItsLineAndPointer() {
        // given line 3 of 5 has a finding whose points are text
        List<String> lines = new ArrayList<>(kitchens(5, 4));
        lines.set(2, "{\"id\":\"K3\",\"facts\":[{\"type\":\"Finding\",\"id\":\"F1\",\"area\":\"hygiene\",\"points\":\"many\"}]}");

        // when / then
        assertThatThrownBy(() -> Batch.of(RUBRIC).threads(2).evaluate(input(lines), new ByteArrayOutputStream(), "kitchens.jsonl"))
                .isInstanceOf(InvalidFactsException.class)
                .hasMessageContaining("kitchens.jsonl:3")
                .hasMessageContaining("/facts/0/points");
    }

    @Test
    void theResultsOfTheLinesBeforeAFactsProblemAreWrittenAsWholeLines() {
        // given line 3 of 5 has a finding whose points are text
        List<String> lines = new ArrayList<>(kitchens(5, 4));
        lines.set(2, "{\"id\":\"K3\",\"facts\":[{\"type\":\"Finding\",\"id\":\"F1\",\"area\":\"hygiene\",\"points\":\"many\"}]}");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        // when
        assertThatThrownBy(() -> Batch.of(RUBRIC).threads(2).evaluate(input(lines), out, "kitchens.jsonl"))
                .isInstanceOf(InvalidFactsException.class);

        // then lines 1 and 2 are out, each exactly what evaluating that subject alone writes
        List<String> expected = subjects(lines.subList(0, 2)).stream()
                .map(s -> new String(ResultJson.line(RUBRIC.evaluate(s)), StandardCharsets.UTF_8).stripTrailing())
                .toList();
        assertThat(outputLines(out)).containsExactlyElementsOf(expected);
    }

    @Test
    void aLineThatIsNoObjectIsAFactsProblem() {
        List<String> lines = List.of("[" + kitchens(1, 5).get(0) + "]");

        assertThatThrownBy(() -> Batch.of(RUBRIC).evaluate(input(lines), new ByteArrayOutputStream(), "k.jsonl"))
                .isInstanceOf(InvalidFactsException.class)
                .hasMessageContaining("k.jsonl:1")
                .hasMessageContaining("one subject as a JSON object");
    }

    @Test
    void anEmptyCohortStreamIsAFactsProblem() {
        assertThatThrownBy(() -> Batch.of(RUBRIC).evaluateCohort(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(), "empty.jsonl"))
                .isInstanceOf(InvalidFactsException.class)
                .hasMessageContaining("empty.jsonl")
                .hasMessageContaining("cohort is empty");
    }

    @Test
    void aBatchNeedsAtLeastOneThread() {
        assertThatThrownBy(() -> Batch.of(RUBRIC).threads(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[0]");
    }
}
