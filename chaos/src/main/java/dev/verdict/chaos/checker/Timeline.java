package dev.verdict.chaos.checker;

import dev.verdict.chaos.history.Operation;

import java.util.ArrayList;
import java.util.List;

/** Throughput, errors and latency per time bucket, for the report's chart. */
public final class Timeline {

    public record Bucket(long t, int ok, int fail, int unknown, double p50Ms, double p99Ms) {
    }

    private Timeline() {
    }

    /** Buckets of operations by completion time, relative to {@code startedAt}. */
    public static List<Bucket> of(List<Operation> history, long startedAt, long endedAt, long bucketMs) {
        int n = (int) Math.max(1, (endedAt - startedAt + bucketMs - 1) / bucketMs);
        int[] ok = new int[n], fail = new int[n], unknown = new int[n];
        List<List<Long>> latencies = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            latencies.add(new ArrayList<>());
        }
        for (Operation op : history) {
            int i = (int) Math.min(n - 1, Math.max(0, (op.completeMs() - startedAt) / bucketMs));
            switch (op.outcome()) {
                case OK -> {
                    ok[i]++;
                    latencies.get(i).add(op.latencyMs());
                }
                case FAIL -> fail[i]++;
                case UNKNOWN -> unknown[i]++;
            }
        }
        List<Bucket> buckets = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<Long> l = latencies.get(i);
            l.sort(null);
            buckets.add(new Bucket(i * bucketMs, ok[i], fail[i], unknown[i], percentile(l, 0.50), percentile(l, 0.99)));
        }
        return buckets;
    }

    private static double percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
