package dev.verdict.chaos.workload;

import dev.verdict.chaos.history.Operation;
import dev.verdict.chaos.history.Outcome;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SADD of unique elements spread over a few keys, read whole at the end: acknowledged elements
 * missing then are lost writes. With {@code waitReplicas > 0} an add counts as acknowledged only
 * when WAIT confirms that many replicas; short of that it was applied on the master but its
 * durability is unknown.
 */
public final class SetWorkload implements Workload {

    private final List<String> keys;
    private final int waitReplicas;
    private final long waitTimeoutMs;

    public SetWorkload(List<String> keys, int waitReplicas, long waitTimeoutMs) {
        this.keys = List.copyOf(keys);
        this.waitReplicas = waitReplicas;
        this.waitTimeoutMs = waitTimeoutMs;
    }

    public SetWorkload(List<String> keys) {
        this(keys, 0, 0);
    }

    public List<String> keys() {
        return keys;
    }

    @Override
    public String name() {
        return waitReplicas > 0 ? "set-wait-" + waitReplicas : "set";
    }

    @Override
    public Operation step(int client, long seq, KvClient kv) {
        String key = keys.get((int) ((seq + client) % keys.size()));
        String element = client + "-" + seq;
        Operation op = Workload.record(client, "add", key, element, kv,
                () -> Long.toString(kv.sadd(key, element, waitReplicas, waitTimeoutMs)));
        if (waitReplicas > 0 && op.ok() && Long.parseLong(op.result()) < waitReplicas) {
            return new Operation(op.client(), op.op(), op.key(), op.value(), op.invokeMs(), op.completeMs(),
                    Outcome.UNKNOWN, op.result(), op.node());
        }
        return op;
    }

    @Override
    public Map<String, List<String>> readFinal(KvClient kv) {
        Map<String, List<String>> state = new LinkedHashMap<>();
        for (String key : keys) {
            state.put(key, new ArrayList<>(kv.smembers(key)));
        }
        return state;
    }
}
