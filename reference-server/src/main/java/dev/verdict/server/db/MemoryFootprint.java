package dev.verdict.server.db;

/**
 * How many bytes Redis 7.0 would allocate for a thing, the figure {@code maxmemory} is compared
 * against. Estimating Redis's allocations (rather than measuring the JVM heap) keeps eviction
 * deterministic: the same commands evict the same number of keys on every run and every JVM, and
 * a {@code maxmemory} setting means about what it means for Redis.
 */
public final class MemoryFootprint {

    /** sizeof(robj). */
    public static final int OBJECT_HEADER = 16;
    /** sizeof(dictEntry); Redis's MEMORY USAGE counts it unrounded. */
    public static final int DICT_ENTRY = 24;
    /** One bucket pointer of a dict table. */
    public static final int DICT_BUCKET = 8;
    /** used_memory of an idle Redis 7.0.15 right after start with one client connected. */
    public static final long BASELINE = 914_672;

    private MemoryFootprint() {
    }

    /** jemalloc's size class for a request of {@code size} bytes. */
    public static long allocation(long size) {
        if (size <= 8) return 8;
        if (size <= 128) return (size + 15) & ~15L;
        long spacing = Long.highestOneBit(size - 1) >> 2;
        return (size + spacing - 1) / spacing * spacing;
    }

    /** An sds string of {@code length} bytes: header, bytes and terminator, allocated. */
    public static long sds(long length) {
        return allocation(sdsHeader(length) + length + 1);
    }

    /** An embstr object: the robj and its sds in one allocation. */
    public static long embeddedString(long length) {
        return allocation(OBJECT_HEADER + 3 + length + 1);
    }

    private static int sdsHeader(long length) {
        if (length < 32) return 1;
        if (length < 1 << 8) return 3;
        if (length < 1 << 16) return 5;
        if (length < 1L << 32) return 9;
        return 17;
    }

    /** A key in a database: its dict entry and key string (the value is counted by its object). */
    static long key(byte[] key) {
        return DICT_ENTRY + sds(key.length);
    }
}
