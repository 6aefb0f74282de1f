package dev.verdict.chaos.checker;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * After healing: every replica's offset reaches the master's, within a bound; a resync that
 * Redis would do partially is partial; all nodes hold the same data ({@code DEBUG DIGEST}).
 */
public final class ReplicationConvergence {

    /** One poll of the group: the master's master_repl_offset and each replica's offset. */
    public record Sample(long timeMs, long masterOffset, Map<String, Long> replicaOffsets) {

        boolean converged() {
            return !replicaOffsets.isEmpty() && replicaOffsets.values().stream().allMatch(o -> o == masterOffset);
        }
    }

    private ReplicationConvergence() {
    }

    /** Milliseconds from the heal to the first sample where every replica is at the master's offset. */
    public static OptionalLong convergenceMs(long healMs, List<Sample> samples) {
        return samples.stream().filter(s -> s.timeMs() >= healMs).filter(Sample::converged)
                .mapToLong(s -> s.timeMs() - healMs).min();
    }

    public static CheckResult checkOffsets(long healMs, List<Sample> samples, long boundMs) {
        OptionalLong ms = convergenceMs(healMs, samples);
        if (ms.isEmpty()) {
            Sample last = samples.isEmpty() ? null : samples.get(samples.size() - 1);
            return CheckResult.fail("replica offsets converge", "never converged; last sample " + last);
        }
        return new CheckResult("replica offsets converge", ms.getAsLong() <= boundMs,
                "all replicas at the master's offset " + ms.getAsLong() + " ms after the heal (bound " + boundMs + " ms)");
    }

    /**
     * @param partialExpected     whether Redis would resync partially (the backlog still covers the gap)
     * @param partialOkDelta      growth of sync_partial_ok on the master across the heal
     * @param fullSyncDelta       growth of sync_full on the master across the heal
     */
    public static CheckResult checkResync(boolean partialExpected, long partialOkDelta, long fullSyncDelta) {
        String detail = "sync_partial_ok +" + partialOkDelta + ", sync_full +" + fullSyncDelta;
        boolean passed = !partialExpected || (partialOkDelta > 0 && fullSyncDelta == 0);
        return new CheckResult("partial resync where possible", passed, detail);
    }

    /** @param digests node to its DEBUG DIGEST */
    public static CheckResult checkDigests(Map<String, String> digests) {
        Collection<String> values = digests.values();
        boolean same = new HashSet<>(values).size() <= 1 && !values.isEmpty();
        return new CheckResult("same data on all nodes", same, "DEBUG DIGEST " + digests);
    }
}
