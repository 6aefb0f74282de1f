package dev.verdict.chaos.checker;

import dev.verdict.chaos.history.Operation;
import dev.verdict.chaos.history.Outcome;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Acknowledged writes missing from the final state: elements added to sets ({@code add}) or
 * appended to lists ({@code append}) that the server acknowledged but that the final read no
 * longer holds. Counted always; a failure only where the caller says Redis promises no loss.
 */
public final class AckedWriteLoss {

    /**
     * @param acked             writes the server acknowledged
     * @param lost              acknowledged writes missing at the end
     * @param unknownKept       writes of unknown outcome found at the end (they did happen)
     * @param failedButPresent  writes the server refused that are present nonetheless (never legal)
     */
    public record Figures(long acked, long lost, long unknown, long unknownKept, long failed, long failedButPresent,
                          List<String> lostSample) {

        public double lossRatio() {
            return acked == 0 ? 0 : (double) lost / acked;
        }
    }

    private AckedWriteLoss() {
    }

    /** @param finalState key to the elements it holds at the end (a set's members, a list's items) */
    public static Figures measure(List<Operation> history, Map<String, ? extends Collection<String>> finalState) {
        long acked = 0, lost = 0, unknown = 0, unknownKept = 0, failed = 0, failedButPresent = 0;
        List<String> lostSample = new java.util.ArrayList<>();
        Map<String, Set<String>> present = new java.util.HashMap<>();
        finalState.forEach((k, v) -> present.put(k, new HashSet<>(v)));
        for (Operation op : history) {
            if (!op.op().equals("add") && !op.op().equals("append")) {
                continue;
            }
            boolean there = present.getOrDefault(op.key(), Set.of()).contains(op.value());
            if (op.outcome() == Outcome.OK) {
                acked++;
                if (!there) {
                    lost++;
                    if (lostSample.size() < 20) {
                        lostSample.add(op.key() + ":" + op.value());
                    }
                }
            } else if (op.outcome() == Outcome.UNKNOWN) {
                unknown++;
                if (there) {
                    unknownKept++;
                }
            } else {
                failed++;
                if (there) {
                    failedButPresent++;
                }
            }
        }
        return new Figures(acked, lost, unknown, unknownKept, failed, failedButPresent, List.copyOf(lostSample));
    }

    /**
     * @param promisedNoLoss true where Redis promises no acknowledged write is lost (no faults at all;
     *                       {@code appendfsync always} across kill -9 and restart)
     */
    public static CheckResult check(Figures figures, boolean promisedNoLoss) {
        String detail = figures.lost() + " of " + figures.acked() + " acknowledged writes lost ("
                + String.format(java.util.Locale.ROOT, "%.2f%%", 100 * figures.lossRatio()) + "), "
                + figures.unknownKept() + " of " + figures.unknown() + " unknown writes kept, "
                + figures.failedButPresent() + " refused writes present"
                + (figures.lostSample().isEmpty() ? "" : "; lost e.g. " + figures.lostSample());
        boolean passed = figures.failedButPresent() == 0 && (!promisedNoLoss || figures.lost() == 0);
        return new CheckResult(promisedNoLoss ? "no acknowledged write lost" : "acknowledged write loss measured",
                passed, detail);
    }

    /**
     * For the counter workload: the final value must lie between the acknowledged increments
     * and the acknowledged plus unknown ones; increments short of the acknowledged count were lost.
     */
    public static Figures measureCounter(List<Operation> history, String key, long finalValue) {
        long acked = history.stream().filter(o -> o.op().equals("incr") && key.equals(o.key()) && o.ok()).count();
        long unknown = history.stream()
                .filter(o -> o.op().equals("incr") && key.equals(o.key()) && o.outcome() == Outcome.UNKNOWN).count();
        long failed = history.stream()
                .filter(o -> o.op().equals("incr") && key.equals(o.key()) && o.outcome() == Outcome.FAIL).count();
        long lost = Math.max(0, acked - finalValue);
        long unknownKept = Math.max(0, Math.min(unknown, finalValue - acked));
        long excess = Math.max(0, finalValue - acked - unknown);
        return new Figures(acked, lost, unknown, unknownKept, failed, excess, List.of());
    }
}
