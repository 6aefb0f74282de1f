package dev.verdict.server.server;

import dev.verdict.server.client.Client;
import dev.verdict.server.config.MemoryUnits;

/**
 * {@code client-output-buffer-limit}: per class (normal, replica, pubsub) a hard limit in bytes
 * and a soft limit that may be exceeded for at most some seconds (Redis's checkClientOutputBufferLimits).
 */
public final class OutputBufferLimits {

    public enum ClientClass { NORMAL, REPLICA, PUBSUB }

    private final long[] hard = new long[3];
    private final long[] soft = new long[3];
    private final long[] softSeconds = new long[3];

    /** Applies a value such as {@code normal 0 0 0 slave 256mb 64mb 60 pubsub 32mb 8mb 60}; false if malformed. */
    public boolean configure(String value) {
        String[] parts = value.trim().split("\\s+");
        if (parts.length % 4 != 0) return false;
        long[] h = hard.clone();
        long[] s = soft.clone();
        long[] t = softSeconds.clone();
        for (int i = 0; i < parts.length; i += 4) {
            int c = classIndex(parts[i]);
            if (c < 0) return false;
            try {
                h[c] = MemoryUnits.parse(parts[i + 1]);
                s[c] = MemoryUnits.parse(parts[i + 2]);
                t[c] = Long.parseLong(parts[i + 3]);
            } catch (RuntimeException e) {
                return false;
            }
            if (h[c] < 0 || s[c] < 0 || t[c] < 0) return false;
        }
        System.arraycopy(h, 0, hard, 0, 3);
        System.arraycopy(s, 0, soft, 0, 3);
        System.arraycopy(t, 0, softSeconds, 0, 3);
        return true;
    }

    /** The canonical form CONFIG GET shows (bytes, Redis's order). */
    public String format() {
        StringBuilder b = new StringBuilder();
        String[] names = {"normal", "slave", "pubsub"};
        for (int c = 0; c < 3; c++) {
            if (c > 0) b.append(' ');
            b.append(names[c]).append(' ').append(hard[c]).append(' ').append(soft[c]).append(' ').append(softSeconds[c]);
        }
        return b.toString();
    }

    public static ClientClass classOf(Client client) {
        if (client.isReplica() && !client.monitor()) return ClientClass.REPLICA;
        return client.subscriptions().active() ? ClientClass.PUBSUB : ClientClass.NORMAL;
    }

    /** True when the client must be disconnected; tracks when the soft limit was first passed. */
    public boolean exceeded(Client client, long nowMillis) {
        int c = classOf(client).ordinal();
        if (hard[c] == 0 && soft[c] == 0) return false;
        long used = client.outputBytes();
        if (hard[c] > 0 && used >= hard[c]) return true;
        if (soft[c] > 0 && used >= soft[c]) {
            if (client.outputSoftLimitSince() == 0) {
                client.outputSoftLimitSince(nowMillis);
                return false;
            }
            return nowMillis - client.outputSoftLimitSince() > softSeconds[c] * 1000;
        }
        client.outputSoftLimitSince(0);
        return false;
    }

    private static int classIndex(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "normal" -> 0;
            case "slave", "replica" -> 1;
            case "pubsub" -> 2;
            default -> -1;
        };
    }
}
