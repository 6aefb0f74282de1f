package dev.verdict.server.server;

import dev.verdict.server.client.Client;

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
        for (byte[] arg : argv) line.append(' ').append(dev.verdict.server.util.Repr.quote(arg));
        String text = line.toString();
        for (Client monitor : monitors) {
            if (monitor.repliesOff()) continue;
            monitor.reply().status(text);
            monitor.server().markPendingWrite(monitor);
        }
    }
}
