package dev.verdict.chaos.workload;

import dev.verdict.chaos.history.Operation;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** SET and GET of unique values on a few keys: the history the linearizability checker reads. */
public final class RegisterWorkload implements Workload {

    private final List<String> keys;

    public RegisterWorkload(List<String> keys) {
        this.keys = List.copyOf(keys);
    }

    @Override
    public String name() {
        return "register";
    }

    @Override
    public Operation step(int client, long seq, KvClient kv) {
        String key = keys.get(ThreadLocalRandom.current().nextInt(keys.size()));
        if (ThreadLocalRandom.current().nextBoolean()) {
            String value = client + "-" + seq;
            return Workload.record(client, "write", key, value, kv, () -> {
                kv.set(key, value);
                return null;
            });
        }
        return Workload.record(client, "read", key, null, kv, () -> kv.get(key));
    }

    @Override
    public Map<String, List<String>> readFinal(KvClient kv) {
        Map<String, List<String>> state = new java.util.LinkedHashMap<>();
        for (String key : keys) {
            String v = kv.get(key);
            state.put(key, v == null ? List.of() : List.of(v));
        }
        return state;
    }
}
