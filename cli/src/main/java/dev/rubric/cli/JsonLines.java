package dev.rubric.cli;

import dev.rubric.api.Rubric;
import dev.rubric.api.Batch;
import dev.rubric.api.Period;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * {@code rubric evaluate --facts FILE.jsonl --format jsonl}: a facts file of one subject per line scored as a
 * stream with {@link Batch}, each subject alone, one result line per subject, in input order.
 *
 * <p>Results are written as they are scored, so memory stays flat however long the file is. A facts problem in
 * line N stops the stream with an error naming {@code FILE:N}; the results of the lines before it are already on
 * the output, each a complete line.
 */
final class JsonLines {

    private JsonLines() {
    }

    /** Whether a facts location names a JSON-lines file (its name ends in {@code .jsonl}). */
    static boolean isJsonLines(String location) {
        return location.endsWith(".jsonl");
    }

    /**
     * Scores every line of {@code in} alone, for {@code period}, and writes each result as a line of {@code out}.
     *
     * @return the exit code, 0
     */
    static int stream(Rubric rubric, Period period, InputStream in, String sourceName, PrintWriter out) {
        try (WholeLines lines = new WholeLines(out)) {
            Batch.of(rubric).forPeriod(period).evaluate(in, lines, sourceName);
        }
        return 0;
    }

    /**
     * Hands the command's writer whole UTF-8 lines: bytes wait until their line is complete, so a character
     * split between two writes is never decoded in halves.
     */
    private static final class WholeLines extends OutputStream {
        private final PrintWriter out;
        private byte[] pending = new byte[8192];
        private int length;

        WholeLines(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (length + len > pending.length) {
                pending = Arrays.copyOf(pending, Math.max(pending.length * 2, length + len));
            }
            System.arraycopy(b, off, pending, length, len);
            length += len;
            int end = length;
            while (end > 0 && pending[end - 1] != '\n') {
                end--;
            }
            if (end > 0) {
                out.write(new String(pending, 0, end, StandardCharsets.UTF_8));
                System.arraycopy(pending, end, pending, 0, length - end);
                length -= end;
            }
        }

        @Override
        public void flush() {
            out.flush();
        }

        @Override
        public void close() {
            flush(); // a Batch writes only whole lines: nothing is left pending
        }
    }
}
