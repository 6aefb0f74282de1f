package dev.verdict.chaos.checker;

import dev.verdict.chaos.history.Operation;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/** Failover: how long writes were unavailable, and whether Sentinel or Cluster promoted the right replica. */
public final class Failover {

    private Failover() {
    }

    /**
     * Time from the fault to the first acknowledged write invoked after it and not served by the
     * failed master (where the client says which node served it).
     *
     * @param writes   the write operations to consider (for Cluster: only keys in the failed master's slots)
     * @param oldMaster host:port of the master the fault hit, or null when nodes are not recorded
     */
    public static OptionalLong failoverMs(List<Operation> writes, long faultMs, String oldMaster) {
        return writes.stream()
                .filter(Operation::ok)
                .filter(o -> o.invokeMs() >= faultMs)
                .filter(o -> oldMaster == null || o.node() == null || !o.node().equals(oldMaster))
                .mapToLong(Operation::completeMs)
                .min()
                .stream()
                .map(t -> t - faultMs)
                .findFirst();
    }

    public static CheckResult checkResumed(List<Operation> writes, long faultMs, String oldMaster, long boundMs) {
        OptionalLong ms = failoverMs(writes, faultMs, oldMaster);
        if (ms.isEmpty()) {
            return CheckResult.fail("writes resume after failover", "no acknowledged write after the fault");
        }
        return new CheckResult("writes resume after failover", ms.getAsLong() <= boundMs,
                "first acknowledged write on the new master " + ms.getAsLong() + " ms after the fault (bound " + boundMs + " ms)");
    }

    /** The longest stretch without an acknowledged write between {@code fromMs} and {@code toMs}. */
    public static long longestWriteGapMs(List<Operation> writes, long fromMs, long toMs) {
        long last = fromMs;
        long longest = 0;
        List<Long> acks = writes.stream().filter(Operation::ok).map(Operation::completeMs)
                .filter(t -> t >= fromMs && t <= toMs).sorted().toList();
        for (long t : acks) {
            longest = Math.max(longest, t - last);
            last = t;
        }
        return Math.max(longest, toMs - last);
    }

    /** A replica as the failover saw it: its id (host:port), slave-priority, replication offset, reachability. */
    public record Candidate(String id, int priority, long offset, boolean reachable) {
    }

    /**
     * The replicas Redis may promote: reachable, priority not 0, the lowest priority, then the
     * highest replication offset. Ties remain (Sentinel breaks them by run id, which we do not model).
     */
    public static Set<String> eligible(List<Candidate> candidates) {
        List<Candidate> usable = candidates.stream().filter(Candidate::reachable).filter(c -> c.priority() != 0).toList();
        Optional<Candidate> best = usable.stream()
                .min(Comparator.comparingInt(Candidate::priority).thenComparing(Comparator.comparingLong(Candidate::offset).reversed()));
        return best.map(b -> usable.stream()
                        .filter(c -> c.priority() == b.priority() && c.offset() == b.offset())
                        .map(Candidate::id)
                        .collect(Collectors.toCollection(java.util.TreeSet::new)))
                .map(s -> (Set<String>) s)
                .orElse(Set.of());
    }

    public static CheckResult checkPromoted(List<Candidate> candidates, String promoted) {
        Set<String> eligible = eligible(candidates);
        return new CheckResult("eligible replica promoted", eligible.contains(promoted),
                "promoted " + promoted + "; eligible " + eligible + " among " + candidates);
    }
}
