package dev.verdict.server.replication.replica;

import dev.verdict.server.persistence.RealRedis;
import dev.verdict.server.testing.RespConnection;
import dev.verdict.server.testing.ServerFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.verdict.server.testing.Info.stat;
import static dev.verdict.server.replication.replica.SyncWait.caughtUp;
import static dev.verdict.server.replication.replica.SyncWait.info;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A replica restarted from its own RDB continues its master's stream partially, in the database
 * the stream was in when it saved (the RDB's repl-id, repl-offset and repl-stream-db).
 */
class ReplicaRestartTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void redisInstalled() {
        assumeTrue(RealRedis.available(), "redis-server is not installed");
    }

    @Test
    void aRestartedReplicaContinuesFromItsRdbInTheStreamsDatabase() throws Exception {
        Path replicaDir = Files.createDirectories(dir.resolve("replica"));
        try (RealRedis master = new RealRedis(Files.createDirectories(dir.resolve("master")),
                "--repl-diskless-sync-delay", "0");
             RespConnection m = new RespConnection(master.port())) {
            String[] args = {"--dir", replicaDir.toString(), "--enable-debug-command", "yes",
                    "--replicaof", "127.0.0.1 " + master.port()};
            m.call("SET", "in-db-0", "a");
            m.call("SELECT", "3");
            m.call("SET", "in-db-3", "b");
            try (ServerFixture replica = new ServerFixture(args); RespConnection r = replica.connect()) {
                caughtUp(m, r);
                assertThat(r.call("SAVE")).isEqualTo("+OK\r\n");
            }
            // the master's stream is still in database 3: what follows comes without a SELECT
            m.call("SET", "while-down", "c");
            m.call("INCR", "counter");
            long fullBefore = stat(m, "sync_full");
            long partialBefore = stat(m, "sync_partial_ok");
            try (ServerFixture replica = new ServerFixture(args); RespConnection r = replica.connect()) {
                caughtUp(m, r);
                assertThat(stat(m, "sync_partial_ok")).isEqualTo(partialBefore + 1);
                assertThat(stat(m, "sync_full")).isEqualTo(fullBefore);
                r.call("SELECT", "3");
                assertThat(r.call("GET", "while-down")).isEqualTo("$1\r\nc\r\n");
                assertThat(r.call("DEBUG", "DIGEST")).isEqualTo(m.call("DEBUG", "DIGEST"));
                assertThat(info(r).get("master_replid")).isEqualTo(info(m).get("master_replid"));
            }
        }
    }

    @Test
    void aMasterWithoutReplicasSavesNoReplicationInfo() throws Exception {
        try (ServerFixture ours = new ServerFixture("--dir", dir.toString()); RespConnection c = ours.connect()) {
            c.call("SET", "k", "v");
            assertThat(c.call("SAVE")).isEqualTo("+OK\r\n");
        }
        String rdb = new String(Files.readAllBytes(dir.resolve("dump.rdb")), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(rdb).contains("redis-ver").doesNotContain("repl-id").doesNotContain("repl-stream-db");
    }
}
