package dev.verdict.server.type.string;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class NumbersTest {

    @Test
    void toBytesWritesTheSameDigitsAsLongToStringAcrossTheRange() {
        long[] values = {0, 1, -1, 9, 10, -10, 99, 100, 9999, 10000, 123456789, -987654321,
                Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE - 1, Long.MIN_VALUE + 1};
        for (long v : values) {
            assertThat(new String(Numbers.toBytes(v), StandardCharsets.US_ASCII)).as("%d", v).isEqualTo(Long.toString(v));
        }
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 10_000; i++) {
            long v = random.nextLong() >> random.nextInt(64);
            assertThat(Numbers.parseLongStrict(Numbers.toBytes(v))).isEqualTo(v);
        }
    }
}
