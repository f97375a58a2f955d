package dev.rubric.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Splits a byte stream into lines at {@code \n}, skipping blank lines, numbering each from 1 as an editor does; UTF-8
 * never has a {@code \n} byte inside a character, so no decoding is needed. Not thread-safe: one reader.
 */
final class Lines {

    /** One input line: its bytes without the line end, and its 1-based number in the input. */
    record Line(byte[] bytes, long number) {

        /** Whether the line's first non-blank byte opens a JSON object. */
        boolean isObject() {
            for (byte b : bytes) {
                if (b != ' ' && b != '\t' && b != '\r') {
                    return b == '{';
                }
            }
            return false;
        }
    }

    private final InputStream in;
    private final byte[] chunk = new byte[1 << 16];
    private int position;
    private int limit;
    private byte[] line = new byte[8192];
    private long number;
    /** Bytes of the stream before the current chunk. */
    private long before;

    Lines(InputStream in) {
        this.in = in;
    }

    /** How many bytes of the stream the lines returned so far took, line ends included. */
    long consumed() {
        return before + position;
    }

    /**
     * The next line that is not blank, or null at the end of the stream.
     *
     * @throws UncheckedIOException when reading fails, naming the line
     */
    Line next() {
        try {
            while (true) {
                int length = 0;
                boolean ended = false;
                while (true) {
                    if (position == limit) {
                        before += limit;
                        limit = in.read(chunk, 0, chunk.length);
                        position = 0;
                        if (limit <= 0) {
                            limit = 0;
                            ended = true;
                            break;
                        }
                    }
                    int start = position;
                    while (position < limit && chunk[position] != '\n') {
                        position++;
                    }
                    int n = position - start;
                    if (length + n > line.length) {
                        line = Arrays.copyOf(line, Math.max(line.length * 2, length + n));
                    }
                    System.arraycopy(chunk, start, line, length, n);
                    length += n;
                    if (position < limit) { // at the \n
                        position++;
                        break;
                    }
                }
                if (ended && length == 0) {
                    return null;
                }
                number++;
                if (!blank(line, length)) {
                    return new Line(Arrays.copyOf(line, length), number);
                }
                if (ended) {
                    return null;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read line " + (number + 1) + ": " + e.getMessage(), e);
        }
    }

    private static boolean blank(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] != ' ' && bytes[i] != '\t' && bytes[i] != '\r') {
                return false;
            }
        }
        return true;
    }
}
