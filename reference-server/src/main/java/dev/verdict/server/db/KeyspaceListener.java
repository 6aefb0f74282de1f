package dev.verdict.server.db;

/**
 * What the rest of the server learns about keyspace changes: WATCH invalidation
 * (Redis's signalModifiedKey) and expiry and eviction events (notifications, propagation as DEL).
 */
public interface KeyspaceListener {

    void keyModified(Database db, byte[] key);

    /**
     * The key's value was changed in place or replaced by dbOverwrite (old value not a stream): a
     * modification like any other, except that Redis 7.0.15 signals a key as ready for blocked
     * clients only from dbAdd, deletes and overwrites of streams, and the writes that feed waiters
     * (push, ZADD, XADD) explicitly. So a ZUNIONSTORE or SORT STORE over a string leaves BZPOPMAX
     * or BLPOP waiting (7.2 changed that).
     */
    default void valueChanged(Database db, byte[] key) {
        keyModified(db, key);
    }

    void keyExpired(Database db, byte[] key);

    /** A key deleted by maxmemory eviction (the "evicted" event). */
    default void keyEvicted(Database db, byte[] key) {
        keyModified(db, key);
    }
}
