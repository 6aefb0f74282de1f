package dev.verdict.server.db;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Copy-on-write for point-in-time snapshots (BGSAVE, AOF rewrite) without fork, at two levels.
 *
 * <p>Keys: while a snapshot's {@link SnapshotWalk} has not yet visited every key, each dictionary
 * entry about to change (overwrite, delete, expiry, eviction, TTL change, value copy) is first
 * handed to the snapshot as it is ({@link #capture}), and stamped so the walk skips it. An entry
 * born after the snapshot began carries a later epoch and is never captured.
 *
 * <p>Values: every value records the epoch current at its birth; while a snapshot runs, a value
 * born before it began is one it may reference, and every in-place writer obtains its value
 * through the keyspace's lookups ({@link Database#unshare}), which swap such a value for a deep
 * copy (born later) first. So the snapshot's references are never mutated and the thread
 * serializing them reads frozen data. One snapshot runs at a time per keyspace, as Redis runs
 * one child at a time.
 */
public final class SnapshotGuard {

    /** Epochs grow across every server in the JVM, so tests running several never collide. */
    private static final AtomicInteger EPOCHS = new AtomicInteger();

    static int currentEpoch() {
        return EPOCHS.get();
    }

    private int running;
    /** Where entries go before they change; null once the walk has captured every key. */
    private SnapshotSink sink;

    /** Starts a snapshot; returns its epoch. */
    public int begin() {
        if (running != 0) throw new IllegalStateException("a snapshot is already running");
        // values and entries born from now on carry this epoch or a later one: not held
        int epoch = EPOCHS.incrementAndGet();
        running = epoch;
        return epoch;
    }

    /** From now until {@link #keysCaptured}, entries not yet captured go to {@code sink} before they change. */
    void capturing(SnapshotSink sink) {
        this.sink = sink;
    }

    /** Every key is captured: writers no longer hand anything over (values stay held until {@link #end}). */
    void keysCaptured() {
        sink = null;
    }

    /** Ends the running snapshot: its values may be changed in place again. */
    public void end() {
        running = 0;
        sink = null;
    }

    public boolean active() {
        return running != 0;
    }

    /** True while the running snapshot's walk is incomplete. */
    boolean capturingKeys() {
        return sink != null;
    }

    /** True when a running snapshot still references {@code value}. */
    public boolean holds(RedisObject value) {
        return running != 0 && value.bornEpoch < running;
    }

    /** True when {@code e} existed when the running snapshot began and has not been captured yet. */
    boolean uncaptured(Database.KeyEntry e) {
        return sink != null && e.epoch < running;
    }

    /** Hands {@code e} as it is now to the snapshot, once: the walk and later changes skip it. */
    void capture(int db, Database.KeyEntry e, long expireAt) {
        e.epoch = running;
        sink.accept(db, e.key, e.value, expireAt);
    }
}
