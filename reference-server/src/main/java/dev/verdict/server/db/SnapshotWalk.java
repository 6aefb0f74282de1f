package dev.verdict.server.db;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The incremental half of a point-in-time snapshot, Java's stand-in for fork: {@link #begin} only
 * records, per non-empty database, its dictionaries and sizes (O(databases), nothing copied); the
 * walk then visits those dictionaries in short slices on the event loop, between batches of
 * commands, handing each entry not yet captured to the snapshot. Meanwhile {@link SnapshotGuard}'s
 * key-level copy-on-write hands over every entry about to change first, so each key present at
 * the start reaches the snapshot exactly once, as it was at the start:
 * <ul>
 * <li>The walk is dictScan's reverse-binary cursor, which returns every entry present for the
 * whole walk at least once however the tables grow, shrink or rehash in between; the capture
 * stamp makes "at least once" exactly once. An entry removed meanwhile was captured before its
 * removal; an entry added meanwhile is younger than the snapshot and skipped.</li>
 * <li>The walk follows dictionary objects, not database numbers: FLUSHDB and FLUSHALL detach the
 * dictionaries, which nothing changes afterwards, and SWAPDB moves them, with the number they
 * had at the start ({@link Database#capturedAs}).</li>
 * </ul>
 */
public final class SnapshotWalk {

    /** How many buckets are walked between two looks at the clock. */
    private static final int BUCKETS_PER_CLOCK_CHECK = 8;

    private final SnapshotGuard guard;
    private final int epoch;
    private final List<Part> parts;
    private int current;
    private long cursor;
    private final Consumer<Database.KeyEntry> visit = this::visit;

    /** One database as it was at the start. */
    private record Part(int id, Dict<Database.KeyEntry> dict, Dict<Database.ExpireEntry> expires, int size,
                        int expiresSize) {
    }

    private SnapshotWalk(SnapshotGuard guard, int epoch, List<Part> parts) {
        this.guard = guard;
        this.epoch = epoch;
        this.parts = parts;
    }

    /**
     * Starts a snapshot of {@code keyspace} whose keys go to {@code sink}; runs on the event loop
     * and costs a few field writes per database. Values stay protected until {@link SnapshotGuard#end}.
     */
    public static SnapshotWalk begin(Keyspace keyspace, SnapshotSink sink) {
        SnapshotGuard guard = keyspace.snapshots();
        int epoch = guard.begin();
        List<Part> parts = new ArrayList<>();
        for (Database db : keyspace.databases()) {
            db.capturedAs = db.size() == 0 ? -1 : db.id();
            if (db.size() > 0) parts.add(new Part(db.id(), db.dict(), db.expires(), db.size(), db.expiresSize()));
        }
        SnapshotWalk walk = new SnapshotWalk(guard, epoch, parts);
        if (parts.isEmpty()) return walk;
        guard.capturing(sink);
        return walk;
    }

    /** How many databases had keys at the start. */
    public int databases() {
        return parts.size();
    }

    /** The number of the {@code i}th non-empty database at the start. */
    public int id(int i) {
        return parts.get(i).id();
    }

    /** Its key count at the start: how many entries the snapshot receives for it. */
    public int size(int i) {
        return parts.get(i).size();
    }

    /** Its count of keys with a TTL at the start. */
    public int expiresSize(int i) {
        return parts.get(i).expiresSize();
    }

    public boolean done() {
        return current == parts.size();
    }

    /** Walks for about {@code budgetNanos}; true once every key is captured. */
    public boolean walkFor(long budgetNanos) {
        return walk(Integer.MAX_VALUE, System.nanoTime(), budgetNanos);
    }

    /** Walks at most {@code buckets} buckets (tests interleave writes this way); true once done. */
    public boolean walkBuckets(int buckets) {
        return walk(buckets, 0, Long.MAX_VALUE);
    }

    /** Walks to the end at once (SHUTDOWN, a waiting caller). */
    public void walkAll() {
        walk(Integer.MAX_VALUE, 0, Long.MAX_VALUE);
    }

    private boolean walk(int maxBuckets, long startNanos, long budgetNanos) {
        int buckets = 0;
        while (current < parts.size()) {
            Dict<Database.KeyEntry> dict = parts.get(current).dict();
            cursor = dict.scan(cursor, visit);
            if (cursor == 0) {
                current++;
                continue;
            }
            buckets++;
            if (buckets >= maxBuckets) return false;
            if (buckets % BUCKETS_PER_CLOCK_CHECK == 0 && budgetNanos != Long.MAX_VALUE
                    && System.nanoTime() - startNanos >= budgetNanos) {
                return false;
            }
        }
        guard.keysCaptured();
        return true;
    }

    private void visit(Database.KeyEntry e) {
        if (e.epoch >= epoch) return; // captured before it changed, or born after the start
        Part part = parts.get(current);
        long expireAt = -1;
        if (part.expires().size() > 0) {
            Database.ExpireEntry x = part.expires().find(e.key);
            if (x != null) expireAt = x.when;
        }
        guard.capture(part.id(), e, expireAt);
    }
}
