package dev.verdict.server.command;

/**
 * A command's latency distribution for INFO latencystats: log-linear buckets over nanoseconds
 * (16 per power of two, about 6% wide), the shape of the HDR histogram Redis keeps per command.
 * A percentile is reported as its bucket's upper bound, as HDR's highest-equivalent value.
 */
public final class LatencyHistogram {

    private static final int SUB_BUCKETS = 16;
    private final long[] counts = new long[64 * SUB_BUCKETS];
    private long total;

    public void record(long nanos) {
        counts[index(Math.max(1, nanos))]++;
        total++;
    }

    public long count() {
        return total;
    }

    /** The value (ns) at {@code percentile} (0-100). */
    public long valueAt(double percentile) {
        if (total == 0) return 0;
        long wanted = Math.max(1, (long) Math.ceil(total * percentile / 100.0));
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= wanted) return upperBound(i);
        }
        return upperBound(counts.length - 1);
    }

    public void reset() {
        java.util.Arrays.fill(counts, 0);
        total = 0;
    }

    private static int index(long v) {
        int exponent = 63 - Long.numberOfLeadingZeros(v);
        if (exponent < 4) return (int) v; // exact below 16
        int mantissa = (int) ((v >>> (exponent - 4)) & (SUB_BUCKETS - 1));
        return exponent * SUB_BUCKETS + mantissa;
    }

    private static long upperBound(int index) {
        int exponent = index / SUB_BUCKETS;
        if (exponent < 4) return index;
        int mantissa = index % SUB_BUCKETS;
        return ((long) (SUB_BUCKETS + mantissa + 1) << (exponent - 4)) - 1;
    }
}
