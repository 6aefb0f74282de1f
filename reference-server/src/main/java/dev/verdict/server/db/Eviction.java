package dev.verdict.server.db;

import java.util.ArrayList;
import java.util.List;

/**
 * maxmemory eviction as evict.c does it: sample {@code maxmemory-samples} keys per database into
 * a pool of the 16 best candidates kept across calls (highest idle time, lowest LFU counter, or
 * soonest expiry), evict the best one still present, and repeat until under the limit.
 */
final class Eviction {

    /** EVPOOL_SIZE. */
    static final int POOL_SIZE = 16;

    private final byte[][] poolKeys = new byte[POOL_SIZE][];
    private final long[] poolIdle = new long[POOL_SIZE];
    private final int[] poolDb = new int[POOL_SIZE];
    private final List<Dict.Entry> samples = new ArrayList<>();
    private int nextRandomDb;

    /**
     * performEvictions: evicts until {@code usedMemory} is at most {@code limit}; false when
     * that was impossible (no candidates, or noeviction).
     */
    boolean freeMemory(Keyspace keyspace, long limit, EvictionPolicy policy, int sampleCount) {
        long used = keyspace.usedMemory();
        if (used <= limit) return true;
        if (policy == EvictionPolicy.NOEVICTION) return false;
        Database[] dbs = keyspace.databases();
        while (used > limit) {
            Database victimDb = null;
            byte[] victim = null;
            if (policy.rank() == EvictionPolicy.Rank.RANDOM) {
                for (int i = 0; i < dbs.length && victim == null; i++) {
                    Database db = dbs[nextRandomDb++ % dbs.length];
                    Dict<? extends Dict.Entry> dict = policy.allKeys() ? db.dict() : db.expires();
                    Dict.Entry e = dict.random();
                    if (e != null) {
                        victim = e.key;
                        victimDb = db;
                    }
                }
            } else {
                while (victim == null) {
                    long candidates = 0;
                    for (Database db : dbs) {
                        Dict<? extends Dict.Entry> dict = policy.allKeys() ? db.dict() : db.expires();
                        if (dict.size() == 0) continue;
                        populate(db, dict, policy, sampleCount);
                        candidates += dict.size();
                    }
                    if (candidates == 0) break;
                    for (int k = POOL_SIZE - 1; k >= 0; k--) {
                        if (poolKeys[k] == null) continue;
                        Database db = dbs[poolDb[k]];
                        byte[] key = poolKeys[k];
                        removeFromPool(k);
                        Dict<? extends Dict.Entry> dict = policy.allKeys() ? db.dict() : db.expires();
                        Dict.Entry e = dict.find(key);
                        if (e != null) {
                            victim = e.key;
                            victimDb = db;
                            break;
                        }
                    }
                }
            }
            if (victim == null) return false;
            victimDb.evict(victim);
            used = keyspace.usedMemory();
        }
        return true;
    }

    /** evictionPoolPopulate: merges a sample of {@code dict} into the pool, ordered by idle. */
    private void populate(Database db, Dict<? extends Dict.Entry> dict, EvictionPolicy policy, int count) {
        samples.clear();
        dict.sample(count, samples);
        AccessClock access = db.access();
        for (Dict.Entry e : samples) {
            long idle;
            switch (policy.rank()) {
                case TTL -> idle = Long.MAX_VALUE - ((Database.ExpireEntry) e).when;
                case LFU -> idle = 255 - access.frequency(valueOf(db, e));
                default -> idle = access.idleMillis(valueOf(db, e));
            }
            insert(e.key, idle, db.id());
        }
    }

    private static RedisObject valueOf(Database db, Dict.Entry e) {
        if (e instanceof Database.KeyEntry k) return k.value;
        return db.dict().find(e.key).value;
    }

    private void insert(byte[] key, long idle, int dbId) {
        int k = 0;
        while (k < POOL_SIZE && poolKeys[k] != null && poolIdle[k] < idle) k++;
        if (k == 0 && poolKeys[POOL_SIZE - 1] != null) return;
        if (k < POOL_SIZE && poolKeys[k] == null) {
            // Empty slot: insert right here.
        } else if (poolKeys[POOL_SIZE - 1] == null) {
            shift(k, k + 1, POOL_SIZE - k - 1);
        } else {
            k--;
            shift(1, 0, k);
        }
        poolKeys[k] = key;
        poolIdle[k] = idle;
        poolDb[k] = dbId;
    }

    private void removeFromPool(int k) {
        shift(k + 1, k, POOL_SIZE - k - 1);
        poolKeys[POOL_SIZE - 1] = null;
    }

    private void shift(int from, int to, int length) {
        System.arraycopy(poolKeys, from, poolKeys, to, length);
        System.arraycopy(poolIdle, from, poolIdle, to, length);
        System.arraycopy(poolDb, from, poolDb, to, length);
    }

    /** Forgets pooled candidates (after FLUSHALL / SWAPDB they may name other keys). */
    void clearPool() {
        java.util.Arrays.fill(poolKeys, null);
    }

}
