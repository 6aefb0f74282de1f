package dev.verdict.server.resp;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** C's %f as glibc prints it (Redis's GEO errors use it); expected texts from C's printf. */
class DoubleFormatTest {

    @ParameterizedTest
    @CsvSource({
        "200, 200.000000",
        "1e18, 1000000000000000000.000000",
        "1e23, 99999999999999991611392.000000",
        "180.1234567, 180.123457",
        "-1e-7, -0.000000",
        "-0.0, -0.000000",
        "0.0000005, 0.000000",
        "0.0000015, 0.000002",
        "Infinity, inf",
        "-Infinity, -inf",
    })
    void fixedPrintsLikeCPercentF(double value, String expected) {
        assertThat(DoubleFormat.fixed(value, 6)).isEqualTo(expected);
    }
}
