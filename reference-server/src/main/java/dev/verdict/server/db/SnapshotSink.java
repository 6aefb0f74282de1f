package dev.verdict.server.db;

/** Receives every key of a point-in-time snapshot, as it was when the snapshot began, exactly once. */
@FunctionalInterface
public interface SnapshotSink {

    /** {@code db} is the database the key was in when the snapshot began; {@code expireAt} is -1 for none. */
    void accept(int db, byte[] key, RedisObject value, long expireAt);
}
