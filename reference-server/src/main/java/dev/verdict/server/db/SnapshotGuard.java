package dev.verdict.server.db;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Copy-on-write for point-in-time snapshots (BGSAVE, AOF rewrite) without fork: while a snapshot
 * runs, the values it captured carry its epoch, and every in-place writer obtains its value
 * through {@link Database#unshare}, which swaps a held value for a deep copy first. So the
 * snapshot's references are never mutated, and the thread serializing them reads frozen data.
 * One snapshot runs at a time per keyspace, as Redis runs one child at a time.
 */
public final class SnapshotGuard {

    /** Epochs are unique across every server in the JVM, so tests running several never collide. */
    private static final AtomicInteger EPOCHS = new AtomicInteger();

    private int running;

    /** Starts a snapshot; returns its epoch, to {@link #hold} each captured value with. */
    public int begin() {
        if (running != 0) throw new IllegalStateException("a snapshot is already running");
        int epoch = EPOCHS.incrementAndGet();
        if (epoch == 0) epoch = EPOCHS.incrementAndGet();
        running = epoch;
        return epoch;
    }

    public void hold(RedisObject value, int epoch) {
        value.snapshotEpoch = epoch;
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
        return running != 0 && value.snapshotEpoch == running;
    }
}
