package dev.verdict.server.command;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LatencyHistogramTest {

    @Test
    void percentilesFallInBucketsAboutSixPercentWide() {
        LatencyHistogram h = new LatencyHistogram();
        for (int i = 1; i <= 1000; i++) h.record(i * 1000L);
        assertThat((double) h.valueAt(50)).isCloseTo(500_000, within(35_000.0));
        assertThat((double) h.valueAt(99)).isCloseTo(990_000, within(65_000.0));
        assertThat(h.valueAt(50)).isGreaterThanOrEqualTo(500_000);
    }

    @Test
    void smallValuesAreExactAndResetEmpties() {
        LatencyHistogram h = new LatencyHistogram();
        h.record(7);
        assertThat(h.valueAt(100)).isEqualTo(7);
        h.reset();
        assertThat(h.count()).isZero();
        assertThat(h.valueAt(50)).isZero();
    }
}
