package dev.verdict.server.db;

import java.util.Locale;

/** Redis's maxmemory-policy values, with what each one samples and how it ranks keys. */
public enum EvictionPolicy {
    VOLATILE_LRU(false, Rank.LRU),
    VOLATILE_LFU(false, Rank.LFU),
    VOLATILE_RANDOM(false, Rank.RANDOM),
    VOLATILE_TTL(false, Rank.TTL),
    ALLKEYS_LRU(true, Rank.LRU),
    ALLKEYS_LFU(true, Rank.LFU),
    ALLKEYS_RANDOM(true, Rank.RANDOM),
    NOEVICTION(false, Rank.NONE);

    /** How candidates are compared: MAXMEMORY_FLAG_LRU, _LFU, random or soonest TTL. */
    public enum Rank { LRU, LFU, RANDOM, TTL, NONE }

    private final boolean allKeys;
    private final Rank rank;

    EvictionPolicy(boolean allKeys, Rank rank) {
        this.allKeys = allKeys;
        this.rank = rank;
    }

    /** True when every key is a candidate, false when only keys with a TTL are. */
    public boolean allKeys() {
        return allKeys;
    }

    public Rank rank() {
        return rank;
    }

    public boolean lfu() {
        return rank == Rank.LFU;
    }

    /** The policy for a configuration value such as {@code allkeys-lru}. */
    public static EvictionPolicy parse(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
