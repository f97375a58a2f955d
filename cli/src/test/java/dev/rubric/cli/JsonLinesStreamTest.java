package dev.rubric.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code rubric evaluate --facts FILE.jsonl --format jsonl} scores a stream: results go out while facts are still
 * coming in, and a problem in line N names line N with the results before it left whole.
 */
class JsonLinesStreamTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<String> sampleLines() throws IOException {
        List<String> lines = new ArrayList<>();
        try (InputStream in = JsonLinesStreamTest.class.getResourceAsStream("/samples/party-mass-2026.json")) {
            JsonNode root = JSON.readTree(in);
            for (JsonNode unit : root.isArray() ? root : root.get("subjects")) {
                lines.add(JSON.writeValueAsString(unit));
            }
        }
        return lines;
    }

    /** A writer that counts down a latch at the first character written to it. */
    private static final class Watched extends Writer {
        final StringWriter text = new StringWriter();
        final CountDownLatch firstWrite = new CountDownLatch(1);

        @Override
        public synchronized void write(char[] cbuf, int off, int len) {
            text.write(cbuf, off, len);
            firstWrite.countDown();
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    @Test
    void resultsAreWrittenWhileTheFactsAreStillComing(@TempDir Path dir) throws Exception {
        // given a pipe as the facts file, fed more lines than the stream keeps in flight, and then held open
        Path pipe = dir.resolve("units.jsonl");
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).start();
        } catch (IOException noMkfifo) {
            assumeTrue(false, "mkfifo is not available here: " + noMkfifo.getMessage());
            return;
        }
        assumeTrue(mkfifo.waitFor() == 0, "mkfifo failed");
        List<String> sample = sampleLines();
        int first = 64 * Runtime.getRuntime().availableProcessors() + 40;
        Watched out = new Watched();
        boolean[] sawResultsBeforeTheEnd = {false};
        Thread feeder = new Thread(() -> {
            try (OutputStream in = Files.newOutputStream(pipe)) {
                for (int i = 0; i < first; i++) {
                    in.write((sample.get(i % sample.size()).replaceFirst("\"id\":\"([^\"]+)\"", "\"id\":\"$1-" + i + "\"") + "\n")
                            .getBytes(StandardCharsets.UTF_8));
                }
                in.flush();
                sawResultsBeforeTheEnd[0] = out.firstWrite.await(120, TimeUnit.SECONDS);
                in.write((sample.get(0) + "\n").getBytes(StandardCharsets.UTF_8));
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, "feeder");
        feeder.start();

        // when
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"evaluate", "--facts", pipe.toString(), "--format", "jsonl"}, new PrintWriter(out), new PrintWriter(err));
        feeder.join();

        // then results came out before the last line was written, and every line of the input has its result
        assertThat(code).as(err.toString()).isZero();
        assertThat(sawResultsBeforeTheEnd[0]).as("results written while the facts were still coming").isTrue();
        List<String> results = out.text.toString().lines().toList();
        assertThat(results).hasSize(first + 1);
        for (String line : results) {
            assertThat(JSON.readTree(line).path("total").isNumber()).as(line).isTrue();
        }
    }

    @Test
    void aLineThatIsNotValidJsonNamesItsLineAndTheResultsBeforeItStayValidLines(@TempDir Path dir) throws IOException {
        // given line 4 breaks off in the middle of its facts
        List<String> lines = new ArrayList<>(sampleLines().subList(0, 6));
        lines.set(3, lines.get(3).substring(0, lines.get(3).length() / 2));
        Path facts = Files.write(dir.resolve("units.jsonl"), lines, StandardCharsets.UTF_8);

        // when
        CommandLineTest.Run run = CommandLineTest.rubric("evaluate", "--facts", facts.toString(), "--format", "jsonl");

        // then
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains(facts + ":4", "the facts are not valid JSON").doesNotContain("\tat ", "Exception");
        List<String> written = run.out().lines().toList();
        assertThat(written).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(JSON.readTree(written.get(i)).path("subject").path("id").asText())
                    .isEqualTo(JSON.readTree(lines.get(i)).path("id").asText());
        }
    }
}
