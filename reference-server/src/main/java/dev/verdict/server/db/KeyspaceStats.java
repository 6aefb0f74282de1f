package dev.verdict.server.db;

/**
 * The counters only the keyspace sees (INFO's keyspace_hits/misses); expired and evicted keys
 * are counted where the listener hears of them.
 */
public final class KeyspaceStats {

    public long keyspaceHits;
    public long keyspaceMisses;
    /** Keys sampled by the active expire cycle (expired_stale_perc and friends). */
    public long expireCycleSampled;

    public void reset() {
        keyspaceHits = 0;
        keyspaceMisses = 0;
        expireCycleSampled = 0;
    }
}
