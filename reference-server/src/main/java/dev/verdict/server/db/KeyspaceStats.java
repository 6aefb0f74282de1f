package dev.verdict.server.db;

/** The keyspace counters INFO stats reports (Redis's stat_* fields). */
public final class KeyspaceStats {

    public long keyspaceHits;
    public long keyspaceMisses;
    public long expiredKeys;
    public long evictedKeys;
    /** Keys sampled by the active expire cycle (expired_stale_perc and friends). */
    public long expireCycleSampled;

    public void reset() {
        keyspaceHits = 0;
        keyspaceMisses = 0;
        expiredKeys = 0;
        evictedKeys = 0;
        expireCycleSampled = 0;
    }
}
