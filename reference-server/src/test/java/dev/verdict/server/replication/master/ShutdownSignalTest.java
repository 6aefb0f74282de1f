package dev.verdict.server.replication.master;

import dev.verdict.server.persistence.RealRedis;
import dev.verdict.server.testing.RespConnection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.verdict.server.replication.master.FailoverTest.acknowledgedEverything;
import static dev.verdict.server.testing.Await.until;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * SIGTERM to a reference-server process (its own JVM, started through Main) behaves as
 * redis-server's: the shutdown is scheduled, waits for a lagging replica, can be cancelled with
 * SHUTDOWN ABORT, and once it runs honours shutdown-on-sigterm (here: save).
 */
class ShutdownSignalTest {

    @BeforeAll
    static void needsRedis() {
        assumeTrue(RealRedis.available(), "redis-server is not installed");
    }

    @Test
    void sigtermWaitsForTheLaggingReplicaAndShutdownAbortCancelsIt(@TempDir Path ours, @TempDir Path theirs)
            throws Exception {
        int port = RealRedis.freePort();
        Path log = ours.resolve("server.log");
        Process server = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.verdict.server.Main",
                "--port", Integer.toString(port), "--bind", "127.0.0.1", "--dir", ours.toString(), "--save", "",
                "--repl-diskless-sync-delay", "0", "--shutdown-on-sigterm", "save"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            until(() -> {
                try (RespConnection c = new RespConnection(port)) {
                    return true;
                } catch (RuntimeException e) {
                    return false;
                }
            }, "the server to listen");
            try (RealRedis replica = new RealRedis(theirs, "--replicaof", "127.0.0.1", Integer.toString(port));
                 RespConnection m = new RespConnection(port)) {
                m.call("SET", "k", "v");
                until(() -> acknowledgedEverything(m), "the replica to acknowledge the stream");
                replica.suspend();
                m.call("SET", "k", "v2");
                server.destroy(); // SIGTERM
                until(() -> read(log).contains("Waiting for replicas before shutting down."), "the shutdown to wait");
                assertThat(read(log)).containsPattern("\\d+:signal-handler \\(\\d+\\) Received SIGTERM scheduling shutdown\\.\\.\\.");
                assertThat(server.isAlive()).isTrue();
                assertThat(m.call("GET", "k")).isEqualTo("$2\r\nv2\r\n");
                assertThat(m.call("SHUTDOWN", "ABORT")).isEqualTo("+OK\r\n");
                assertThat(server.waitFor(300, TimeUnit.MILLISECONDS)).isFalse();
                assertThat(m.call("SET", "after", "abort")).isEqualTo("+OK\r\n");
                server.destroy();
                until(() -> read(log).split("Waiting for replicas before shutting down.", -1).length == 3,
                        "the second shutdown to wait");
                replica.resume();
                assertThat(server.waitFor(10, TimeUnit.SECONDS)).isTrue();
                assertThat(server.exitValue()).isZero();
                assertThat(read(log)).contains("1 of 1 replicas are in sync when shutting down.",
                        "Saving the final RDB snapshot before exiting.");
                assertThat(ours.resolve("dump.rdb")).exists();
                try (var r = replica.client()) {
                    assertThat(r.get("after")).isEqualTo("abort");
                }
            }
        } finally {
            server.destroyForcibly().waitFor();
        }
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
