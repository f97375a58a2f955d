package dev.rubric.engine.internal.text;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 decoding of a rubric's files, with the place of the first byte that is not UTF-8.
 *
 * <p>A file saved in another encoding (GBK, Latin-1) is the commonest way a rubric or facts file is broken
 * without a visible mistake; the author needs the line and column of the first offending byte, not a decoder's
 * byte offset.
 */
public final class Utf8 {

    private Utf8() {
    }

    /**
     * Where a file stops being UTF-8.
     *
     * @param line   1-based line of the first malformed byte
     * @param column 1-based column, counted in characters decoded before it on its line
     * @param value  the malformed byte, 0 to 255
     */
    public record Malformed(int line, int column, int value) {

        /** The problem in plain words, such as "the file is not UTF-8 text: byte 0xE9 cannot be read as UTF-8; save it as UTF-8". */
        public String message() {
            return String.format("the file is not UTF-8 text: byte 0x%02X cannot be read as UTF-8; save the file as UTF-8", value);
        }
    }

    /**
     * Decodes UTF-8 strictly.
     *
     * @param bytes the file's bytes; never null
     * @return the text, or null when the bytes are not UTF-8 (then {@link #malformed} tells where)
     */
    public static String decode(byte[] bytes) {
        return malformed(bytes) == null ? new String(bytes, StandardCharsets.UTF_8) : null;
    }

    /**
     * The first place the bytes are not UTF-8.
     *
     * @param bytes the file's bytes; never null
     * @return the place, or null when every byte is UTF-8
     */
    public static Malformed malformed(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            return null;
        }
        int line = 1;
        int column = 1;
        out.flip();
        for (int i = 0; i < out.limit(); i++) {
            if (out.get(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new Malformed(line, column, bytes[in.position()] & 0xFF);
    }
}
