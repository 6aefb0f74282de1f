package dev.verdict.server.replication.replica;

import dev.verdict.server.persistence.RealRedis;
import dev.verdict.server.testing.RespConnection;
import dev.verdict.server.testing.ServerFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static dev.verdict.server.replication.replica.SyncWait.caughtUp;
import static dev.verdict.server.replication.replica.SyncWait.info;
import static dev.verdict.server.testing.Await.until;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real Redis 7.0.15 replica and ours, side by side on the same real master: the replies a
 * replica gives of its own (REPLICAOF, READONLY, MASTERDOWN, ROLE, INFO replication) must match.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplicaRepliesTest {

    private RealRedis master;
    private RealRedis realReplica;
    private ServerFixture ours;
    private RespConnection m;
    private RespConnection real;
    private RespConnection our;

    @BeforeAll
    void start() throws Exception {
        assumeTrue(RealRedis.available(), "redis-server is not installed");
        master = new RealRedis(Files.createTempDirectory("verdict-master"), "--repl-diskless-sync-delay", "0");
        realReplica = new RealRedis(Files.createTempDirectory("verdict-real-replica"));
        Path ourDir = Files.createTempDirectory("verdict-our-replica");
        ours = new ServerFixture("--dir", ourDir.toString());
        m = new RespConnection(master.port());
        real = new RespConnection(realReplica.port());
        our = ours.connect();
        follow(real);
        follow(our);
    }

    private void follow(RespConnection replica) {
        replica.call("REPLICAOF", "127.0.0.1", Integer.toString(master.port()));
        caughtUp(m, replica);
    }

    @AfterAll
    void stop() {
        if (m != null) m.close();
        if (real != null) real.close();
        if (ours != null) ours.close();
        if (realReplica != null) realReplica.close();
        if (master != null) master.close();
    }

    /** Both replicas answer each command byte for byte alike. */
    private void sameReplies(String[]... commands) {
        for (String[] command : commands) {
            assertThat(our.call(command)).as(String.join(" ", command)).isEqualTo(real.call(command));
        }
    }

    @Test
    void configGetReplicaofShowsTheCurrentMaster() {
        sameReplies(new String[] {"CONFIG", "GET", "replicaof"}, new String[] {"CONFIG", "GET", "slaveof"});
        assertThat(our.call("CONFIG", "GET", "replicaof")).contains("127.0.0.1 " + master.port());
    }

    @Test
    void writesFromClientsAreRefusedAsReadOnly() {
        sameReplies(
                new String[] {"SET", "k", "v"},
                new String[] {"INCR", "n"},
                new String[] {"DEL", "k"},
                new String[] {"GET", "k"},
                new String[] {"MULTI"},
                new String[] {"SET", "k", "v"},
                new String[] {"GET", "k"},
                new String[] {"EXEC"},
                new String[] {"PING"});
    }

    @Test
    void replicaofRepliesAndErrorsMatch() {
        String port = Integer.toString(master.port());
        sameReplies(
                new String[] {"REPLICAOF", "127.0.0.1", port},
                new String[] {"SLAVEOF", "127.0.0.1", port},
                new String[] {"REPLICAOF", "127.0.0.1", "-1"},
                new String[] {"REPLICAOF", "127.0.0.1", "65536"},
                new String[] {"REPLICAOF", "127.0.0.1", "port"},
                new String[] {"REPLICAOF", "no", "two"},
                new String[] {"REPLICAOF", "127.0.0.1"},
                new String[] {"REPLICAOF", "a", "b", "c"},
                // not refused inside MULTI: queued, and run by EXEC
                new String[] {"MULTI"},
                new String[] {"REPLICAOF", "NO", "ONE"},
                new String[] {"EXEC"},
                new String[] {"CONFIG", "GET", "replicaof"},
                new String[] {"REPLICAOF", "NO", "ONE"},
                new String[] {"CONFIG", "GET", "slaveof"},
                new String[] {"CONFIG", "SET", "replicaof", "127.0.0.1 " + port},
                new String[] {"CONFIG", "SET", "slaveof", "127.0.0.1 " + port});
        follow(our);
        follow(real);
    }

    @Test
    void infoReplicationAndRoleHaveTheRealReplicasShape() {
        caughtUp(m, our);
        caughtUp(m, real);
        Map<String, String> ourInfo = info(our);
        Map<String, String> realInfo = info(real);
        assertThat(new ArrayList<>(ourInfo.keySet())).isEqualTo(new ArrayList<>(realInfo.keySet()));
        for (String same : List.of("role", "master_host", "master_port", "master_link_status", "master_sync_in_progress",
                "slave_priority", "slave_read_only", "replica_announced", "master_replid")) {
            assertThat(ourInfo.get(same)).as(same).isEqualTo(realInfo.get(same));
        }
        // the offsets agree once both have applied the master's latest PING, which may fall between two reads
        until(() -> our.call("ROLE").equals(real.call("ROLE")), "the same ROLE on both replicas");
    }

    @Test
    void staleDataRulesMatchWhileTheLinkIsDown() {
        List<RespConnection> both = List.of(our, real);
        String deadPort = Integer.toString(deadPort());
        for (RespConnection c : both) {
            c.call("CONFIG", "SET", "replica-serve-stale-data", "no");
            c.call("REPLICAOF", "127.0.0.1", deadPort);
        }
        try {
            until(() -> "connect".equals(roleState(our)) && "connect".equals(roleState(real)), "both links down");
            Map<String, String> ourInfo = info(our);
            Map<String, String> realInfo = info(real);
            assertThat(new ArrayList<>(ourInfo.keySet())).isEqualTo(new ArrayList<>(realInfo.keySet()));
            assertThat(ourInfo.get("master_link_status")).isEqualTo("down");
            sameReplies(
                    new String[] {"GET", "k"},
                    new String[] {"SET", "k", "v"},
                    new String[] {"PING"},
                    new String[] {"ECHO", "x"},
                    new String[] {"DBSIZE"},
                    new String[] {"SELECT", "1"},
                    new String[] {"SELECT", "0"},
                    new String[] {"CONFIG", "GET", "replica-serve-stale-data"},
                    new String[] {"MULTI"},
                    new String[] {"GET", "k"},
                    new String[] {"EXEC"},
                    new String[] {"MULTI"},
                    new String[] {"ECHO", "x"},
                    new String[] {"EXEC"},
                    new String[] {"ROLE"});
        } finally {
            for (RespConnection c : both) {
                c.call("CONFIG", "SET", "replica-serve-stale-data", "yes");
                follow(c);
            }
        }
    }

    private static String roleState(RespConnection c) {
        String[] lines = c.call("ROLE").split("\r\n");
        return lines[lines.length - 2];
    }

    private static int deadPort() {
        try {
            return RealRedis.freePort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void expiredKeysStayOnTheReplicaUntilTheMastersDel() throws Exception {
        m.call("FLUSHALL");
        m.call("DEBUG", "SET-ACTIVE-EXPIRE", "0");
        try {
            m.call("SET", "short-lived", "v", "PX", "300");
            caughtUp(m, our);
            caughtUp(m, real);
            Thread.sleep(400);
            // logically expired: hidden from clients, but only the master deletes it
            sameReplies(
                    new String[] {"GET", "short-lived"},
                    new String[] {"EXISTS", "short-lived"},
                    new String[] {"TTL", "short-lived"},
                    new String[] {"KEYS", "*"},
                    new String[] {"SCAN", "0"},
                    // every key has a TTL: after 100 tries a replica returns one that may have expired
                    new String[] {"RANDOMKEY"},
                    new String[] {"DBSIZE"});
            assertThat(our.call("DBSIZE")).isEqualTo(":1\r\n");
            // the master's lazy expiry sends DEL
            m.call("GET", "short-lived");
            caughtUp(m, our);
            caughtUp(m, real);
            sameReplies(new String[] {"DBSIZE"});
            assertThat(our.call("DBSIZE")).isEqualTo(":0\r\n");
        } finally {
            m.call("DEBUG", "SET-ACTIVE-EXPIRE", "1");
        }
    }

    @Test
    void infoAndRoleDuringATransferHaveTheRealReplicasShape() throws Exception {
        // a disk-based BGSAVE slowed to 50 ms a key: both replicas wait in the transfer, fed keepalive newlines
        try (RealRedis slowMaster = new RealRedis(Files.createTempDirectory("verdict-slow-master"),
                "--repl-diskless-sync", "no", "--rdb-key-save-delay", "50000");
             RespConnection slow = new RespConnection(slowMaster.port())) {
            for (int i = 0; i < 40; i++) slow.call("SET", "key-" + i, "v");
            try {
                for (RespConnection c : List.of(our, real)) c.call("REPLICAOF", "127.0.0.1", Integer.toString(slowMaster.port()));
                until(() -> "sync".equals(roleState(our)) && "sync".equals(roleState(real)), "both replicas in the transfer");
                Map<String, String> ourInfo = info(our);
                Map<String, String> realInfo = info(real);
                assertThat(new ArrayList<>(ourInfo.keySet())).isEqualTo(new ArrayList<>(realInfo.keySet()));
                for (String same : List.of("master_link_status", "master_sync_in_progress", "master_sync_total_bytes",
                        "master_sync_read_bytes", "master_sync_left_bytes", "master_sync_perc")) {
                    assertThat(ourInfo.get(same)).as(same).isEqualTo(realInfo.get(same));
                }
                assertThat(our.call("ROLE")).isEqualTo(real.call("ROLE"));
            } finally {
                // leaving in the middle of the transfer abandons it
                follow(our);
                follow(real);
            }
        }
    }

    @Test
    void theMasterClientIsListedWithFlagM() {
        String list = our.call("CLIENT", "LIST", "TYPE", "master");
        assertThat(Pattern.compile("flags=M ").matcher(list).find()).isTrue();
        assertThat(our.call("CLIENT", "LIST", "TYPE", "normal")).doesNotContain("flags=M");
    }
}
