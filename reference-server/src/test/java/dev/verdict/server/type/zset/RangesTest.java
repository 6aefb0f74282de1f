package dev.verdict.server.type.zset;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Score range bounds parsed as Redis 7.0.15's zslParseRange (checked against the real server). */
class RangesTest {

    private static Ranges.Span span(String min, String max) {
        return Ranges.score(min.getBytes(StandardCharsets.US_ASCII), max.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void anEmptyBoundIsZeroAsStrtodLeavesNothingBehind() {
        Ranges.Span exclusiveZero = span("(", "1");
        assertThat(exclusiveZero).isNotNull();
        assertThat(exclusiveZero.beforeStart().before(0.0, new byte[0])).isTrue();
        assertThat(exclusiveZero.beforeStart().before(0.5, new byte[0])).isFalse();
        assertThat(span("", "1")).isNotNull();
    }

    @Test
    void blanksAndWordsAreStillNotFloats() {
        assertThat(span(" ", "1")).isNull();
        assertThat(span("x", "1")).isNull();
        assertThat(span("(nan", "1")).isNull();
    }
}
