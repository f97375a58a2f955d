package dev.rubric.testkit;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;

/**
 * The one reading of a number a test writes: a {@code BigDecimal}, any other {@code Number} or a numeric string
 * ({@code "5.01"}) alike, as exact decimals. Assertions and builders accept all three through it.
 */
public final class Decimals {

    private Decimals() {
    }

    /**
     * The exact decimal a number stands for; a {@code double} by its shortest decimal form ({@code 0.1} is 0.1).
     *
     * @param number a {@code BigDecimal}, another {@code Number} or a numeric string; never null
     * @return the decimal
     * @throws IllegalArgumentException when the value is not a number (text that is not one, NaN, an infinity)
     */
    public static BigDecimal of(Object number) {
        Objects.requireNonNull(number, "number");
        if (number instanceof BigDecimal d) {
            return d;
        }
        if (number instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (number instanceof Double || number instanceof Float) {
            double d = ((Number) number).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("[" + number + "] is not a number; give points such as -1, 87.5 or \"87.5\"");
            }
            return number instanceof Float ? new BigDecimal(number.toString()) : BigDecimal.valueOf(d);
        }
        if (number instanceof Number n) {
            return BigDecimal.valueOf(n.longValue());
        }
        if (number instanceof CharSequence text) {
            try {
                return new BigDecimal(text.toString().trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("[" + text + "] is not a number; give points such as -1, 87.5 or \"87.5\"", e);
            }
        }
        throw new IllegalArgumentException("[" + number + "] (" + number.getClass().getName() + ") is not a number; give points such as -1, 87.5 or \"87.5\"");
    }
}
