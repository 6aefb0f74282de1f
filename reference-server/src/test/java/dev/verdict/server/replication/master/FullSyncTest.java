package dev.verdict.server.replication.master;

import dev.verdict.server.persistence.RealRedis;
import dev.verdict.server.persistence.Workload;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.params.SetParams;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A real Redis 7.0.15 replica loads our RDB, disk-based and diskless, then applies our stream to the same dataset. */
class FullSyncTest {

    @BeforeAll
    static void needsRedis() {
        Assumptions.assumeTrue(RealRedis.available(), "redis-server is not installed");
    }

    static void fillEveryType(Jedis j) {
        Workload.fill(j);
        j.xadd("stream", StreamEntryID.NEW_ENTRY, Map.of("f", "v"));
        j.xadd("stream", new StreamEntryID(9_999_999_999_999L, 0), Map.of("a", "1", "b", "2"));
        j.xgroupCreate("stream", "group", new StreamEntryID(0, 0), false);
        j.pfadd("hll", "a", "b", "c");
        j.geoadd("geo", 13.361389, 38.115556, "Palermo");
        j.select(5);
        j.set("db5", "x");
        j.select(0);
    }

    @ParameterizedTest(name = "repl-diskless-sync {0}")
    @ValueSource(strings = {"yes", "no"})
    void realReplicaLoadsEveryTypeThenFollowsTheStream(String diskless, @TempDir Path ours, @TempDir Path theirs)
            throws Exception {
        try (RealReplicaOfOurs pair = new RealReplicaOfOurs(ours, theirs, List.of("--repl-diskless-sync", diskless))) {
            Jedis m = pair.m;
            fillEveryType(m);
            pair.attach().awaitInSync();
            Map<String, String> stats = RealReplicaOfOurs.info(m, "stats");
            assertThat(stats.get("sync_full")).isEqualTo("1");
            // the RDB went to the replica: counted as replication output
            assertThat(Long.parseLong(stats.get("total_net_repl_output_bytes"))).isGreaterThan(20_000);
            assertThat(pair.replica.log()).contains("MASTER <-> REPLICA sync: Finished with success");
            if (diskless.equals("yes")) {
                assertThat(pair.replica.log()).contains("MASTER <-> REPLICA sync: receiving streamed RDB from master");
            }

            writeManyKinds(m, pair.master.port());
            pair.awaitInSync();
            assertThat(pair.r.get("counter")).isEqualTo("11");
            assertThat(pair.r.exists("short-lived")).isFalse();
            pair.r.select(7);
            assertThat(pair.r.get("in7")).isEqualTo("seven");
        }
    }

    /** Writes of every propagation shape: rewrites, expiry as DEL, transactions, other databases, a served BLPOP. */
    static void writeManyKinds(Jedis m, int port) throws Exception {
        m.set("ex", "v", SetParams.setParams().ex(1000));
        m.set("counter", "10");
        m.incr("counter");
        m.incrByFloat("float", 1.5);
        m.rpush("list", "a", "b", "c");
        m.lpop("list");
        m.hset("hash", Map.of("f", "v", "g", "w"));
        m.hincrByFloat("hash", "n", 2.25);
        m.zadd("zset", 1.0, "one");
        m.zincrby("zset", 2.0, "two");
        m.sadd("set", "1", "2", "3", "4");
        m.spop("set");
        m.xadd("stream", StreamEntryID.NEW_ENTRY, Map.of("x", "y"));
        m.expire("list", 500);
        m.set("short-lived", "v");
        m.pexpire("short-lived", 1);
        Thread.sleep(20);
        m.get("short-lived"); // lazily expired: propagated as DEL
        m.set("actively-expired", "v", SetParams.setParams().px(1)); // left to the active expiry cycle
        Transaction tx = m.multi();
        tx.set("tx1", "a");
        tx.incr("tx2");
        tx.exec();
        m.select(7);
        m.set("in7", "seven");
        m.select(0);
        m.set("to-flush-db", "x");
        try (Jedis blocked = new Jedis("127.0.0.1", port)) {
            Thread waiter = new Thread(() -> blocked.blpop(5, "queue"));
            waiter.start();
            Thread.sleep(100);
            m.rpush("queue", "job");
            waiter.join(5000);
        }
        m.select(9);
        m.set("gone", "x");
        m.flushDB();
        m.select(0);
    }

    @org.junit.jupiter.api.Test
    void disklessSyncStartsWithoutItsDelayOnceMaxReplicasWait(@TempDir Path ours, @TempDir Path theirs)
            throws Exception {
        try (RealReplicaOfOurs pair = new RealReplicaOfOurs(ours, theirs, List.of("--repl-diskless-sync-delay", "60",
                "--repl-diskless-sync-max-replicas", "1"))) {
            pair.m.set("k", "v");
            pair.attach().awaitInSync();
            assertThat(pair.r.get("k")).isEqualTo("v");
            // the replica is not a client in INFO clients
            assertThat(RealReplicaOfOurs.info(pair.m, "clients").get("connected_clients")).isEqualTo("1");
        }
    }

    @ParameterizedTest(name = "repl-diskless-sync {0}")
    @ValueSource(strings = {"yes", "no"})
    void flushallAfterTheSyncEmptiesTheReplica(String diskless, @TempDir Path ours, @TempDir Path theirs)
            throws Exception {
        try (RealReplicaOfOurs pair = new RealReplicaOfOurs(ours, theirs, List.of("--repl-diskless-sync", diskless))) {
            pair.m.set("k", "v");
            pair.attach().awaitInSync();
            pair.m.flushAll();
            pair.m.set("after", "1");
            pair.awaitInSync();
            assertThat(pair.r.dbSize()).isEqualTo(1);
        }
    }
}
