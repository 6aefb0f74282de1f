package dev.verdict.server.replication.master;

import dev.verdict.server.persistence.RealRedis;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.exceptions.JedisDataException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** WAIT, ROLE, INFO replication and min-replicas-to-write on our master, shaped as a real master's. */
class WaitRoleInfoTest {

    @BeforeAll
    static void needsRedis() {
        Assumptions.assumeTrue(RealRedis.available(), "redis-server is not installed");
    }

    @Test
    void waitCountsTheReplicaThatAcknowledgedTheWrite(@TempDir Path ours, @TempDir Path theirs) throws Exception {
        try (RealReplicaOfOurs pair = new RealReplicaOfOurs(ours, theirs, List.of()).attach()) {
            pair.awaitInSync();
            pair.m.set("k", "v");
            assertThat(pair.m.waitReplicas(1, 5000)).isEqualTo(1);
            long start = System.nanoTime();
            assertThat(pair.m.waitReplicas(2, 200)).isEqualTo(1);
            assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(190);
            // inside MULTI it cannot block: the count at once
            Transaction tx = pair.m.multi();
            tx.set("k2", "v");
            tx.waitReplicas(5, 0);
            assertThat(tx.exec().get(1)).isEqualTo(1L);
        }
    }

    @Test
    void roleListsTheReplicaWithItsPortAndAcknowledgedOffset(@TempDir Path ours, @TempDir Path theirs) throws Exception {
        try (RealReplicaOfOurs pair = new RealReplicaOfOurs(ours, theirs, List.of()).attach()) {
            pair.m.set("k", "v");
            pair.awaitInSync();
            RealReplicaOfOurs.eventually(() -> {
                List<Object> role = pair.m.role();
                long offset = Long.parseLong(RealReplicaOfOurs.info(pair.m, "replication").get("master_repl_offset"));
                assertThat(role.get(0)).isEqualTo("master");
                assertThat(role.get(1)).isEqualTo(offset);
                List<?> replicas = (List<?>) role.get(2);
                assertThat(replicas).hasSize(1);
                List<String> replica = ((List<?>) replicas.get(0)).stream()
                        .map(o -> o instanceof byte[] b ? new String(b) : String.valueOf(o)).toList();
                assertThat(replica).containsExactly("127.0.0.1", Integer.toString(pair.replica.port()),
                        Long.toString(offset));
            });
        }
    }

    @Test
    void infoReplicationHasTheFieldsOfARealMasterInItsOrder(@TempDir Path ours, @TempDir Path theirs,
                                                             @TempDir Path realMasterDir, @TempDir Path realReplicaDir)
            throws Exception {
        List<String> expected;
        try (RealRedis realMaster = new RealRedis(realMasterDir, "--repl-diskless-sync-delay", "0");
             RealRedis realReplica = new RealRedis(realReplicaDir, "--replicaof", "127.0.0.1",
                     Integer.toString(realMaster.port()));
             Jedis rm = realMaster.client()) {
            RealReplicaOfOurs.eventually(() -> assertThat(RealReplicaOfOurs.info(rm, "replication").get("slave0"))
                    .contains("state=online"));
            expected = shapes(rm.info("replication"));
            assertThat(RealReplicaOfOurs.info(rm, "stats")).containsKeys("sync_full", "sync_partial_ok", "sync_partial_err");
        }
        try (RealReplicaOfOurs pair = new RealReplicaOfOurs(ours, theirs, List.of()).attach()) {
            pair.awaitInSync();
            RealReplicaOfOurs.eventually(() -> assertThat(shapes(pair.m.info("replication"))).isEqualTo(expected));
            RealReplicaOfOurs.eventually(() -> {
                Map<String, String> i = RealReplicaOfOurs.info(pair.m, "replication");
                assertThat(i.get("slave0")).isEqualTo("ip=127.0.0.1,port=" + pair.replica.port()
                        + ",state=online,offset=" + i.get("master_repl_offset") + ",lag=0");
            });
            Map<String, String> info = RealReplicaOfOurs.info(pair.m, "replication");
            assertThat(info.get("repl_backlog_first_byte_offset")).isEqualTo("1");
            assertThat(info.get("repl_backlog_histlen")).isEqualTo(info.get("master_repl_offset"));
            assertThat(info.get("connected_slaves")).isEqualTo("1");
        }
    }

    @Test
    void replicasArePingedInTheStreamEveryPingPeriod(@TempDir Path ours, @TempDir Path theirs) throws Exception {
        try (RealReplicaOfOurs pair = new RealReplicaOfOurs(ours, theirs, List.of("--repl-ping-replica-period", "1"))
                .attach()) {
            pair.awaitInSync();
            long before = Long.parseLong(RealReplicaOfOurs.info(pair.m, "replication").get("master_repl_offset"));
            Thread.sleep(2100);
            long after = Long.parseLong(RealReplicaOfOurs.info(pair.m, "replication").get("master_repl_offset"));
            // each PING is "*1\r\n$4\r\nPING\r\n": 14 bytes of stream, in the backlog and at the replica
            assertThat(after - before).isGreaterThanOrEqualTo(28).matches(d -> d % 14 == 0, "a multiple of 14");
            pair.awaitInSync();
        }
    }

    /** Field names in order, with digits and hex ids masked: what must match between two masters. */
    private static List<String> shapes(String info) {
        List<String> out = new ArrayList<>();
        for (String line : info.split("\r\n")) {
            out.add(line.replaceAll("port=\\d+", "port=N").replaceAll("offset=\\d+", "offset=N")
                    .replaceAll(":[0-9a-f]{40}$", ":ID").replaceAll(":-?\\d+$", ":N"));
        }
        return out;
    }

    @Test
    void minReplicasToWriteRefusesWritesWithoutEnoughGoodReplicas(@TempDir Path ours, @TempDir Path theirs)
            throws Exception {
        try (RealReplicaOfOurs pair = new RealReplicaOfOurs(ours, theirs, List.of()).attach()) {
            pair.awaitInSync();
            pair.m.configSet("min-replicas-to-write", "2");
            assertThatThrownBy(() -> pair.m.set("x", "y")).isInstanceOf(JedisDataException.class)
                    .hasMessage("NOREPLICAS Not enough good replicas to write.");
            assertThat(pair.m.get("x")).isNull();
            Transaction tx = pair.m.multi();
            tx.set("x", "y");
            assertThatThrownBy(tx::exec).isInstanceOf(JedisDataException.class)
                    .hasMessage("EXECABORT Transaction discarded because of previous errors.");
            assertThat(RealReplicaOfOurs.info(pair.m, "replication").get("min_slaves_good_slaves"))
                    .as(pair.m.info("replication") + pair.m.configGet("min-*").toString()).isEqualTo("1");
            pair.m.configSet("min-slaves-to-write", "1");
            assertThat(pair.m.set("x", "y")).isEqualTo("OK");
        }
    }
}
