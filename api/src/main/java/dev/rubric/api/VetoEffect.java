package dev.rubric.api;

import java.util.Objects;

/**
 * What a veto (一票否决) does to a subject's outcome. Vetoes only ever worsen it.
 */
public sealed interface VetoEffect {

    /** The lowest grade. */
    record Fail() implements VetoEffect {
        @Override public String toString() { return "fail"; }
    }

    /** The total becomes 0 and the grade is taken again from the bands, never better than before. */
    record Zero() implements VetoEffect {
        @Override public String toString() { return "zero"; }
    }

    /** No grade is given (不评定等级). */
    record NoGrade() implements VetoEffect {
        @Override public String toString() { return "none"; }
    }

    /**
     * The grade can be no better than {@code grade}.
     *
     * @param grade a grade of the manifest; never null
     */
    record Cap(String grade) implements VetoEffect {
        public Cap {
            Objects.requireNonNull(grade, "grade");
        }
        @Override public String toString() { return "cap:" + grade; }
    }

    /**
     * Reads an effect as written in a manifest or an {@code @effect} annotation.
     *
     * @param text {@code fail}, {@code zero}, {@code none} or {@code cap:<grade>}; never null
     * @return the effect
     * @throws IllegalArgumentException when the text is none of those
     */
    static VetoEffect parse(String text) {
        String t = text.trim();
        switch (t) {
            case "fail": return new Fail();
            case "zero": return new Zero();
            case "none": return new NoGrade();
            default:
                if (t.startsWith("cap:") && t.length() > 4) {
                    return new Cap(t.substring(4).trim());
                }
                throw new IllegalArgumentException("veto effect [" + text + "] is not one of fail, zero, none, cap:<grade>");
        }
    }
}
