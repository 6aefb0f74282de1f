package dev.verdict.server.db;

import dev.verdict.server.type.string.StringValue;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class EvictionTest {

    private final AtomicLong now = new AtomicLong(1_700_000_000_000L);
    private final List<String> evicted = new ArrayList<>();
    private final Keyspace keyspace = new Keyspace(1, new KeyspaceListener() {
        @Override
        public void keyModified(Database db, byte[] key) {
        }

        @Override
        public void keyExpired(Database db, byte[] key) {
        }

        @Override
        public void keyEvicted(Database db, byte[] key) {
            evicted.add(new String(key, StandardCharsets.UTF_8));
        }
    }, now::get);
    private final Database db = keyspace.db(0);

    private static byte[] k(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Ten keys, key0 the least recently used, each later key touched a second later. */
    private void tenKeysAccessedInOrder() {
        for (int i = 0; i < 10; i++) {
            db.add(k("key" + i), StringValue.of(k("value" + i)));
            now.addAndGet(1000);
        }
        // Finish the table's growth so that only evictions change the memory figure.
        while (db.dict().rehash(100)) { }
    }

    private long limitForKeys(int keys) {
        long perKey = MemoryFootprint.key(k("key0")) + StringValue.of(k("value0")).memoryUsage();
        return keyspace.usedMemory() - (db.size() - keys) * perKey + perKey / 2;
    }

    @Test
    void noevictionRefusesOnceOverTheLimit() {
        tenKeysAccessedInOrder();
        keyspace.configureMemory(MemoryFootprint.BASELINE, EvictionPolicy.NOEVICTION, 5, 10, 1);
        assertThat(keyspace.freeMemoryIfNeeded()).isFalse();
        assertThat(db.size()).isEqualTo(10);
    }

    @Test
    void underTheLimitNothingIsEvicted() {
        tenKeysAccessedInOrder();
        keyspace.configureMemory(keyspace.usedMemory(), EvictionPolicy.ALLKEYS_LRU, 5, 10, 1);
        assertThat(keyspace.freeMemoryIfNeeded()).isTrue();
        assertThat(evicted).isEmpty();
    }

    @Test
    void allkeysLruEvictsTheLeastRecentlyUsedWhenEveryKeyIsSampled() {
        tenKeysAccessedInOrder();
        db.lookup(k("key0"));
        keyspace.configureMemory(limitForKeys(7), EvictionPolicy.ALLKEYS_LRU, 64, 10, 1);
        assertThat(keyspace.freeMemoryIfNeeded()).isTrue();
        assertThat(evicted).containsExactly("key1", "key2", "key3");
        assertThat(db.size()).isEqualTo(7);
    }

    @Test
    void volatileTtlEvictsTheSoonestToExpireAndSparesKeysWithoutTtl() {
        tenKeysAccessedInOrder();
        for (int i = 0; i < 4; i++) db.setExpire(k("key" + i), now.get() + 10_000 - i * 1000);
        keyspace.configureMemory(limitForKeys(8), EvictionPolicy.VOLATILE_TTL, 64, 10, 1);
        assertThat(keyspace.freeMemoryIfNeeded()).isTrue();
        assertThat(evicted).containsExactly("key3", "key2");
    }

    @Test
    void volatilePoliciesFailWhenNoKeyHasATtl() {
        tenKeysAccessedInOrder();
        keyspace.configureMemory(limitForKeys(5), EvictionPolicy.VOLATILE_LRU, 5, 10, 1);
        assertThat(keyspace.freeMemoryIfNeeded()).isFalse();
        assertThat(db.size()).isEqualTo(10);
    }

    @Test
    void allkeysLfuEvictsTheLeastFrequentlyUsed() {
        keyspace.configureMemory(0, EvictionPolicy.ALLKEYS_LFU, 64, 10, 1);
        for (int i = 0; i < 10; i++) db.add(k("key" + i), StringValue.of(k("value" + i)));
        // New keys start at LFU_INIT_VAL; the first access always counts, so all but key9 rise above it.
        for (int i = 0; i < 9; i++) db.lookup(k("key" + i));
        while (db.dict().rehash(100)) { }
        keyspace.configureMemory(limitForKeys(9), EvictionPolicy.ALLKEYS_LFU, 64, 10, 1);
        assertThat(keyspace.freeMemoryIfNeeded()).isTrue();
        assertThat(evicted).containsExactly("key9");
        assertThat(keyspace.accessClock().frequency(db.lookupNoTouch(k("key0")))).isEqualTo(6);
    }

    @Test
    void allkeysRandomEvictsUntilUnderTheLimit() {
        tenKeysAccessedInOrder();
        keyspace.configureMemory(limitForKeys(4), EvictionPolicy.ALLKEYS_RANDOM, 5, 10, 1);
        assertThat(keyspace.freeMemoryIfNeeded()).isTrue();
        assertThat(db.size()).isEqualTo(4);
        assertThat(keyspace.usedMemory()).isLessThanOrEqualTo(keyspace.maxmemory());
    }

    @Test
    void idleTimeGrowsWithTheClockAndResetsOnAccess() {
        db.add(k("a"), StringValue.of(k("1")));
        now.addAndGet(5000);
        RedisObject a = db.lookupNoTouch(k("a"));
        assertThat(keyspace.accessClock().idleMillis(a)).isEqualTo(5000);
        db.lookupRead(k("a"));
        assertThat(keyspace.accessClock().idleMillis(a)).isZero();
    }
}
