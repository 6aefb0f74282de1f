package dev.verdict.chaos.workload;

import dev.verdict.chaos.history.Operation;

import java.util.List;
import java.util.Map;

/** What clients do (one operation per call, recorded) and how the final state is read afterwards. */
public interface Workload {

    String name();

    /** Performs the {@code seq}-th operation of {@code client} and returns its record. */
    Operation step(int client, long seq, KvClient kv);

    /** The final state of every key the workload touched: key to its elements (a counter: its value alone). */
    Map<String, List<String>> readFinal(KvClient kv);

    /** Runs one call and records it, classifying a thrown error as fail or unknown. */
    static Operation record(int client, String op, String key, String value, KvClient kv, java.util.function.Supplier<String> call) {
        long invoked = System.currentTimeMillis();
        try {
            String result = call.get();
            return Operation.ok(client, op, key, value, invoked, System.currentTimeMillis(), result).servedBy(kv.lastNode());
        } catch (RuntimeException e) {
            long completed = System.currentTimeMillis();
            // The error goes into the result, so a history explains its own failures.
            return new Operation(client, op, key, value, invoked, completed, Outcomes.of(e),
                    e.getClass().getSimpleName() + ": " + e.getMessage(), kv.lastNode());
        }
    }
}
