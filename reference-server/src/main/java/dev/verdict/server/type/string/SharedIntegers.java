package dev.verdict.server.type.string;

import dev.verdict.server.db.Encoding;
import dev.verdict.server.db.EvictionPolicy;
import dev.verdict.server.db.Keyspace;
import dev.verdict.server.db.RedisObject;

/**
 * Redis's shared small integers (shared.integers, 0..OBJ_SHARED_INTEGERS-1): a key holding one
 * references a shared object whose refcount is OBJ_SHARED_REFCOUNT, unless maxmemory is set
 * with an LRU/LFU policy, which needs per-key access data (MAXMEMORY_FLAG_NO_SHARED_INTEGERS).
 * OBJECT REFCOUNT and DEBUG OBJECT both report it.
 */
public final class SharedIntegers {

    /** OBJ_SHARED_REFCOUNT. */
    public static final long SHARED_REFCOUNT = Integer.MAX_VALUE;
    /** OBJ_SHARED_INTEGERS. */
    static final long COUNT = 10000;

    private SharedIntegers() {
    }

    /** The refcount Redis reports for a key's value: shared small integers, else 1. */
    public static long refcount(Keyspace keyspace, RedisObject value) {
        return isShared(keyspace, value) ? SHARED_REFCOUNT : 1;
    }

    private static boolean isShared(Keyspace keyspace, RedisObject value) {
        if (!(value instanceof StringValue s) || value.encoding() != Encoding.INT) return false;
        if (s.counter() != null && s.counter().isPrivateCopy()) return false;
        EvictionPolicy.Rank rank = keyspace.policy().rank();
        boolean noShared = keyspace.maxmemory() != 0 && (rank == EvictionPolicy.Rank.LRU || rank == EvictionPolicy.Rank.LFU);
        if (noShared) return false;
        long v = Numbers.parseLongStrict(s.bytes());
        return v >= 0 && v < COUNT;
    }
}
