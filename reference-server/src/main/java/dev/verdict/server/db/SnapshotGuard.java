package dev.verdict.server.db;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Copy-on-write for point-in-time snapshots (BGSAVE, AOF rewrite) without fork: every value
 * records the epoch current at its birth; while a snapshot runs, a value born before it began is
 * one it may reference, and every in-place writer obtains its value through the keyspace's
 * lookups ({@link Database#unshare}), which swap such a value for a deep copy (born later) first.
 * So the snapshot's references are never mutated, the thread serializing them reads frozen data,
 * and the capture on the event loop writes nothing into the values. One snapshot runs at a time
 * per keyspace, as Redis runs one child at a time.
 */
public final class SnapshotGuard {

    /** Epochs grow across every server in the JVM, so tests running several never collide. */
    private static final AtomicInteger EPOCHS = new AtomicInteger();

    static int currentEpoch() {
        return EPOCHS.get();
    }

    private int running;

    /** Starts a snapshot; returns its epoch, to {@link #hold} each captured value with. */
    public int begin() {
        if (running != 0) throw new IllegalStateException("a snapshot is already running");
        // values born from now on carry this epoch or a later one: not held
        int epoch = EPOCHS.incrementAndGet();
        running = epoch;
        return epoch;
    }

    /** Ends the running snapshot: its values may be changed in place again. */
    public void end() {
        running = 0;
    }

    public boolean active() {
        return running != 0;
    }

    /** True when a running snapshot still references {@code value}. */
    public boolean holds(RedisObject value) {
        return running != 0 && value.bornEpoch < running;
    }
}
