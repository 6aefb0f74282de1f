package dev.verdict.chaos.topology;

import redis.clients.jedis.Jedis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** CLUSTER NODES as records: {@code id ip:port@cport flags master ping pong epoch link slot...}. */
public final class ClusterNodes {

    public record Entry(String id, String address, List<String> flags, String masterId, List<int[]> slots) {

        public boolean master() {
            return flags.contains("master");
        }

        public boolean failed() {
            return flags.contains("fail") || flags.contains("fail?");
        }

        public boolean owns(int slot) {
            return slots.stream().anyMatch(r -> r[0] <= slot && slot <= r[1]);
        }
    }

    private ClusterNodes() {
    }

    public static List<Entry> of(RedisNode node) {
        try (Jedis j = node.connect()) {
            return parse(j.clusterNodes());
        }
    }

    public static String myId(RedisNode node) {
        try (Jedis j = node.connect()) {
            return j.clusterMyId();
        }
    }

    public static List<Entry> parse(String text) {
        List<Entry> entries = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.trim().split(" ");
            String address = f[1].substring(0, f[1].indexOf('@'));
            List<int[]> slots = new ArrayList<>();
            for (int i = 8; i < f.length; i++) {
                if (f[i].startsWith("[")) {
                    continue; // a slot being migrated or imported
                }
                String[] range = f[i].split("-");
                int from = Integer.parseInt(range[0]);
                slots.add(new int[] {from, range.length > 1 ? Integer.parseInt(range[1]) : from});
            }
            entries.add(new Entry(f[0], address, Arrays.asList(f[2].split(",")), "-".equals(f[3]) ? null : f[3], slots));
        }
        return entries;
    }
}
