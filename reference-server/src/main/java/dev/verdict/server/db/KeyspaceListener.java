package dev.verdict.server.db;

/**
 * What the rest of the server learns about keyspace changes: WATCH invalidation
 * (Redis's signalModifiedKey) and expiry events (notifications, propagation as DEL).
 */
public interface KeyspaceListener {

    void keyModified(Database db, byte[] key);

    void keyExpired(Database db, byte[] key);
}
