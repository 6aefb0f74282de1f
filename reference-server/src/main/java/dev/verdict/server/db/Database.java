package dev.verdict.server.db;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * One numbered database: the main dictionary of keys and a second one of expiry times, as in
 * Redis's {@code redisDb}. Lookups apply lazy expiry. Writers go through {@link #setKey},
 * {@link #add}, {@link #delete} so that WATCH and keyspace notifications see every change.
 */
public final class Database {

    private final int id;
    private final KeyspaceListener listener;
    private final LongSupplier clock;
    private final Map<BytesKey, RedisObject> dict = new HashMap<>();
    private final Map<BytesKey, Long> expires = new HashMap<>();

    public Database(int id, KeyspaceListener listener, LongSupplier clock) {
        this.id = id;
        this.listener = listener;
        this.clock = clock;
    }

    public int id() {
        return id;
    }

    /** The value, or null when missing or expired (an expired key is deleted on the way). */
    public RedisObject lookup(byte[] key) {
        BytesKey k = new BytesKey(key);
        if (expireIfNeeded(k)) return null;
        return dict.get(k);
    }

    /** True when the key exists and has not expired. */
    public boolean exists(byte[] key) {
        return lookup(key) != null;
    }

    /** Adds a key that must not exist. */
    public void add(byte[] key, RedisObject value) {
        dict.put(new BytesKey(key), value);
        listener.keyModified(this, key);
    }

    /**
     * Redis's setKey: creates or overwrites the key; the old TTL is dropped unless
     * {@code keepTtl}.
     */
    public void setKey(byte[] key, RedisObject value, boolean keepTtl) {
        BytesKey k = new BytesKey(key);
        expireIfNeeded(k);
        dict.put(k, value);
        if (!keepTtl) expires.remove(k);
        listener.keyModified(this, key);
    }

    /** Deletes the key; true when it existed. */
    public boolean delete(byte[] key) {
        BytesKey k = new BytesKey(key);
        if (expireIfNeeded(k)) return false;
        if (dict.remove(k) == null) return false;
        expires.remove(k);
        listener.keyModified(this, key);
        return true;
    }

    /** Absolute expiry time in Unix milliseconds, or -1 when the key has none (or is missing). */
    public long expireAt(byte[] key) {
        Long when = expires.get(new BytesKey(key));
        return when == null ? -1 : when;
    }

    /** Sets an absolute expiry time on an existing key. */
    public void setExpire(byte[] key, long unixMillis) {
        expires.put(new BytesKey(key), unixMillis);
    }

    /** Removes the key's TTL; true when it had one. */
    public boolean persist(byte[] key) {
        return expires.remove(new BytesKey(key)) != null;
    }

    public int size() {
        return dict.size();
    }

    public int expiresSize() {
        return expires.size();
    }

    /** Empties the database; returns how many keys it held. */
    public long clear() {
        long removed = dict.size();
        dict.clear();
        expires.clear();
        return removed;
    }

    /**
     * Every key and value as stored, logically expired or not, without touching either (DEBUG
     * DIGEST walks the dictionary this way in Redis).
     */
    public void forEachEntry(java.util.function.BiConsumer<byte[], RedisObject> action) {
        for (Map.Entry<BytesKey, RedisObject> e : dict.entrySet()) action.accept(e.getKey().bytes(), e.getValue());
    }

    private boolean expireIfNeeded(BytesKey k) {
        Long when = expires.get(k);
        if (when == null || when > clock.getAsLong()) return false;
        dict.remove(k);
        expires.remove(k);
        listener.keyExpired(this, k.bytes());
        return true;
    }
}
