package dev.verdict.server.command;

import java.util.function.LongBinaryOperator;

/**
 * A command's latency distribution, laid out as the HDR histogram Redis keeps per command
 * ({@code hdr_init(1, 1000000000, 2)}): values in nanoseconds from 1 ns to 1 s, 256 sub-buckets
 * per power of two (exact below 256 ns), so INFO latencystats percentiles and LATENCY HISTOGRAM's
 * buckets land where Redis's do. Redis records whole microseconds times 1000; so do we.
 */
public final class LatencyHistogram {

    static final long LOWEST = 1;
    static final long HIGHEST = 1_000_000_000L;
    private static final int SUB_BUCKET_HALF_MAGNITUDE = 7;
    private static final int SUB_BUCKET_HALF = 1 << SUB_BUCKET_HALF_MAGNITUDE;
    private static final long SUB_BUCKET_MASK = 2L * SUB_BUCKET_HALF - 1;
    /** Buckets needed for 256 << n to exceed HIGHEST (23), plus one, times the half count. */
    private static final int COUNTS = (bucketsFor(HIGHEST) + 1) * SUB_BUCKET_HALF;
    /** The CDF's first reporting level: hdr_iter_log_init(&iter, h, 1024, 2). */
    private static final long FIRST_LEVEL = 1024;

    private final long[] counts = new long[COUNTS];
    private long total;

    /** Records one call that took {@code nanos}, truncated to microseconds as Redis measures it. */
    public void record(long nanos) {
        long value = Math.min(HIGHEST, Math.max(LOWEST, (nanos / 1000) * 1000));
        counts[index(value)]++;
        total++;
    }

    public long count() {
        return total;
    }

    /** hdr_value_at_percentile: the highest value equivalent to the one at {@code percentile} (0-100). */
    public long valueAt(double percentile) {
        if (total == 0) return 0;
        double p = Math.min(percentile, 100.0);
        long wanted = Math.max(1, (long) (p / 100 * total + 0.5));
        long seen = 0;
        for (int i = 0; i < COUNTS; i++) {
            seen += counts[i];
            if (seen >= wanted) {
                long value = valueAtIndex(i);
                return percentile == 0.0 ? value : highestEquivalent(value);
            }
        }
        return 0;
    }

    /**
     * The cumulative distribution LATENCY HISTOGRAM replies: at each power-of-two level from
     * 1024 ns, the level's highest equivalent value in microseconds and the calls at or below it,
     * only where that count grew (Redis's fillCommandCDF over a log iterator).
     */
    public void forEachCumulativeBucket(LongBinaryOperator sink) {
        long previous = 0;
        int from = 0;
        long cumulative = 0;
        for (long level = FIRST_LEVEL; cumulative < total; level <<= 1) {
            int to = index(level);
            if (to >= COUNTS) {
                // hdr's log iterator runs out of buckets before this level and reports where it stopped
                for (int i = from; i < COUNTS; i++) cumulative += counts[i];
                if (cumulative > previous) sink.applyAsLong(highestEquivalent(valueAtIndex(COUNTS - 1)) / 1000, cumulative);
                break;
            }
            for (int i = from; i <= to; i++) cumulative += counts[i];
            from = to + 1;
            if (cumulative > previous) sink.applyAsLong(highestEquivalent(level) / 1000, cumulative);
            previous = cumulative;
        }
    }

    /** How many levels forEachCumulativeBucket reports. */
    public int cumulativeBucketCount() {
        int[] n = {0};
        forEachCumulativeBucket((usec, calls) -> n[0]++);
        return n[0];
    }

    public void reset() {
        java.util.Arrays.fill(counts, 0);
        total = 0;
    }

    private static int bucketsFor(long value) {
        long smallestUntrackable = 2L * SUB_BUCKET_HALF;
        int buckets = 1;
        while (smallestUntrackable <= value) {
            smallestUntrackable <<= 1;
            buckets++;
        }
        return buckets;
    }

    private static int bucketIndex(long value) {
        int pow2Ceiling = 64 - Long.numberOfLeadingZeros(value | SUB_BUCKET_MASK);
        return pow2Ceiling - (SUB_BUCKET_HALF_MAGNITUDE + 1);
    }

    static int index(long value) {
        int bucket = bucketIndex(value);
        int subBucket = (int) (value >>> bucket);
        return ((bucket + 1) << SUB_BUCKET_HALF_MAGNITUDE) + (subBucket - SUB_BUCKET_HALF);
    }

    private static long valueAtIndex(int index) {
        int bucket = (index >> SUB_BUCKET_HALF_MAGNITUDE) - 1;
        int subBucket = (index & (SUB_BUCKET_HALF - 1)) + SUB_BUCKET_HALF;
        if (bucket < 0) {
            subBucket -= SUB_BUCKET_HALF;
            bucket = 0;
        }
        return (long) subBucket << bucket;
    }

    static long highestEquivalent(long value) {
        int bucket = bucketIndex(value);
        long lowest = (value >>> bucket) << bucket;
        return lowest + (1L << bucket) - 1;
    }
}
