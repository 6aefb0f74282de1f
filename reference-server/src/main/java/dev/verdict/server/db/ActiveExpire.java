package dev.verdict.server.db;

import java.util.ArrayList;
import java.util.List;

/**
 * Redis's slow activeExpireCycle: each cron tick walks the databases' expires dicts from where
 * it left off, sampling 20 keys a loop and deleting the expired ones, and repeats on a database
 * while more than 10% of its sample had expired, within 25% of a cron period.
 */
final class ActiveExpire {

    /** ACTIVE_EXPIRE_CYCLE_KEYS_PER_LOOP. */
    static final int KEYS_PER_LOOP = 20;
    /** ACTIVE_EXPIRE_CYCLE_SLOW_TIME_PERC. */
    static final int SLOW_TIME_PERCENT = 25;
    /** ACTIVE_EXPIRE_CYCLE_ACCEPTABLE_STALE. */
    static final int ACCEPTABLE_STALE_PERCENT = 10;
    /** CRON_DBS_PER_CALL. */
    static final int DBS_PER_CALL = 16;

    private int currentDb;
    private final List<byte[]> sampled = new ArrayList<>();
    private int visited;

    /**
     * One cycle over up to 16 databases; {@code effort} is active-expire-effort (1..10).
     * Returns how many keys expired.
     */
    long run(Database[] databases, int hz, int effort, KeyspaceStats stats) {
        int extra = effort - 1;
        int keysPerLoop = KEYS_PER_LOOP + KEYS_PER_LOOP / 4 * extra;
        int timePercent = SLOW_TIME_PERCENT + 2 * extra;
        int acceptableStale = ACCEPTABLE_STALE_PERCENT - extra;
        long timeLimitNanos = timePercent * 1_000_000_000L / Math.max(1, hz) / 100;
        long start = System.nanoTime();
        long totalExpired = 0;
        int iteration = 0;
        boolean timeUp = false;
        int dbsPerCall = Math.min(DBS_PER_CALL, databases.length);
        for (int j = 0; j < dbsPerCall && !timeUp; j++) {
            Database db = databases[currentDb++ % databases.length];
            boolean repeat;
            do {
                Dict<Database.ExpireEntry> expires = db.expires();
                int num = expires.size();
                if (num == 0) break;
                long slots = expires.slots();
                // Too sparse a table makes sampling expensive: leave it to lazy expiry and resizing.
                if (slots > Dict.INITIAL_SIZE && num * 100L / slots < 1) break;
                iteration++;
                num = Math.min(num, keysPerLoop);
                long now = db.now();
                int expired = 0;
                int samples = 0;
                long maxBuckets = num * 20L;
                long checkedBuckets = 0;
                while (samples < num && checkedBuckets < maxBuckets) {
                    sampled.clear();
                    visited = 0;
                    db.expireCursor = expires.scan(db.expireCursor, e -> {
                        visited++;
                        if (e.when <= now) sampled.add(e.key);
                    });
                    checkedBuckets++;
                    samples += visited;
                    for (byte[] key : sampled) {
                        db.expire(key);
                        expired++;
                    }
                    if (db.expireCursor == 0 && expires.size() == 0) break;
                }
                totalExpired += expired;
                stats.expireCycleSampled += samples;
                if ((iteration & 0xf) == 0 && System.nanoTime() - start > timeLimitNanos) {
                    timeUp = true;
                    break;
                }
                repeat = samples == 0 || expired * 100 / samples > acceptableStale;
            } while (repeat);
        }
        return totalExpired;
    }
}
