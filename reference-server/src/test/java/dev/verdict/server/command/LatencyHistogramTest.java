package dev.verdict.server.command;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LatencyHistogramTest {

    private static List<Long> cdf(LatencyHistogram h) {
        List<Long> out = new ArrayList<>();
        h.forEachCumulativeBucket((usec, calls) -> {
            out.add(usec);
            out.add(calls);
            return 0;
        });
        return out;
    }

    @Test
    void levelsAreHdrHighestEquivalentsOfPowersOfTwoFrom1024Nanoseconds() {
        LatencyHistogram h = new LatencyHistogram();
        for (long micros : new long[] {0, 1, 2, 4, 8, 16, 32, 64}) h.record(micros * 1000);
        // the reporting levels Redis's LATENCY HISTOGRAM shows: 1 2 4 8 16 33 66 132 ...
        assertThat(cdf(h)).containsExactly(1L, 2L, 2L, 3L, 4L, 4L, 8L, 5L, 16L, 6L, 33L, 7L, 66L, 8L);
        assertThat(h.count()).isEqualTo(8);
    }

    @Test
    void onlyLevelsWhereTheCountGrewAreReported() {
        LatencyHistogram h = new LatencyHistogram();
        h.record(100_000_000L);
        h.record(5_050_000L);
        assertThat(cdf(h)).containsExactly(8454L, 1L, 135266L, 2L);
        assertThat(h.cumulativeBucketCount()).isEqualTo(2);
    }

    @Test
    void valuesAreClampedToOneSecondAndReportedWhereTheIteratorRunsOut() {
        LatencyHistogram h = new LatencyHistogram();
        h.record(5_000_000_000L);
        // real Redis after DEBUG SLEEP 1.1: histogram_usec {1073741: 1}, the last bucket's highest value
        assertThat(h.count()).isEqualTo(1);
        assertThat(cdf(h)).containsExactly(1073741L, 1L);
        assertThat(h.valueAt(50)).isEqualTo(LatencyHistogram.highestEquivalent(LatencyHistogram.HIGHEST));
    }

    @Test
    void subMicrosecondCallsCountAsOneNanosecondLikeRedis() {
        LatencyHistogram h = new LatencyHistogram();
        h.record(999);
        assertThat(cdf(h)).containsExactly(1L, 1L);
        assertThat(h.valueAt(99)).isEqualTo(1);
    }
}
