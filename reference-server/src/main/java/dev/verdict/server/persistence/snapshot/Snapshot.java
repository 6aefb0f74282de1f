package dev.verdict.server.persistence.snapshot;

import dev.verdict.server.db.AccessClock;
import dev.verdict.server.db.Database;
import dev.verdict.server.db.EvictionPolicy;
import dev.verdict.server.db.Keyspace;
import dev.verdict.server.db.RedisObject;
import dev.verdict.server.db.SnapshotGuard;

import java.util.ArrayList;
import java.util.List;

/**
 * The dataset at one instant, Java's stand-in for fork: {@link #capture} runs on the event loop
 * and copies only references (key, value, TTL, access clock) of every key; values stay frozen
 * because in-place writers copy a held value first ({@link SnapshotGuard}). Another thread may
 * then serialize the snapshot while the loop goes on; {@link #release} ends the protection.
 */
public final class Snapshot {

    /** One database's entries, in dictionary order. */
    public static final class Db {
        public final int id;
        public final int size;
        public final int expiresSize;
        public final byte[][] keys;
        public final RedisObject[] values;
        /** Absolute expiry in Unix ms, -1 for none. */
        public final long[] expires;
        /** Idle seconds (LRU policies) or LFU counter (LFU policies) at capture, or -1. */
        public final int[] clocks;

        Db(int id, int size, int expiresSize) {
            this.id = id;
            this.size = size;
            this.expiresSize = expiresSize;
            keys = new byte[size][];
            values = new RedisObject[size];
            expires = new long[size];
            clocks = new int[size];
        }
    }

    /** What access information the file records, by maxmemory-policy (rdbSaveKeyValuePair). */
    public enum Clock { NONE, IDLE, FREQ }

    private final List<Db> dbs;
    private final Clock clock;
    private final SnapshotGuard guard;
    private final long capturedAtMillis;
    private final long captureNanos;
    private boolean released;

    private Snapshot(List<Db> dbs, Clock clock, SnapshotGuard guard, long capturedAtMillis, long captureNanos) {
        this.dbs = dbs;
        this.clock = clock;
        this.guard = guard;
        this.capturedAtMillis = capturedAtMillis;
        this.captureNanos = captureNanos;
    }

    /**
     * Captures every database on the calling (event-loop) thread. With {@code protect}, the values
     * are held copy-on-write until {@link #release}; a synchronous save on the loop does not need it.
     */
    public static Snapshot capture(Keyspace keyspace, long nowMillis, boolean protect) {
        long start = System.nanoTime();
        SnapshotGuard guard = keyspace.snapshots();
        int epoch = protect ? guard.begin() : 0;
        EvictionPolicy policy = keyspace.policy();
        Clock clock = policy.rank() == EvictionPolicy.Rank.LRU ? Clock.IDLE
                : policy.rank() == EvictionPolicy.Rank.LFU ? Clock.FREQ : Clock.NONE;
        AccessClock access = keyspace.accessClock();
        List<Db> dbs = new ArrayList<>();
        for (int i = 0; i < keyspace.count(); i++) {
            Database database = keyspace.db(i);
            if (database.size() == 0) continue;
            Db db = new Db(i, database.size(), database.expiresSize());
            int[] n = {0};
            database.forEachEntryWithExpire((key, value, expireAt) -> {
                int j = n[0]++;
                db.keys[j] = key;
                db.values[j] = value;
                db.expires[j] = expireAt;
                db.clocks[j] = switch (clock) {
                    case IDLE -> (int) (access.idleMillis(value) / 1000);
                    case FREQ -> access.frequency(value);
                    case NONE -> -1;
                };
            });
            dbs.add(db);
        }
        return new Snapshot(dbs, clock, protect ? guard : null, nowMillis, System.nanoTime() - start);
    }

    public List<Db> dbs() {
        return dbs;
    }

    public Clock clock() {
        return clock;
    }

    public long capturedAtMillis() {
        return capturedAtMillis;
    }

    /** How long the capture held the event loop (our equivalent of Redis's fork time). */
    public long captureNanos() {
        return captureNanos;
    }

    public long keyCount() {
        long n = 0;
        for (Db db : dbs) n += db.size;
        return n;
    }

    /** Ends copy-on-write protection; call it on the event loop once serializing is done. */
    public void release() {
        if (released) return;
        released = true;
        if (guard != null) guard.end();
    }
}
