package dev.verdict.chaos.workload;

import dev.verdict.chaos.history.Operation;

import java.util.List;
import java.util.Map;

/** INCR of one key; the final value against the acknowledged increments. */
public final class CounterWorkload implements Workload {

    private final String key;

    public CounterWorkload(String key) {
        this.key = key;
    }

    @Override
    public String name() {
        return "counter";
    }

    @Override
    public Operation step(int client, long seq, KvClient kv) {
        return Workload.record(client, "incr", key, null, kv, () -> Long.toString(kv.incr(key)));
    }

    @Override
    public Map<String, List<String>> readFinal(KvClient kv) {
        String v = kv.get(key);
        return Map.of(key, List.of(v == null ? "0" : v));
    }
}
