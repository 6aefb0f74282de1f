package dev.verdict.server.replication.master;

import dev.verdict.server.persistence.RealRedis;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.args.ClientType;
import redis.clients.jedis.params.ClientKillParams;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A replica whose link dropped continues from our backlog (+CONTINUE), unless its offset has left it. */
class PartialResyncTest {

    @BeforeAll
    static void needsRedis() {
        Assumptions.assumeTrue(RealRedis.available(), "redis-server is not installed");
    }

    @Test
    void linkDroppedByUsContinuesFromTheBacklog(@TempDir Path ours, @TempDir Path theirs) throws Exception {
        try (RealReplicaOfOurs pair = new RealReplicaOfOurs(ours, theirs, List.of()).attach()) {
            pair.m.set("before", "1");
            pair.awaitInSync();
            assertThat(pair.m.clientKill(ClientKillParams.clientKillParams().type(ClientType.REPLICA))).isEqualTo(1);
            for (int i = 0; i < 100; i++) pair.m.rpush("after", Integer.toString(i));
            pair.awaitInSync();
            Map<String, String> stats = RealReplicaOfOurs.info(pair.m, "stats");
            assertThat(stats.get("sync_full")).isEqualTo("1");
            assertThat(stats.get("sync_partial_ok")).isEqualTo("1");
            assertThat(pair.replica.log()).contains("Successful partial resynchronization with master.");
            assertThat(pair.r.llen("after")).isEqualTo(100);
        }
    }

    @Test
    void linkDroppedByTheReplicaContinuesFromTheBacklog(@TempDir Path ours, @TempDir Path theirs) throws Exception {
        try (RealReplicaOfOurs pair = new RealReplicaOfOurs(ours, theirs, List.of()).attach()) {
            pair.m.set("before", "1");
            pair.awaitInSync();
            assertThat(pair.r.clientKill(ClientKillParams.clientKillParams().type(ClientType.MASTER))).isEqualTo(1);
            pair.m.set("after", "2");
            pair.awaitInSync();
            assertThat(RealReplicaOfOurs.info(pair.m, "stats").get("sync_partial_ok")).isEqualTo("1");
            assertThat(pair.replica.log()).contains("MASTER <-> REPLICA sync: Master accepted a Partial Resynchronization.");
        }
    }

    @Test
    void afterAnIdShiftAReplicaOfTheOldHistoryContinuesUnderTheNewId(@TempDir Path ours, @TempDir Path theirs)
            throws Exception {
        try (RealReplicaOfOurs pair = new RealReplicaOfOurs(ours, theirs, List.of()).attach()) {
            pair.m.set("before", "1");
            pair.awaitInSync();
            String oldId = RealReplicaOfOurs.info(pair.m, "replication").get("master_replid");
            // what a promotion does (shiftReplicationId, then disconnectSlaves)
            dev.verdict.server.ServerContext ctx = dev.verdict.server.ServerInternals.context(pair.master.server());
            pair.master.server().runOnLoop(() -> {
                ctx.replication().shiftId();
                ctx.replicationMaster().disconnectReplicas();
            });
            Map<String, String> repl = RealReplicaOfOurs.info(pair.m, "replication");
            assertThat(repl.get("master_replid2")).isEqualTo(oldId);
            assertThat(repl.get("second_repl_offset")).isEqualTo(Long.parseLong(repl.get("master_repl_offset")) + 1 + "");
            pair.m.set("after", "2");
            pair.awaitInSync();
            assertThat(RealReplicaOfOurs.info(pair.m, "stats").get("sync_partial_ok")).isEqualTo("1");
            assertThat(RealReplicaOfOurs.info(pair.r, "replication").get("master_replid")).isEqualTo(repl.get("master_replid"));
            assertThat(pair.replica.log()).contains("Master replication ID changed to " + repl.get("master_replid"));
        }
    }

    @Test
    void offsetThatLeftTheBacklogNeedsAFullResync(@TempDir Path ours, @TempDir Path theirs) throws Exception {
        try (RealReplicaOfOurs pair = new RealReplicaOfOurs(ours, theirs, List.of("--repl-backlog-size", "16384"))
                .attach()) {
            pair.m.set("before", "1");
            pair.awaitInSync();
            // the link drops and more than the backlog holds is written before the replica can come back
            Transaction tx = pair.m.multi();
            tx.sendCommand(redis.clients.jedis.Protocol.Command.CLIENT, "KILL", "TYPE", "replica");
            tx.set("big", "x".repeat(100_000));
            tx.exec();
            pair.awaitInSync();
            Map<String, String> stats = RealReplicaOfOurs.info(pair.m, "stats");
            assertThat(stats.get("sync_full")).isEqualTo("2");
            assertThat(stats.get("sync_partial_ok")).isEqualTo("0");
            assertThat(stats.get("sync_partial_err")).isEqualTo("1");
            Map<String, String> repl = RealReplicaOfOurs.info(pair.m, "replication");
            assertThat(Long.parseLong(repl.get("repl_backlog_histlen"))).isEqualTo(16384);
            assertThat(pair.r.strlen("big")).isEqualTo(100_000);
        }
    }
}
