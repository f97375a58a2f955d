package dev.rubric.engine.internal.text;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** A file that is not UTF-8 is reported at the line and column of its first byte that is not. */
class Utf8Test {

    @Test
    void utf8TextHasNoMalformedPlaceAndDecodesAsItIs() {
        byte[] text = "id: 党群部门\nname: Café\n".getBytes(StandardCharsets.UTF_8);

        assertThat(Utf8.malformed(text)).isNull();
        assertThat(Utf8.decode(text)).isEqualTo("id: 党群部门\nname: Café\n");
    }

    @Test
    void aLatin1ByteIsPlacedByLineAndColumnOfTheTextBeforeIt() {
        // given a UTF-8 first line and a second line saved as Latin-1
        byte[] utf8Head = "id: 党群\n".getBytes(StandardCharsets.UTF_8);
        byte[] tail = "name: Caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] bytes = new byte[utf8Head.length + tail.length];
        System.arraycopy(utf8Head, 0, bytes, 0, utf8Head.length);
        System.arraycopy(tail, 0, bytes, utf8Head.length, tail.length);

        // when
        Utf8.Malformed at = Utf8.malformed(bytes);

        // then

        assertThat(at).isEqualTo(new Utf8.Malformed(2, 10, 0xE9));
        assertThat(at.message()).isEqualTo("the file is not UTF-8 text: byte 0xE9 cannot be read as UTF-8; save the file as UTF-8");
        assertThat(Utf8.decode(bytes)).isNull();
    }
}
