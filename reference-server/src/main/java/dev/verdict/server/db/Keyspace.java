package dev.verdict.server.db;

import java.util.function.LongSupplier;

/** The server's numbered databases (16 by default, the {@code databases} parameter). */
public final class Keyspace {

    private final Database[] databases;

    public Keyspace(int count, KeyspaceListener listener, LongSupplier clock) {
        databases = new Database[count];
        for (int i = 0; i < count; i++) databases[i] = new Database(i, listener, clock);
    }

    public Database db(int index) {
        return databases[index];
    }

    /**
     * The keyspace's share of serverCron, run on the event loop {@code hz} times a second:
     * active expiry and incremental rehashing, bounded in time.
     */
    public void cron(long nowMillis) {
    }

    /**
     * Evicts keys under {@code maxmemory} until used memory is below the limit (Redis's
     * performEvictions); false when it could not, so the dispatcher answers OOM to deny-oom
     * commands. The keyspace helper fills this in; until then nothing is evicted.
     */
    public boolean freeMemoryIfNeeded() {
        return true;
    }

    public int count() {
        return databases.length;
    }
}
