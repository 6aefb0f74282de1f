package dev.verdict.server.type.stream;

import java.util.NavigableMap;
import java.util.TreeMap;

/** A consumer of a group: its name, when it was last seen, and its own pending entries. */
public final class Consumer {

    private final byte[] name;
    long seenTime;
    final NavigableMap<StreamId, PendingEntry> pel = new TreeMap<>();

    Consumer(byte[] name, long seenTime) {
        this.name = name;
        this.seenTime = seenTime;
    }

    public byte[] name() {
        return name;
    }

    public long seenTime() {
        return seenTime;
    }

    public NavigableMap<StreamId, PendingEntry> pending() {
        return pel;
    }
}
