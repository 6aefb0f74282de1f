package dev.verdict.server.replication.replica;

import dev.verdict.server.persistence.RealRedis;
import dev.verdict.server.testing.Info;
import dev.verdict.server.testing.RespConnection;
import dev.verdict.server.testing.ServerFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.verdict.server.replication.replica.SyncWait.caughtUp;
import static dev.verdict.server.replication.replica.SyncWait.info;
import static dev.verdict.server.testing.Await.until;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Our replica as the target of a real Redis 7.0.15 master's FAILOVER: the master's
 * {@code PSYNC <replid> <offset> FAILOVER} makes ours a master and the real one its replica,
 * continuing partially; refusals of PSYNC FAILOVER are a real server's.
 */
class FailoverTargetTest {

    @BeforeAll
    static void needsRedis() {
        assumeTrue(RealRedis.available(), "redis-server is not installed");
    }

    @Test
    void aRealMasterFailsOverToOurReplica(@TempDir Path theirs, @TempDir Path ours) {
        try (RealRedis master = new RealRedis(theirs, "--repl-diskless-sync-delay", "0");
             RespConnection m = new RespConnection(master.port());
             ServerFixture replica = new ServerFixture("--dir", ours.toString(), "--replicaof", "127.0.0.1",
                     Integer.toString(master.port()), "--enable-debug-command", "yes");
             RespConnection r = replica.connect()) {
            for (int i = 0; i < 100; i++) m.call("HSET", "h", "f" + i, "v" + i);
            m.call("SELECT", "2");
            m.call("SET", "in2", "x");
            caughtUp(m, r);
            until(() -> {
                Map<String, String> i = info(m);
                String slave0 = i.getOrDefault("slave0", "");
                return slave0.contains("state=online") && slave0.contains(",offset=" + i.get("master_repl_offset") + ",");
            }, "the master to see us online and our ACK");
            String ourReplid = info(r).get("master_replid");
            assertThat(m.call("FAILOVER", "TO", "127.0.0.1", Integer.toString(replica.port()))).isEqualTo("+OK\r\n");
            until(() -> "up".equals(info(m).get("master_link_status")), "the real master to follow ours");
            Map<String, String> ourInfo = info(r);
            assertThat(ourInfo).containsEntry("role", "master").containsEntry("connected_slaves", "1")
                    .containsEntry("master_replid2", ourReplid);
            assertThat(info(m)).containsEntry("role", "slave").containsEntry("master_port", Integer.toString(replica.port()))
                    .containsEntry("master_failover_state", "no-failover")
                    .containsEntry("master_replid", ourInfo.get("master_replid"));
            assertThat(stat(r, "sync_partial_ok")).isEqualTo("1");
            assertThat(stat(r, "sync_full")).isEqualTo("0");
            r.call("SELECT", "2");
            r.call("SET", "written", "by-ours");
            until(() -> "$7\r\nby-ours\r\n".equals(m.call("GET", "written")), "our write to reach the old master");
            assertThat(m.call("DEBUG", "DIGEST")).isEqualTo(r.call("DEBUG", "DIGEST"));
        }
    }

    @Test
    void psyncFailoverRefusalsAreARealServers(@TempDir Path a, @TempDir Path b, @TempDir Path c, @TempDir Path d) {
        List<String> expected = new ArrayList<>();
        try (RealRedis master = new RealRedis(a, "--repl-diskless-sync-delay", "0");
             RealRedis realReplica = new RealRedis(b, "--replicaof", "127.0.0.1", Integer.toString(master.port()))) {
            expected.addAll(refusals(master.port(), realReplica.port()));
            try (ServerFixture ourMaster = new ServerFixture("--dir", c.toString())) {
                List<String> actual = new ArrayList<>();
                try (ServerFixture ourReplica = new ServerFixture("--dir", d.toString(), "--replicaof", "127.0.0.1", Integer.toString(master.port()))) {
                    actual.addAll(refusals(ourMaster.port(), ourReplica.port()));
                }
                assertThat(actual).containsExactlyElementsOf(expected);
            }
        }
        assertThat(expected).contains("-ERR PSYNC FAILOVER can't be sent to a master.\r\n",
                "-ERR PSYNC FAILOVER replid must match my replid.\r\n");
    }

    private static List<String> refusals(int masterPort, int replicaPort) {
        List<String> replies = new ArrayList<>();
        try (RespConnection m = new RespConnection(masterPort); RespConnection r = new RespConnection(replicaPort)) {
            until(() -> "up".equals(info(r).get("master_link_status")), "the replica's link");
            replies.add(m.call("PSYNC", "0123456789012345678901234567890123456789", "1", "FAILOVER"));
            replies.add(r.call("PSYNC", "0123456789012345678901234567890123456789", "1", "FAILOVER"));
            replies.add(r.call("FAILOVER"));
            replies.add(r.call("FAILOVER", "ABORT"));
            replies.add(info(r).get("role"));
        }
        return replies;
    }

    private static String stat(RespConnection c, String name) {
        return Info.section(c, "stats").get(name);
    }
}
