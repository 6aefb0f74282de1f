package dev.verdict.server.type.stream;

import java.util.Arrays;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A consumer group (streamCG): last delivered ID, the logical read counter (-1 when unknown),
 * the group's pending entries list, and its consumers in name order as Redis's rax keeps them.
 */
public final class ConsumerGroup {

    /** SCG_INVALID_ENTRIES_READ. */
    public static final long INVALID_ENTRIES_READ = -1;

    private final byte[] name;
    StreamId lastId;
    long entriesRead;
    final NavigableMap<StreamId, PendingEntry> pel = new TreeMap<>();
    final NavigableMap<byte[], Consumer> consumers = new TreeMap<>(Arrays::compareUnsigned);

    ConsumerGroup(byte[] name, StreamId lastId, long entriesRead) {
        this.name = name;
        this.lastId = lastId;
        this.entriesRead = entriesRead;
    }

    /** A deep copy: consumers and pending entries are new objects wired to each other. */
    ConsumerGroup copy() {
        ConsumerGroup g = new ConsumerGroup(name, lastId, entriesRead);
        java.util.Map<Consumer, Consumer> consumerCopies = new java.util.IdentityHashMap<>();
        for (Consumer c : consumers.values()) {
            Consumer cc = new Consumer(c.name(), c.seenTime);
            consumerCopies.put(c, cc);
            g.consumers.put(c.name(), cc);
        }
        for (java.util.Map.Entry<StreamId, PendingEntry> e : pel.entrySet()) {
            PendingEntry nack = e.getValue();
            Consumer owner = nack.consumer == null ? null : consumerCopies.get(nack.consumer);
            PendingEntry copy = new PendingEntry(owner, nack.deliveryTime);
            copy.deliveryCount = nack.deliveryCount;
            g.pel.put(e.getKey(), copy);
            if (owner != null) owner.pel.put(e.getKey(), copy);
        }
        return g;
    }

    public byte[] name() {
        return name;
    }

    public StreamId lastId() {
        return lastId;
    }

    public long entriesRead() {
        return entriesRead;
    }

    public void setLastId(StreamId id, long entriesRead) {
        this.lastId = id;
        this.entriesRead = entriesRead;
    }

    public NavigableMap<StreamId, PendingEntry> pending() {
        return pel;
    }

    public NavigableMap<byte[], Consumer> consumers() {
        return consumers;
    }

    public Consumer consumer(byte[] name) {
        return consumers.get(name);
    }

    /** Creates the consumer; null when it exists already. */
    public Consumer createConsumer(byte[] consumerName, long now) {
        if (consumers.containsKey(consumerName)) return null;
        Consumer c = new Consumer(consumerName, now);
        consumers.put(consumerName, c);
        return c;
    }

    /** Deletes the consumer and its pending entries; returns how many it had pending. */
    public long deleteConsumer(byte[] consumerName) {
        Consumer c = consumers.remove(consumerName);
        if (c == null) return 0;
        for (StreamId id : c.pel.keySet()) pel.remove(id);
        return c.pel.size();
    }

    /** Removes a pending entry from the group and its consumer; true when it was pending. */
    public boolean acknowledge(StreamId id) {
        PendingEntry nack = pel.remove(id);
        if (nack == null) return false;
        if (nack.consumer != null) nack.consumer.pel.remove(id);
        return true;
    }

    /**
     * Records a delivery of {@code id} to {@code consumer} (streamReplyWithRange with a group):
     * a new pending entry, or one taken over from another consumer with its count reset.
     */
    void deliver(StreamId id, Consumer consumer, long now) {
        PendingEntry nack = pel.get(id);
        if (nack == null) {
            nack = new PendingEntry(consumer, now);
            pel.put(id, nack);
            consumer.pel.put(id, nack);
            return;
        }
        if (nack.consumer != null) nack.consumer.pel.remove(id);
        nack.consumer = consumer;
        nack.deliveryTime = now;
        nack.deliveryCount = 1;
        consumer.pel.put(id, nack);
    }

    /** Moves a pending entry to {@code consumer} (XCLAIM/XAUTOCLAIM). */
    void claim(StreamId id, PendingEntry nack, Consumer consumer) {
        if (nack.consumer != consumer) {
            if (nack.consumer != null) nack.consumer.pel.remove(id);
            consumer.pel.put(id, nack);
            nack.consumer = consumer;
        }
    }

    PendingEntry forceCreate(StreamId id, long now) {
        PendingEntry nack = new PendingEntry(null, now);
        pel.put(id, nack);
        return nack;
    }
}
