package dev.verdict.server.replication.master;

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

import static dev.verdict.server.testing.Await.until;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * FAILOVER on our master, against a real Redis 7.0.15 master doing the same: the replies of
 * every refusal, the waiting state with writes paused, ABORT, TIMEOUT with and without FORCE,
 * and the handoff to a real replica and to one of ours.
 */
class FailoverTest {

    @BeforeAll
    static void needsRedis() {
        assumeTrue(RealRedis.available(), "redis-server is not installed");
    }

    @Test
    void refusalsWaitingAndAbortAreARealMastersByteForByte(@TempDir Path a, @TempDir Path b, @TempDir Path c,
                                                          @TempDir Path d) throws Exception {
        List<String> expected = new ArrayList<>();
        try (RealRedis master = new RealRedis(a, "--repl-diskless-sync-delay", "0")) {
            expected.addAll(refusalsWithoutReplicas(master.port()));
            try (RealRedis replica = new RealRedis(b, "--replicaof", "127.0.0.1", Integer.toString(master.port()))) {
                expected.addAll(conversationWithLaggingReplica(master.port(), replica));
            }
        }
        List<String> actual = new ArrayList<>();
        try (RealReplicaOfOurs pair = new RealReplicaOfOurs(c, d, List.of())) {
            actual.addAll(refusalsWithoutReplicas(pair.master.port()));
            pair.attach();
            actual.addAll(conversationWithLaggingReplica(pair.master.port(), pair.replica));
        }
        assertThat(actual).containsExactlyElementsOf(expected);
        assertThat(expected).contains("-ERR FAILOVER already in progress.\r\n", "state:waiting-for-sync", "held");
    }

    private static List<String> refusalsWithoutReplicas(int port) {
        List<String> replies = new ArrayList<>();
        try (RespConnection c = new RespConnection(port)) {
            for (String[] cmd : new String[][]{{"FAILOVER"}, {"FAILOVER", "ABORT"}, {"FAILOVER", "TO", "127.0.0.1", "1"},
                    {"FAILOVER", "FORCE"}, {"FAILOVER", "TIMEOUT", "0"}, {"FAILOVER", "TIMEOUT", "-1"},
                    {"FAILOVER", "TIMEOUT", "abc"}, {"FAILOVER", "TO", "x", "abc"}, {"FAILOVER", "TO", "x"},
                    {"FAILOVER", "foo"}, {"FAILOVER", "ABORT", "x"}, {"FAILOVER", "TIMEOUT", "10", "TIMEOUT", "10"},
                    {"FAILOVER", "FORCE", "FORCE"}, {"FAILOVER", "TO", "x", "1", "TO", "x", "1"},
                    {"FAILOVER", "TO", "x", "1", "TIMEOUT", "5", "FORCE", "ABORT"}}) {
                replies.add(String.join(" ", cmd) + " -> " + c.call(cmd));
            }
        }
        return replies;
    }

    private static List<String> conversationWithLaggingReplica(int masterPort, RealRedis replica) {
        List<String> replies = new ArrayList<>();
        try (RespConnection m = new RespConnection(masterPort); RespConnection writer = new RespConnection(masterPort)) {
            m.call("SET", "k", "v");
            until(() -> acknowledgedEverything(m), "the replica to acknowledge the stream");
            String port = Integer.toString(replica.port());
            for (String[] cmd : new String[][]{{"FAILOVER", "FORCE"}, {"FAILOVER", "TIMEOUT", "100", "FORCE"},
                    {"FAILOVER", "TO", "127.0.0.1", "1"}, {"FAILOVER", "TO", "127.0.0.1", port, "FORCE"},
                    {"FAILOVER", "TO", "localhost", port}}) {
                replies.add(String.join(" ", cmd).replace(port, "<port>") + " -> " + m.call(cmd));
            }
            replica.suspend();
            try {
                m.call("SET", "k", "v2");
                replies.add(m.call("FAILOVER", "TIMEOUT", "60000"));
                replies.add("state:" + info(m).get("master_failover_state"));
                replies.add(m.call("FAILOVER"));
                replies.add(m.call("FAILOVER", "TO", "127.0.0.1", port));
                replies.add(m.call("REPLICAOF", "127.0.0.1", "1"));
                replies.add(m.call("GET", "k"));
                writer.send("SET", "k", "v3");
                replies.add(writer.silentFor(300) ? "held" : "answered: " + writer.read());
                replies.add(m.call("FAILOVER", "ABORT"));
                replies.add("after abort: " + writer.read());
                replies.add("state:" + info(m).get("master_failover_state"));
                replies.add(m.call("FAILOVER", "ABORT"));
                replies.add(info(m).get("role"));
            } finally {
                replica.resume();
            }
        }
        return replies;
    }

    @Test
    void timeoutWithoutForceLeavesAMasterAndReleasesTheHeldWrite(@TempDir Path ours, @TempDir Path theirs)
            throws Exception {
        try (RealReplicaOfOurs pair = new RealReplicaOfOurs(ours, theirs, List.of()).attach();
             RespConnection m = new RespConnection(pair.master.port());
             RespConnection writer = new RespConnection(pair.master.port())) {
            until(() -> acknowledgedEverything(m), "the replica to acknowledge the stream");
            pair.replica.suspend();
            m.call("SET", "k", "v");
            m.call("SET", "short-lived", "v", "PX", "50");
            assertThat(m.call("FAILOVER", "TIMEOUT", "600")).isEqualTo("+OK\r\n");
            String offset = info(m).get("master_repl_offset");
            writer.send("SET", "k", "v2");
            assertThat(writer.silentFor(150)).isTrue();
            // while paused the dataset stays as it is: the expired key is hidden, not deleted, and nothing is propagated
            assertThat(m.call("GET", "short-lived")).isEqualTo("$-1\r\n");
            assertThat(m.call("DBSIZE")).isEqualTo(":2\r\n");
            assertThat(info(m).get("master_repl_offset")).isEqualTo(offset);
            // the timeout ends the failover: the write goes through on a master that stayed one
            assertThat(writer.read()).isEqualTo("+OK\r\n");
            assertThat(info(m)).containsEntry("role", "master").containsEntry("master_failover_state", "no-failover");
            assertThat(m.call("GET", "k")).isEqualTo("$2\r\nv2\r\n");
        }
    }

    @Test
    void forcedTimeoutHandsOffAndAbortMakesAMasterAgain(@TempDir Path ours, @TempDir Path theirs) throws Exception {
        try (RealReplicaOfOurs pair = new RealReplicaOfOurs(ours, theirs, List.of()).attach();
             RespConnection m = new RespConnection(pair.master.port());
             RespConnection writer = new RespConnection(pair.master.port())) {
            until(() -> acknowledgedEverything(m), "the replica to acknowledge the stream");
            pair.replica.suspend();
            m.call("SET", "k", "v");
            String port = Integer.toString(pair.replica.port());
            assertThat(m.call("FAILOVER", "TO", "127.0.0.1", port, "TIMEOUT", "300", "FORCE")).isEqualTo("+OK\r\n");
            // past the timeout it fails over anyway; the suspended target never answers the PSYNC
            until(() -> "failover-in-progress".equals(info(m).get("master_failover_state")), "the forced handoff");
            assertThat(info(m)).containsEntry("role", "slave").containsEntry("master_port", port);
            // a replica refuses writes before the pause could hold them (processCommand's order)
            assertThat(writer.call("SET", "k", "v2")).isEqualTo("-READONLY You can't write against a read only replica.\r\n");
            assertThat(m.call("FAILOVER", "ABORT")).isEqualTo("+OK\r\n");
            assertThat(writer.call("SET", "k", "v3")).isEqualTo("+OK\r\n");
            assertThat(info(m)).containsEntry("role", "master").containsEntry("master_failover_state", "no-failover");
        }
    }

    @Test
    void failoverToARealReplicaMakesItMasterAndUsItsReplica(@TempDir Path ours, @TempDir Path theirs)
            throws Exception {
        try (RealReplicaOfOurs pair = new RealReplicaOfOurs(ours, theirs, List.of()).attach();
             RespConnection m = new RespConnection(pair.master.port());
             RespConnection r = new RespConnection(pair.replica.port());
             RespConnection writer = new RespConnection(pair.master.port())) {
            for (int i = 0; i < 100; i++) m.call("SET", "k" + i, "v" + i);
            pair.awaitInSync();
            assertThat(m.call("FAILOVER")).isEqualTo("+OK\r\n");
            // held while waiting for the replica, refused once this server follows it
            assertThat(writer.call("SET", "late", "x")).isEqualTo("-READONLY You can't write against a read only replica.\r\n");
            until(() -> "up".equals(info(m).get("master_link_status")), "ours to follow the new master");
            Map<String, String> ourInfo = info(m);
            assertThat(ourInfo).containsEntry("role", "slave").containsEntry("master_port", Integer.toString(pair.replica.port()))
                    .containsEntry("master_failover_state", "no-failover");
            Map<String, String> theirInfo = info(r);
            assertThat(theirInfo).containsEntry("role", "master").containsEntry("connected_slaves", "1");
            assertThat(theirInfo.get("master_replid2")).isEqualTo(ourInfo.get("master_replid2"));
            // the old master continued partially from the target's new history
            assertThat(RealReplicaOfOurs.info(pair.r, "stats")).containsEntry("sync_partial_ok", "1")
                    .containsEntry("sync_full", "0");
            r.call("SET", "after", "failover");
            until(() -> "$8\r\nfailover\r\n".equals(m.call("GET", "after")), "the new master's write to reach ours");
            assertThat(RealReplicaOfOurs.digest(pair.m)).isEqualTo(RealReplicaOfOurs.digest(pair.r));
        }
    }

    @Test
    void failoverBetweenTwoOfOursSwapsTheirRoles(@TempDir Path a, @TempDir Path b) {
        try (ServerFixture master = new ServerFixture("--dir", a.toString(), "--repl-diskless-sync-delay", "0",
                "--enable-debug-command", "yes");
             ServerFixture replica = new ServerFixture("--dir", b.toString(), "--replicaof", "127.0.0.1",
                     Integer.toString(master.port()), "--enable-debug-command", "yes");
             RespConnection m = master.connect();
             RespConnection r = replica.connect()) {
            for (int i = 0; i < 50; i++) m.call("RPUSH", "list", "e" + i);
            until(() -> acknowledgedEverything(m), "our replica to acknowledge the stream");
            String port = Integer.toString(replica.port());
            assertThat(m.call("FAILOVER", "TO", "127.0.0.1", port, "TIMEOUT", "5000")).isEqualTo("+OK\r\n");
            until(() -> "up".equals(info(m).get("master_link_status")), "the old master to follow the new one");
            assertThat(info(r)).containsEntry("role", "master").containsEntry("master_failover_state", "no-failover");
            assertThat(info(m)).containsEntry("role", "slave").containsEntry("master_port", port);
            assertThat(stat(r, "sync_partial_ok")).isEqualTo("1");
            r.call("RPUSH", "list", "new");
            until(() -> ":51\r\n".equals(m.call("LLEN", "list")), "the new master's write to reach the old one");
            assertThat(m.call("DEBUG", "DIGEST")).isEqualTo(r.call("DEBUG", "DIGEST"));
        }
    }

    // ---- helpers

    static boolean acknowledgedEverything(RespConnection master) {
        Map<String, String> i = info(master);
        String slave0 = i.get("slave0");
        return slave0 != null && slave0.contains("state=online")
                && slave0.contains(",offset=" + i.get("master_repl_offset") + ",");
    }

    static Map<String, String> info(RespConnection c) {
        return Info.section(c, "replication");
    }

    static String stat(RespConnection c, String name) {
        return Info.section(c, "stats").get(name);
    }
}
