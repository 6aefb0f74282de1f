package dev.verdict.server.db;

/**
 * What the rest of the server learns about keyspace changes: WATCH invalidation
 * (Redis's signalModifiedKey) and expiry and eviction events (notifications, propagation as DEL).
 */
public interface KeyspaceListener {

    void keyModified(Database db, byte[] key);

    void keyExpired(Database db, byte[] key);

    /** A key deleted by maxmemory eviction (the "evicted" event). */
    default void keyEvicted(Database db, byte[] key) {
        keyModified(db, key);
    }
}
