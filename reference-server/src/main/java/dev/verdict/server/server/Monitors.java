package dev.verdict.server.server;

import dev.verdict.server.client.Client;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/** Clients in MONITOR mode and the line each executed command sends them (replicationFeedMonitors). */
public final class Monitors {

    private final Set<Client> monitors = new LinkedHashSet<>();

    public void add(Client client) {
        monitors.add(client);
    }

    public void remove(Client client) {
        monitors.remove(client);
    }

    public boolean isEmpty() {
        return monitors.isEmpty();
    }

    public int size() {
        return monitors.size();
    }

    public void feed(Client source, byte[][] argv) {
        if (monitors.isEmpty()) return;
        long micros = System.currentTimeMillis() * 1000 + (System.nanoTime() / 1000) % 1000;
        StringBuilder line = new StringBuilder();
        line.append(micros / 1_000_000).append('.').append(String.format("%06d", micros % 1_000_000));
        line.append(" [").append(source.db().id()).append(' ').append(ClientInfo.address(source)).append(']');
        for (byte[] arg : argv) line.append(' ').append(Repr.quote(arg));
        String text = line.toString();
        for (Client monitor : monitors) {
            if (monitor.repliesOff()) continue;
            monitor.reply().status(text);
            monitor.server().markPendingWrite(monitor);
        }
    }

    /** Redis's sdscatrepr: a double-quoted string with C escapes. */
    public static final class Repr {
        private Repr() {
        }

        public static String quote(byte[] s) {
            StringBuilder b = new StringBuilder(s.length + 2).append('"');
            for (byte x : s) {
                int c = x & 0xff;
                switch (c) {
                    case '\\' -> b.append("\\\\");
                    case '"' -> b.append("\\\"");
                    case '\n' -> b.append("\\n");
                    case '\r' -> b.append("\\r");
                    case '\t' -> b.append("\\t");
                    case 7 -> b.append("\\a");
                    case '\b' -> b.append("\\b");
                    default -> {
                        if (c >= 32 && c < 127) b.append((char) c);
                        else b.append(String.format("\\x%02x", c));
                    }
                }
            }
            return b.append('"').toString();
        }

        public static String quote(String s) {
            return quote(s.getBytes(StandardCharsets.UTF_8));
        }
    }
}
