package dev.rubric.engine.internal.text;

/** Whether text is written in Chinese characters (the Han script), which decides the language of reports. */
public final class Han {

    private Han() {
    }

    /** Whether {@code text} holds at least one Han character; false for null. */
    public static boolean in(CharSequence text) {
        return text != null && text.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }
}
