package dev.verdict.server.db;

import dev.verdict.server.type.string.StringValue;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ExpiryTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final List<String> expired = new ArrayList<>();
    private final List<String> modified = new ArrayList<>();
    private final Keyspace keyspace = new Keyspace(2, new KeyspaceListener() {
        @Override
        public void keyModified(Database db, byte[] key) {
            modified.add(s(key));
        }

        @Override
        public void keyExpired(Database db, byte[] key) {
            expired.add(s(key));
        }
    }, now::get);
    private final Database db = keyspace.db(0);

    private static byte[] k(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String s(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void lookupOfAnExpiredKeyDeletesItAndReportsItExpired() {
        db.add(k("a"), StringValue.of(k("1")));
        db.setExpire(k("a"), now.get() + 100);
        assertThat(db.lookup(k("a"))).isNotNull();
        now.addAndGet(100);
        assertThat(db.lookup(k("a"))).isNull();
        assertThat(expired).containsExactly("a");
        assertThat(db.size()).isZero();
        assertThat(db.expiresSize()).isZero();
        assertThat(db.expireAt(k("a"))).isEqualTo(-1);
    }

    @Test
    void setKeyDropsTheTtlUnlessKeepTtl() {
        db.add(k("a"), StringValue.of(k("1")));
        db.setExpire(k("a"), now.get() + 1000);
        db.setKey(k("a"), StringValue.of(k("2")), true);
        assertThat(db.expireAt(k("a"))).isEqualTo(now.get() + 1000);
        db.setKey(k("a"), StringValue.of(k("3")), false);
        assertThat(db.expireAt(k("a"))).isEqualTo(-1);
    }

    @Test
    void keysIsExpiredDoesNotDelete() {
        db.add(k("a"), StringValue.of(k("1")));
        db.setExpire(k("a"), now.get());
        assertThat(db.isExpired(k("a"))).isTrue();
        assertThat(db.size()).isEqualTo(1);
        assertThat(expired).isEmpty();
    }

    @Test
    void activeExpiryRemovesExpiredKeysWithoutAnyLookup() {
        for (int i = 0; i < 1000; i++) {
            db.add(k("v" + i), StringValue.of(k("x")));
            db.setExpire(k("v" + i), now.get() + (i < 900 ? 10 : 1_000_000));
        }
        for (int i = 0; i < 100; i++) db.add(k("p" + i), StringValue.of(k("x")));
        now.addAndGet(10);
        for (int tick = 0; tick < 50 && db.expiresSize() > 100; tick++) keyspace.cron(now.get());
        assertThat(db.expiresSize()).isEqualTo(100);
        assertThat(db.size()).isEqualTo(200);
        assertThat(expired).hasSize(900).allMatch(key -> key.startsWith("v"));
    }

    @Test
    void activeExpiryStopsWhenFewSampledKeysAreExpired() {
        for (int i = 0; i < 2000; i++) {
            db.add(k("v" + i), StringValue.of(k("x")));
            db.setExpire(k("v" + i), now.get() + (i < 20 ? 10 : 1_000_000));
        }
        now.addAndGet(10);
        keyspace.cron(now.get());
        // Under 10% of each sample is expired, so one cycle looks at a few buckets, not all 2000 keys.
        assertThat(keyspace.stats().expireCycleSampled).isLessThan(200);
    }

    @Test
    void memoryAccountingReturnsToItsStartAfterKeysLeave() {
        long empty = keyspace.usedMemory();
        for (int i = 0; i < 100; i++) {
            db.add(k("key:" + i), StringValue.of(k("value-" + i)));
            db.setExpire(k("key:" + i), now.get() + 5);
        }
        long full = keyspace.usedMemory();
        assertThat(full - empty).isGreaterThan(100 * (24 + 16 + 16 + 24));
        for (int i = 0; i < 50; i++) db.delete(k("key:" + i));
        now.addAndGet(5);
        for (int i = 50; i < 100; i++) assertThat(db.lookup(k("key:" + i))).isNull();
        db.dict().shrinkIfNeeded();
        db.expires().shrinkIfNeeded();
        while (db.dict().rehash(100) | db.expires().rehash(100)) { }
        assertThat(keyspace.usedMemory()).isEqualTo(empty + 2 * Dict.INITIAL_SIZE * MemoryFootprint.DICT_BUCKET);
    }

    @Test
    void swapExchangesKeysAndTtls() {
        db.add(k("a"), StringValue.of(k("1")));
        db.setExpire(k("a"), now.get() + 50);
        keyspace.swap(0, 1);
        assertThat(db.size()).isZero();
        assertThat(keyspace.db(1).expireAt(k("a"))).isEqualTo(now.get() + 50);
    }

    @Test
    void randomKeyDeletesExpiredPicksOnTheWay() {
        db.add(k("dead"), StringValue.of(k("1")));
        db.setExpire(k("dead"), now.get());
        db.add(k("alive"), StringValue.of(k("1")));
        for (int i = 0; i < 20; i++) assertThat(s(db.randomKey())).isEqualTo("alive");
        assertThat(db.size()).isEqualTo(1);
    }
}
