package dev.verdict.server.replication.master;

import dev.verdict.server.persistence.RealRedis;
import dev.verdict.server.testing.RespConnection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.verdict.server.replication.master.FailoverTest.acknowledgedEverything;
import static dev.verdict.server.testing.Await.until;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * SHUTDOWN on a master with a replica that lags (a real redis-server stopped with SIGSTOP): it
 * waits for the replica's ACK up to shutdown-timeout, pausing writes without blocking the loop,
 * unless NOW; SHUTDOWN ABORT ends the wait. Replies compared with a real master's.
 */
class ShutdownWithReplicasTest {

    @BeforeAll
    static void needsRedis() {
        assumeTrue(RealRedis.available(), "redis-server is not installed");
    }

    @Test
    void shutdownWaitsUntilTheLaggingReplicaAcknowledgedTheLastWrite(@TempDir Path ours, @TempDir Path theirs)
            throws Exception {
        try (RealReplicaOfOurs pair = new RealReplicaOfOurs(ours, theirs, List.of()).attach();
             RespConnection m = new RespConnection(pair.master.port());
             RespConnection shutdown = new RespConnection(pair.master.port());
             RespConnection writer = new RespConnection(pair.master.port())) {
            until(() -> acknowledgedEverything(m), "the replica to acknowledge the stream");
            pair.replica.suspend();
            m.call("SET", "last", "write");
            shutdown.send("SHUTDOWN");
            assertThat(shutdown.silentFor(400)).isTrue();
            // the loop goes on: reads are answered, writes held
            assertThat(m.call("GET", "last")).isEqualTo("$5\r\nwrite\r\n");
            writer.send("SET", "held", "x");
            assertThat(writer.silentFor(200)).isTrue();
            pair.replica.resume();
            // once the replica acknowledged everything the server exits: the connections close unanswered
            assertThat(shutdown.closedByServer()).isTrue();
            assertThat(pair.r.get("last")).isEqualTo("write");
            assertThat(pair.r.get("held")).isNull();
        }
    }

    @Test
    void shutdownNowDoesNotWait(@TempDir Path ours, @TempDir Path theirs) throws Exception {
        try (RealReplicaOfOurs pair = new RealReplicaOfOurs(ours, theirs, List.of()).attach();
             RespConnection m = new RespConnection(pair.master.port())) {
            until(() -> acknowledgedEverything(m), "the replica to acknowledge the stream");
            pair.replica.suspend();
            m.call("SET", "k", "v");
            long start = System.nanoTime();
            m.send("SHUTDOWN", "NOW");
            assertThat(m.closedByServer()).isTrue();
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1000);
        }
    }

    @Test
    void shutdownTimeoutEndsTheWaitWithoutTheReplica(@TempDir Path ours, @TempDir Path theirs) throws Exception {
        try (RealReplicaOfOurs pair = new RealReplicaOfOurs(ours, theirs, List.of("--shutdown-timeout", "1")).attach();
             RespConnection m = new RespConnection(pair.master.port())) {
            until(() -> acknowledgedEverything(m), "the replica to acknowledge the stream");
            pair.replica.suspend();
            m.call("SET", "k", "v");
            long start = System.nanoTime();
            m.send("SHUTDOWN");
            assertThat(m.silentFor(600)).isTrue();
            assertThat(m.closedByServer()).isTrue();
            assertThat((System.nanoTime() - start) / 1_000_000).isBetween(900L, 4000L);
        }
    }

    @Test
    void abortAnswersEveryWaitingShutdownAndReleasesWritesAsARealMaster(@TempDir Path a, @TempDir Path b,
                                                                          @TempDir Path c, @TempDir Path d)
            throws Exception {
        List<String> expected;
        try (RealRedis master = new RealRedis(a, "--repl-diskless-sync-delay", "0");
             RealRedis replica = new RealRedis(b, "--replicaof", "127.0.0.1", Integer.toString(master.port()))) {
            expected = abortConversation(master.port(), replica);
        }
        List<String> actual;
        try (RealReplicaOfOurs pair = new RealReplicaOfOurs(c, d, List.of()).attach()) {
            actual = abortConversation(pair.master.port(), pair.replica);
        }
        assertThat(actual).containsExactlyElementsOf(expected);
        assertThat(expected).contains("-ERR Errors trying to SHUTDOWN. Check logs.\r\n", "held");
    }

    private static List<String> abortConversation(int port, RealRedis replica) {
        List<String> replies = new ArrayList<>();
        try (RespConnection m = new RespConnection(port); RespConnection first = new RespConnection(port);
             RespConnection second = new RespConnection(port); RespConnection writer = new RespConnection(port)) {
            replies.add(m.call("SHUTDOWN", "ABORT"));
            replies.add(m.call("SHUTDOWN", "NOW", "ABORT"));
            replies.add(m.call("SHUTDOWN", "SAVE", "NOSAVE"));
            replies.add(m.call("SHUTDOWN", "LATER"));
            until(() -> acknowledgedEverything(m), "the replica to acknowledge the stream");
            replica.suspend();
            try {
                m.call("SET", "k", "v");
                first.send("SHUTDOWN");
                replies.add(first.silentFor(300) ? "waiting" : "answered: " + first.read());
                second.send("SHUTDOWN", "NOSAVE");
                replies.add(second.silentFor(100) ? "waiting" : "answered: " + second.read());
                writer.send("SET", "k", "v2");
                replies.add(writer.silentFor(100) ? "held" : "answered: " + writer.read());
                replies.add(m.call("SHUTDOWN", "ABORT"));
                replies.add(first.read());
                replies.add(second.read());
                replies.add(writer.read());
                replies.add(m.call("SHUTDOWN", "ABORT"));
                replies.add(m.call("GET", "k"));
            } finally {
                replica.resume();
            }
        }
        return replies;
    }
}
