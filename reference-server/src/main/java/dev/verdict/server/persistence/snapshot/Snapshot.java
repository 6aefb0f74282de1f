package dev.verdict.server.persistence.snapshot;

import dev.verdict.server.db.AccessClock;
import dev.verdict.server.db.Database;
import dev.verdict.server.db.EvictionPolicy;
import dev.verdict.server.db.Keyspace;
import dev.verdict.server.db.RedisObject;
import dev.verdict.server.db.SnapshotGuard;
import dev.verdict.server.db.SnapshotSink;
import dev.verdict.server.db.SnapshotWalk;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * The dataset at one instant, Java's stand-in for fork. {@link #capture} copies the references
 * (key, value, TTL, access clock) of every key at once, for a save on the event loop itself.
 * {@link #begin} instead starts a point-in-time capture that costs the loop almost nothing: a
 * {@link SnapshotWalk} gathers the references in {@link #captureSlice slices} between batches of
 * commands, while the keyspace's copy-on-write hands over every key about to change first and
 * keeps captured values frozen ({@link SnapshotGuard}). Once {@link #captured()}, another thread
 * may serialize the snapshot while the loop goes on; {@link #release} ends the protection.
 */
public final class Snapshot implements SnapshotSink {

    /** One database's entries, in the order they were captured. */
    public static final class Db {
        private static final int CHUNK_BITS = 12;
        private static final int CHUNK = 1 << CHUNK_BITS;

        public final int id;
        /** Its key count when the snapshot began: exactly how many entries it holds once captured. */
        public final int size;
        public final int expiresSize;
        // Chunks, allocated as they fill, so that beginning a snapshot allocates nothing in proportion to the keys.
        private final byte[][][] keys;
        private final RedisObject[][] values;
        private final long[][] expires;
        private final int[][] clocks;
        private int filled;

        Db(int id, int size, int expiresSize) {
            this.id = id;
            this.size = size;
            this.expiresSize = expiresSize;
            int chunks = (size + CHUNK - 1) >>> CHUNK_BITS;
            keys = new byte[chunks][][];
            values = new RedisObject[chunks][];
            expires = new long[chunks][];
            clocks = new int[chunks][];
        }

        void add(byte[] key, RedisObject value, long expireAt, int clock) {
            int i = filled;
            if (i == size) throw new IllegalStateException("snapshot of DB " + id + " received more than its " + size + " keys");
            int c = i >>> CHUNK_BITS, j = i & (CHUNK - 1);
            if (j == 0) {
                int n = Math.min(CHUNK, size - i);
                keys[c] = new byte[n][];
                values[c] = new RedisObject[n];
                expires[c] = new long[n];
                clocks[c] = new int[n];
            }
            keys[c][j] = key;
            values[c][j] = value;
            expires[c][j] = expireAt;
            clocks[c][j] = clock;
            filled = i + 1;
        }

        boolean complete() {
            return filled == size;
        }

        public byte[] key(int i) {
            return keys[i >>> CHUNK_BITS][i & (CHUNK - 1)];
        }

        public RedisObject value(int i) {
            return values[i >>> CHUNK_BITS][i & (CHUNK - 1)];
        }

        /** Absolute expiry in Unix ms, -1 for none. */
        public long expireAt(int i) {
            return expires[i >>> CHUNK_BITS][i & (CHUNK - 1)];
        }

        /** Idle seconds (LRU policies) or LFU counter (LFU policies) at capture, or -1. */
        public int clock(int i) {
            return clocks[i >>> CHUNK_BITS][i & (CHUNK - 1)];
        }
    }

    /** What access information the file records, by maxmemory-policy (rdbSaveKeyValuePair). */
    public enum Clock { NONE, IDLE, FREQ }

    private final List<Db> dbs = new ArrayList<>();
    private final Db[] byId;
    private final Clock clock;
    private final AccessClock access;
    private final SnapshotGuard guard;
    private final long capturedAtMillis;
    /** The walk still gathering keys, or null once every key is captured. */
    private SnapshotWalk walk;
    private long beginNanos;
    private long longestSliceNanos;
    private long longestSliceCpuNanos;
    private long walkNanos;
    private int slices;
    private boolean released;

    private Snapshot(Keyspace keyspace, long capturedAtMillis, SnapshotGuard guard) {
        EvictionPolicy policy = keyspace.policy();
        this.clock = policy.rank() == EvictionPolicy.Rank.LRU ? Clock.IDLE
                : policy.rank() == EvictionPolicy.Rank.LFU ? Clock.FREQ : Clock.NONE;
        this.access = keyspace.accessClock();
        this.byId = new Db[keyspace.count()];
        this.guard = guard;
        this.capturedAtMillis = capturedAtMillis;
    }

    /** Captures every database at once on the calling (event-loop) thread, for a save that runs there too. */
    public static Snapshot capture(Keyspace keyspace, long nowMillis) {
        long start = System.nanoTime();
        Snapshot snapshot = new Snapshot(keyspace, nowMillis, null);
        for (int i = 0; i < keyspace.count(); i++) {
            Database database = keyspace.db(i);
            if (database.size() == 0) continue;
            int id = i;
            snapshot.addDb(id, database.size(), database.expiresSize());
            database.forEachEntryWithExpire((key, value, expireAt) -> snapshot.accept(id, key, value, expireAt));
        }
        snapshot.beginNanos = System.nanoTime() - start;
        return snapshot;
    }

    /**
     * Starts a point-in-time capture on the event loop, in time independent of the number of
     * keys; {@link #captureSlice} then gathers them, and the snapshot is protected from every
     * change made meanwhile until {@link #release}.
     */
    public static Snapshot begin(Keyspace keyspace, long nowMillis) {
        long start = System.nanoTime();
        Snapshot snapshot = new Snapshot(keyspace, nowMillis, keyspace.snapshots());
        SnapshotWalk walk = SnapshotWalk.begin(keyspace, snapshot);
        for (int i = 0; i < walk.databases(); i++) snapshot.addDb(walk.id(i), walk.size(i), walk.expiresSize(i));
        snapshot.walk = walk.done() ? null : walk;
        snapshot.beginNanos = System.nanoTime() - start;
        return snapshot;
    }

    private void addDb(int id, int size, int expiresSize) {
        Db db = new Db(id, size, expiresSize);
        byId[id] = db;
        dbs.add(db);
    }

    /** A key as it was when the snapshot began (from the walk, or from a writer about to change it). */
    @Override
    public void accept(int db, byte[] key, RedisObject value, long expireAt) {
        int clockValue = switch (clock) {
            case IDLE -> (int) (access.idleMillis(value) / 1000);
            case FREQ -> access.frequency(value);
            case NONE -> -1;
        };
        byId[db].add(key, value, expireAt, clockValue);
    }

    /** True once every key is captured: the snapshot may be serialized. */
    public boolean captured() {
        return walk == null;
    }

    /**
     * Gathers keys on the event loop for about {@code budgetNanos}; true once every key is
     * captured (it then checks that each database received exactly its keys at the start).
     */
    public boolean captureSlice(long budgetNanos) {
        if (walk == null) return true;
        long cpu = cpuNanos();
        long start = System.nanoTime();
        boolean done = walk.walkFor(budgetNanos);
        recordSlice(System.nanoTime() - start);
        longestSliceCpuNanos = Math.max(longestSliceCpuNanos, cpuNanos() - cpu);
        return done && finishWalk();
    }

    /** Gathers at most {@code buckets} dictionary buckets (tests interleave writes with it); true once captured. */
    public boolean captureBuckets(int buckets) {
        if (walk == null) return true;
        return walk.walkBuckets(buckets) && finishWalk();
    }

    /** Gathers every remaining key at once (SHUTDOWN, or someone waiting for the save). */
    public void captureRest() {
        if (walk == null) return;
        long start = System.nanoTime();
        walk.walkAll();
        recordSlice(System.nanoTime() - start);
        finishWalk();
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /**
     * The loop thread's CPU time, to tell the walk's own cost from the time a slice was stretched
     * by a GC pause or by the OS running something else (0 where unsupported).
     */
    private static long cpuNanos() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : 0;
    }

    private void recordSlice(long nanos) {
        slices++;
        walkNanos += nanos;
        longestSliceNanos = Math.max(longestSliceNanos, nanos);
    }

    private boolean finishWalk() {
        walk = null;
        for (Db db : dbs) {
            if (!db.complete()) {
                throw new IllegalStateException("snapshot of DB " + db.id + " captured " + db.filled + " of its "
                        + db.size + " keys");
            }
        }
        return true;
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

    /**
     * The longest the capture held the event loop at once, its start or any slice: our
     * equivalent of Redis's fork time (INFO's latest_fork_usec).
     */
    public long longestHoldNanos() {
        return Math.max(beginNanos, longestSliceNanos);
    }

    /** The most CPU time a slice used: the walk's own cost, without GC pauses and preemption. */
    public long longestSliceCpuNanos() {
        return longestSliceCpuNanos;
    }

    /** The start's own hold of the loop. */
    public long beginNanos() {
        return beginNanos;
    }

    /** The event loop's time spent walking, all slices together. */
    public long walkNanos() {
        return walkNanos;
    }

    public int slices() {
        return slices;
    }

    public long keyCount() {
        long n = 0;
        for (Db db : dbs) n += db.size;
        return n;
    }

    /** Ends copy-on-write protection; call it on the event loop once serializing is done (or abandoned). */
    public void release() {
        if (released) return;
        released = true;
        walk = null;
        if (guard != null) guard.end();
    }
}
