package dev.verdict.server.db;

import dev.verdict.server.type.string.StringValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** On a replica only the master's DEL removes an expired key (Redis's expireIfNeeded with masterhost set). */
class ReplicaExpiryTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final List<String> expired = new ArrayList<>();
    private final Keyspace keyspace = new Keyspace(1, new KeyspaceListener() {
        @Override
        public void keyModified(Database db, byte[] key) {
        }

        @Override
        public void keyExpired(Database db, byte[] key) {
            expired.add(new String(key, StandardCharsets.UTF_8));
        }
    }, now::get);
    private final Database db = keyspace.db(0);

    private static byte[] k(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @BeforeEach
    void aReplicaWithAnExpiredKey() {
        keyspace.expiry().replica(true);
        db.add(k("gone"), StringValue.of(k("v")));
        db.setExpire(k("gone"), now.get() + 10);
        now.addAndGet(10);
    }

    @Test
    void clientsSeeNothingButTheKeyStays() {
        assertThat(db.lookupRead(k("gone"))).isNull();
        assertThat(db.exists(k("gone"))).isFalse();
        assertThat(db.lookupNoTouch(k("gone"))).isNull();
        assertThat(db.size()).isEqualTo(1);
        assertThat(expired).isEmpty();
    }

    @Test
    void theMastersCommandsSeeTheKeyAlive() {
        keyspace.expiry().masterCommand(true);
        assertThat(db.lookup(k("gone"))).isNotNull();
        assertThat(db.delete(k("gone"))).isTrue();
        assertThat(expired).isEmpty();
    }

    @Test
    void aWriteOfAWritableReplicasClientDeletesIt() {
        assertThat(db.lookup(k("gone"))).isNull();
        assertThat(db.size()).isZero();
        assertThat(expired).containsExactly("gone");
    }

    @Test
    void activeExpiryLeavesItAlone() {
        keyspace.cron(now.get());
        assertThat(db.size()).isEqualTo(1);
    }

    @Test
    void randomKeyReturnsALogicallyExpiredKeyRatherThanLoopWhenAllAreVolatile() {
        assertThat(new String(db.randomKey(), StandardCharsets.UTF_8)).isEqualTo("gone");
        db.add(k("alive"), StringValue.of(k("v")));
        for (int i = 0; i < 20; i++) assertThat(new String(db.randomKey(), StandardCharsets.UTF_8)).isEqualTo("alive");
        assertThat(db.size()).isEqualTo(2);
    }

    @Test
    void aPromotedReplicaDeletesAgain() {
        keyspace.expiry().replica(false);
        assertThat(db.lookupRead(k("gone"))).isNull();
        assertThat(db.size()).isZero();
    }
}
