package dev.verdict.server.db;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;

/**
 * One numbered database: the main dictionary of keys and a second one of expiry times, as in
 * Redis's {@code redisDb}. Lookups apply lazy expiry and update the access clock as
 * {@code lookupKey} does. Writers go through {@link #setKey}, {@link #add}, {@link #delete},
 * {@link #signalModified} so that WATCH, notifications and memory accounting see every change.
 */
public final class Database {

    /** A key and its value. */
    static final class KeyEntry extends Dict.Entry {
        RedisObject value;
        /**
         * The snapshot epoch current at this entry's birth, raised to a snapshot's epoch once that
         * snapshot has captured it (see {@link SnapshotGuard}).
         */
        int epoch = SnapshotGuard.currentEpoch();

        KeyEntry(byte[] key, RedisObject value) {
            super(key);
            this.value = value;
        }
    }

    /** A key's absolute expiry time in Unix milliseconds, unboxed. */
    static final class ExpireEntry extends Dict.Entry {
        long when;

        ExpireEntry(byte[] key, long when) {
            super(key);
            this.when = when;
        }
    }

    private final int id;
    private final KeyspaceListener listener;
    private final LongSupplier clock;
    private final AccessClock access;
    private final KeyspaceStats stats;
    private final SnapshotGuard snapshots;
    private final ExpiryAuthority expiry;
    private Dict<KeyEntry> dict = new Dict<>();
    private Dict<ExpireEntry> expires = new Dict<>();
    /** Bytes charged for keys, values and expiry entries (table buckets are counted apart). */
    private long memory;
    /** Where the active expire cycle resumes scanning this database's expires. */
    long expireCursor;
    /**
     * Which database of the running snapshot this one's dictionary was when the snapshot began
     * (SWAPDB moves it along with the dictionary), or -1: where its entries are captured.
     */
    int capturedAs = -1;

    public Database(int id, KeyspaceListener listener, LongSupplier clock) {
        this(id, listener, clock, new AccessClock(clock), new KeyspaceStats(), new SnapshotGuard(), new ExpiryAuthority());
    }

    Database(int id, KeyspaceListener listener, LongSupplier clock, AccessClock access, KeyspaceStats stats,
             SnapshotGuard snapshots, ExpiryAuthority expiry) {
        this.snapshots = snapshots;
        this.expiry = expiry;
        this.id = id;
        this.listener = listener;
        this.clock = clock;
        this.access = access;
        this.stats = stats;
    }

    public int id() {
        return id;
    }

    // ---- lookups

    /**
     * lookupKeyWrite: the value, or null when missing or expired (an expired key is deleted on
     * the way); counts as an access for LRU/LFU.
     */
    public RedisObject lookup(byte[] key) {
        KeyEntry e = liveEntry(key, true);
        if (e == null) return null;
        access.touch(e.value);
        return snapshots.active() ? unshareCollection(e) : e.value;
    }

    /** lookupKeyRead: as {@link #lookup} and also counted in keyspace hits and misses. */
    public RedisObject lookupRead(byte[] key) {
        KeyEntry e = liveEntry(key);
        if (e == null) {
            stats.keyspaceMisses++;
            return null;
        }
        stats.keyspaceHits++;
        access.touch(e.value);
        return snapshots.active() ? unshareCollection(e) : e.value;
    }

    /**
     * Copy-on-write for collections: type commands look values up with {@link #lookup} or
     * {@link #lookupRead} and may change them in place, so while a snapshot (BGSAVE) holds the
     * value, the key gets a private deep copy first; the snapshot keeps the original. Strings
     * are immutable except through {@code StringType.writable}, which copies on its own.
     */
    private RedisObject unshareCollection(KeyEntry e) {
        RedisObject value = e.value;
        if (value.type() == ObjectType.STRING || !snapshots.holds(value)) return value;
        preserve(e);
        RedisObject copy = value.duplicate();
        copy.lru(value.lru());
        memory -= value.memoryCharge;
        memory += charge(copy);
        e.value = copy;
        return copy;
    }

    /** LOOKUP_NOTOUCH: applies lazy expiry but leaves the access clock alone (OBJECT, TYPE, DEBUG). */
    public RedisObject lookupNoTouch(byte[] key) {
        KeyEntry e = liveEntry(key);
        return e == null ? null : e.value;
    }

    /**
     * dictFind: the key's value even when its TTL has passed and it awaits deletion; nothing is
     * deleted and it is no access (DEBUG OBJECT looks keys up this way).
     */
    public RedisObject peek(byte[] key) {
        KeyEntry e = dict.find(key);
        return e == null ? null : e.value;
    }

    /** True when the key exists and has not expired; not an access (EXISTS). */
    public boolean exists(byte[] key) {
        return liveEntry(key) != null;
    }

    /** keyIsExpired: true when the key has a TTL in the past (nothing is deleted). */
    public boolean isExpired(byte[] key) {
        if (expires.size() == 0) return false;
        ExpireEntry e = expires.find(key);
        return e != null && e.when <= clock.getAsLong();
    }

    private KeyEntry liveEntry(byte[] key) {
        return liveEntry(key, false);
    }

    /** The key's entry unless it is missing or (for this access, see {@link ExpiryAuthority}) expired. */
    private KeyEntry liveEntry(byte[] key, boolean write) {
        KeyEntry e = dict.find(key);
        if (e == null) return null;
        if (expires.size() > 0 && expireIfNeeded(key, write)) return null;
        return e;
    }

    // ---- writes

    /** dbAdd: adds a key that must not exist. */
    public void add(byte[] key, RedisObject value) {
        KeyEntry e = new KeyEntry(key, value);
        if (value.lru() == 0) value.lru(access.initial());
        dict.insert(e);
        memory += MemoryFootprint.key(key) + charge(value);
        listener.keyModified(this, key);
    }

    /**
     * dbAddRDBLoad: adds a key being loaded unless it is already present (a duplicate in the
     * file), in one lookup; false for a duplicate.
     */
    public boolean addIfAbsent(byte[] key, RedisObject value) {
        KeyEntry e = new KeyEntry(key, value);
        if (value.lru() == 0) value.lru(access.initial());
        if (!dict.insertIfAbsent(e)) return false;
        memory += MemoryFootprint.key(key) + charge(value);
        listener.keyModified(this, key);
        return true;
    }

    /** RDB's RESIZEDB hint: both tables sized for what is about to be loaded. */
    public void reserve(long keys, long expiring) {
        dict.reserve(keys);
        expires.reserve(expiring);
    }

    /**
     * Redis's setKey: creates or overwrites the key; the old TTL is dropped unless
     * {@code keepTtl}. An overwrite keeps the LFU counter, as dbSetValue does.
     */
    public void setKey(byte[] key, RedisObject value, boolean keepTtl) {
        KeyEntry e = liveEntry(key, true);
        if (e == null) {
            add(key, value);
            return;
        }
        overwrite(e, key, value, keepTtl);
    }

    /**
     * setGenericCommand's lookupKeyWrite and setKey in one dictionary lookup: stores the value
     * unless {@code nx} and the key exists, or {@code xx} and it does not; true when it stored.
     * The existing key counts as accessed, as lookupKeyWrite makes it (its LFU counter carries over).
     */
    public boolean setKeyIf(byte[] key, RedisObject value, boolean keepTtl, boolean nx, boolean xx) {
        KeyEntry e = liveEntry(key, true);
        if (e == null) {
            if (xx) return false;
            add(key, value);
            return true;
        }
        access.touch(e.value);
        if (nx) return false;
        overwrite(e, key, value, keepTtl);
        return true;
    }

    /** dbOverwrite (and the TTL part of setKey) for an entry already found. */
    private void overwrite(KeyEntry e, byte[] key, RedisObject value, boolean keepTtl) {
        preserve(e);
        RedisObject old = e.value;
        if (old != value) {
            value.lru(access.lfu() ? old.lru() : access.initial());
            memory -= old.memoryCharge;
            memory += charge(value);
            e.value = value;
        }
        if (!keepTtl) removeExpire(key);
        // dbOverwrite wakes clients blocked on the key only when a stream is replaced (XREADGROUP's
        // "no longer exists"); a new value of a blocking type does not serve them, unlike dbAdd's.
        if (old.type() == ObjectType.STREAM) listener.keyModified(this, key);
        else listener.valueChanged(this, key);
    }

    /**
     * Swaps the value object of an existing key for an equal one in another representation
     * (Redis's dbUnshareStringValue): TTL and access clock kept, memory re-measured, and no
     * WATCH signal, because the value did not change.
     */
    public void replaceValue(byte[] key, RedisObject value) {
        KeyEntry e = dict.find(key);
        if (e == null || e.value == value) return;
        preserve(e);
        value.lru(e.value.lru());
        memory -= e.value.memoryCharge;
        memory += charge(value);
        e.value = value;
    }

    /**
     * The write-lookup for in-place changes: the key's value, or null; when a running snapshot
     * (BGSAVE) still references the value, a deep copy replaces it in the dictionary first, so
     * the snapshot keeps the value as it was. Every writer that mutates a value must use it.
     */
    public RedisObject lookupWritable(byte[] key) {
        RedisObject value = lookup(key);
        return value == null ? null : unshare(key, value);
    }

    /** As {@link #lookupWritable} for a value already looked up. */
    public RedisObject unshare(byte[] key, RedisObject value) {
        if (!snapshots.holds(value)) return value;
        RedisObject copy = value.duplicate();
        replaceValue(key, copy);
        return copy;
    }

    /** True when a running snapshot references {@code value}. */
    public boolean snapshotHolds(RedisObject value) {
        return snapshots.holds(value);
    }

    /** Deletes the key; true when it existed. */
    public boolean delete(byte[] key) {
        if (liveEntry(key, true) == null) return false;
        remove(key);
        listener.keyModified(this, key);
        return true;
    }

    /**
     * signalModifiedKey for a value changed in place (LPUSH on an existing list...): re-measures
     * the value for maxmemory and tells WATCH. Type code calls it after every in-place change.
     */
    public void signalModified(byte[] key) {
        KeyEntry e = dict.find(key);
        if (e != null) {
            memory -= e.value.memoryCharge;
            memory += charge(e.value);
        }
        listener.valueChanged(this, key);
    }

    /**
     * signalModifiedKey for a change in place that left the value's footprint as it was (an
     * int-encoded counter): tells WATCH and the dirty counter without finding the key again.
     */
    public void signalModifiedInPlace(byte[] key) {
        listener.valueChanged(this, key);
    }

    private long charge(RedisObject value) {
        long usage = value.memoryUsage();
        value.memoryCharge = (int) Math.min(usage, Integer.MAX_VALUE);
        return value.memoryCharge;
    }

    /**
     * Key-level copy-on-write: an entry that a running snapshot has not captured yet is handed to
     * it, with its TTL, before it changes. Every change to an entry's value reference, TTL or
     * presence calls this first.
     */
    private void preserve(KeyEntry e) {
        if (snapshots.uncaptured(e)) snapshots.capture(capturedAs, e, expireAt(e.key));
    }

    private void preserve(byte[] key) {
        if (!snapshots.capturingKeys()) return;
        KeyEntry e = dict.find(key);
        if (e != null) preserve(e);
    }

    /** Removes key, value and TTL without notifying; the caller reports why. */
    private RedisObject remove(byte[] key) {
        KeyEntry e = dict.remove(key);
        if (e == null) return null;
        // unlinked but intact, its TTL still in place
        preserve(e);
        memory -= MemoryFootprint.key(e.key) + e.value.memoryCharge;
        removeExpire(key);
        return e.value;
    }

    private boolean removeExpire(byte[] key) {
        if (expires.remove(key) == null) return false;
        memory -= MemoryFootprint.DICT_ENTRY;
        return true;
    }

    // ---- expiry

    /** Absolute expiry time in Unix milliseconds, or -1 when the key has none (or is missing). */
    public long expireAt(byte[] key) {
        if (expires.size() == 0) return -1;
        ExpireEntry e = expires.find(key);
        return e == null ? -1 : e.when;
    }

    /** Sets an absolute expiry time on an existing key (setExpire); ignored for a missing key. */
    public void setExpire(byte[] key, long unixMillis) {
        preserve(key);
        ExpireEntry e = expires.find(key);
        if (e != null) {
            e.when = unixMillis;
            return;
        }
        KeyEntry k = dict.find(key);
        if (k == null) return;
        // Share the main dict's key bytes, as Redis's expires dict shares the sds.
        expires.insert(new ExpireEntry(k.key, unixMillis));
        memory += MemoryFootprint.DICT_ENTRY;
    }

    /** Removes the key's TTL; true when it had one. */
    public boolean persist(byte[] key) {
        preserve(key);
        return removeExpire(key);
    }

    /**
     * expireIfNeeded: true when the key's time has passed for this access; it is deleted then,
     * except on a replica, where only the master's DEL removes it.
     */
    private boolean expireIfNeeded(byte[] key, boolean write) {
        ExpireEntry e = expires.find(key);
        if (e == null || e.when > clock.getAsLong()) return false;
        switch (expiry.onExpired(write)) {
            case ALIVE -> {
                return false;
            }
            case HIDE -> {
                return true;
            }
            default -> {
                expire(key);
                return true;
            }
        }
    }

    /** Deletes an expired key and reports it (deleteExpiredKeyAndPropagate). */
    void expire(byte[] key) {
        remove(key);
        stats.expiredKeys++;
        listener.keyExpired(this, key);
    }

    /** Deletes a key chosen by maxmemory eviction and reports it; the bytes freed. */
    long evict(byte[] key) {
        long before = memory;
        if (remove(key) == null) return 0;
        stats.evictedKeys++;
        listener.keyEvicted(this, key);
        return before - memory;
    }

    // ---- whole-database operations

    public int size() {
        return dict.size();
    }

    public int expiresSize() {
        return expires.size();
    }

    /** Buckets of the main table (Redis's dictSlots(db->dict)), for MEMORY STATS. */
    public long dictSlots() {
        return dict.slots();
    }

    /** Buckets of the expires table (dictSlots(db->expires)). */
    public long expiresSlots() {
        return expires.slots();
    }

    /** Bytes charged for this database's keys, values, TTLs and table buckets. */
    public long memory() {
        return memory + (dict.slots() + expires.slots()) * MemoryFootprint.DICT_BUCKET;
    }

    /** Empties the database; returns how many keys it held. */
    public long clear() {
        long removed = dict.size();
        dict = new Dict<>();
        expires = new Dict<>();
        memory = 0;
        expireCursor = 0;
        // a running snapshot goes on walking the detached dictionaries, which nothing changes now
        capturedAs = -1;
        return removed;
    }

    /**
     * Every key and value as stored, logically expired or not, without touching either (DEBUG
     * DIGEST walks the dictionary this way in Redis).
     */
    public void forEachEntry(BiConsumer<byte[], RedisObject> action) {
        dict.forEach(e -> action.accept(e.key, e.value));
    }

    /** A key, its value and its expiry time (-1 for none), for snapshots. */
    @FunctionalInterface
    public interface EntryVisitor {
        void visit(byte[] key, RedisObject value, long expireAt);
    }

    /** Every stored entry with its TTL, expired or not, nothing touched (RDB saving). */
    public void forEachEntryWithExpire(EntryVisitor visitor) {
        boolean anyExpire = expires.size() > 0;
        dict.forEach(e -> {
            long when = -1;
            if (anyExpire) {
                ExpireEntry x = expires.find(e.key);
                if (x != null) when = x.when;
            }
            visitor.visit(e.key, e.value, when);
        });
    }

    /** SWAPDB: exchanges contents (keys, TTLs, accounting) with another database. */
    public void swapWith(Database other) {
        Dict<KeyEntry> d = dict;
        dict = other.dict;
        other.dict = d;
        Dict<ExpireEntry> x = expires;
        expires = other.expires;
        other.expires = x;
        long m = memory;
        memory = other.memory;
        other.memory = m;
        long c = expireCursor;
        expireCursor = other.expireCursor;
        other.expireCursor = c;
        int s = capturedAs;
        capturedAs = other.capturedAs;
        other.capturedAs = s;
    }

    /**
     * One SCAN step over the keys: emits key and value of the buckets at {@code cursor} (expired
     * keys included; callers filter with {@link #exists}) and returns the next cursor.
     */
    public long scan(long cursor, BiConsumer<byte[], RedisObject> emit) {
        return dict.scan(cursor, e -> emit.accept(e.key, e.value));
    }

    /** Every key, expired ones included (KEYS filters them). */
    public List<byte[]> keysSnapshot() {
        List<byte[]> keys = new ArrayList<>(dict.size());
        dict.forEach(e -> keys.add(e.key));
        return keys;
    }

    /** RANDOMKEY (dbRandomKey on a master): a random live key, expired picks deleted on the way. */
    public byte[] randomKey() {
        // dbRandomKey: a replica deletes nothing, so when every key has a TTL it gives up after 100
        // tries and returns a key that may be logically expired, rather than loop for ever
        boolean allVolatile = dict.size() == expires.size();
        int tries = 100;
        while (dict.size() > 0) {
            KeyEntry e = dict.random();
            if (allVolatile && expiry.replica() && --tries == 0) return e.key;
            ExpireEntry x = expires.size() > 0 ? expires.find(e.key) : null;
            if (x == null || x.when > clock.getAsLong()) return e.key;
            switch (expiry.onExpired(false)) {
                case ALIVE -> {
                    return e.key;
                }
                case HIDE -> {
                }
                default -> expire(e.key);
            }
        }
        return null;
    }

    // ---- for the keyspace's cron, active expiry and eviction

    Dict<KeyEntry> dict() {
        return dict;
    }

    Dict<ExpireEntry> expires() {
        return expires;
    }

    AccessClock access() {
        return access;
    }

    long now() {
        return clock.getAsLong();
    }
}
