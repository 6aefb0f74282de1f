package dev.verdict.server.type.string;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** INCRBYFLOAT's results, each pinned from Redis 7.0.15 on x86-64 (80-bit long double). */
class LongDoubleTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "10.50 | 0.1 | 10.6",
        "0.1 | 0.2 | 0.3",
        "1.1 | 3.0e3 | 3001.10000000000000009",
        "0 | 1.23456789012345678901234567890 | 1.23456789012345679",
        "0 | 1e-20 | 0",
        "0 | 12345678901234567890 | 12345678901234567890",
        "5.0e3 | -5.0e3 | 0",
        "1 | -1.5 | -0.5",
        "0 | 123456789.123456789 | 123456789.12345678899873747",
        "3 | 1e-17 | 3.00000000000000001",
        "0 | -0.0 | 0",
        "0 | 0x10 | 16",
        "0 | 0x1p-1 | 0.5",
        "0 | 0x.8 | 0.5",
        "0 | -0X1.8P1 | -3",
    })
    void sumsAndFormatsLikeRedisLongDouble(String value, String increment, String expected) {
        var a = LongDouble.parse(value.getBytes(StandardCharsets.US_ASCII));
        var b = LongDouble.parse(increment.getBytes(StandardCharsets.US_ASCII));
        assertThat(new String(LongDouble.format(LongDouble.add(a, b)), StandardCharsets.US_ASCII)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"abc", "' 1'", "'1 '", "1e", "nan", "1e5000", "0x", "0xg", "0x1p"})
    void rejectsWhatStrtoldRejects(String text) {
        assertThat(LongDouble.parse(text.getBytes(StandardCharsets.US_ASCII))).isNull();
    }

    @ParameterizedTest
    @CsvSource({"inf", "-Infinity"})
    void acceptsInfinityButRefusesToAddIt(String text) {
        var inf = LongDouble.parse(text.getBytes(StandardCharsets.US_ASCII));
        assertThat(inf).isNotNull();
        assertThat(LongDouble.add(inf, java.math.BigDecimal.ONE)).isNull();
    }
}
