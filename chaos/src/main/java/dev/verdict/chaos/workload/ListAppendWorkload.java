package dev.verdict.chaos.workload;

import dev.verdict.chaos.history.Operation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** RPUSH of unique elements with LRANGE in the same MULTI: each append also reads the list it extended. */
public final class ListAppendWorkload implements Workload {

    private final List<String> keys;

    public ListAppendWorkload(List<String> keys) {
        this.keys = List.copyOf(keys);
    }

    @Override
    public String name() {
        return "list-append";
    }

    @Override
    public Operation step(int client, long seq, KvClient kv) {
        String key = keys.get((int) ((seq + client) % keys.size()));
        String element = client + "-" + seq;
        return Workload.record(client, "append", key, element, kv,
                () -> String.join(" ", kv.appendAndRead(key, element)));
    }

    @Override
    public Map<String, List<String>> readFinal(KvClient kv) {
        Map<String, List<String>> state = new LinkedHashMap<>();
        for (String key : keys) {
            state.put(key, kv.lrange(key));
        }
        return state;
    }
}
