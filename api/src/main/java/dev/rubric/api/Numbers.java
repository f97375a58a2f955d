package dev.rubric.api;

import java.math.BigDecimal;

/**
 * How Rubric writes a number, in its JSON (contract §6), its reports and its messages: plain, without trailing zeros
 * ({@code 87.5}, not {@code 87.50} or {@code 8.75E+1}).
 */
public final class Numbers {

    /** The most digits written out before, or after, the point; a number with more is written in scientific notation. */
    private static final int MAX_PLAIN_DIGITS = 1000;

    private Numbers() {
    }

    /**
     * A number as Rubric writes it: {@code 0} for any zero, otherwise plain and without trailing zeros. A number of
     * more than a thousand digits before or after its point ({@code 1e999999999} is short to write but a billion digits
     * long written out) is written in scientific notation instead; no score comes near that.
     *
     * @param n the number; not null
     */
    public static String plain(BigDecimal n) {
        if (n.signum() == 0) {
            return "0";
        }
        BigDecimal stripped = n.stripTrailingZeros();
        return stripped.precision() - stripped.scale() <= MAX_PLAIN_DIGITS && stripped.scale() <= MAX_PLAIN_DIGITS
                ? stripped.toPlainString() : stripped.toString();
    }
}
