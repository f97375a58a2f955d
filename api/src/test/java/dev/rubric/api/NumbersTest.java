package dev.rubric.api;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** Numbers are written plain, without trailing zeros (contract §6). */
class NumbersTest {

    @Test
    void trailingZerosAreDropped() {
        assertThat(Numbers.plain(new BigDecimal("87.50"))).isEqualTo("87.5");
        assertThat(Numbers.plain(new BigDecimal("30.00"))).isEqualTo("30");
    }

    @Test
    void aNumberInScientificNotationIsWrittenOut() {
        assertThat(Numbers.plain(new BigDecimal("8.75E+1"))).isEqualTo("87.5");
        assertThat(Numbers.plain(new BigDecimal("1E+3"))).isEqualTo("1000");
    }

    @Test
    void everyZeroIsZero() {
        assertThat(Numbers.plain(new BigDecimal("0.000"))).isEqualTo("0");
        assertThat(Numbers.plain(new BigDecimal("0E+5"))).isEqualTo("0");
        assertThat(Numbers.plain(new BigDecimal("-0.0"))).isEqualTo("0");
    }

    @Test
    void negativeNumbersKeepTheirSign() {
        assertThat(Numbers.plain(new BigDecimal("-1.250"))).isEqualTo("-1.25");
    }

    @Test
    void aNumberOfMoreThanAThousandDigitsStaysInScientificNotation() {
        assertThat(Numbers.plain(new BigDecimal("1E+999999999"))).isEqualTo("1E+999999999");
        assertThat(Numbers.plain(new BigDecimal("1E-1001"))).isEqualTo("1E-1001");
    }
}
