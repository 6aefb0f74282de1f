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
 * Our replica between two real servers: it passes its master's stream on to replicas of its
 * own, and keeps a backlog, so that after a promotion its former siblings continue partially.
 */
class ChainedReplicationTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void redisInstalled() {
        assumeTrue(RealRedis.available(), "redis-server is not installed");
    }

    private ServerFixture ours(Path where) {
        return new ServerFixture("--dir", where.toString(), "--enable-debug-command", "yes", "--repl-diskless-sync-delay", "0");
    }

    private static void writeSome(RespConnection c, String prefix) {
        for (int i = 0; i < 50; i++) {
            c.call("SET", prefix + i, "v" + i);
            c.call("RPUSH", prefix + "list", "e" + i);
        }
        c.call("SELECT", "3");
        c.call("HSET", prefix + "h", "f", "v");
        c.call("MULTI");
        c.call("INCR", prefix + "counter");
        c.call("EXPIRE", prefix + "counter", "1000");
        c.call("EXEC");
        c.call("SELECT", "0");
    }

    @Test
    void aRealReplicaOfOurReplicaFollowsTheRealMasterThroughUs() throws Exception {
        try (RealRedis top = new RealRedis(Files.createDirectories(dir.resolve("top")), "--repl-diskless-sync-delay", "0");
             ServerFixture middle = ours(Files.createDirectories(dir.resolve("middle")));
             RespConnection t = new RespConnection(top.port());
             RespConnection m = middle.connect()) {
            writeSome(t, "before:");
            m.call("REPLICAOF", "127.0.0.1", String.valueOf(top.port()));
            caughtUp(t, m);
            try (RealRedis bottom = new RealRedis(Files.createDirectories(dir.resolve("bottom")),
                    "--replicaof", "127.0.0.1", String.valueOf(middle.port()));
                 RespConnection b = new RespConnection(bottom.port())) {
                caughtUp(m, b);
                writeSome(t, "after:");
                caughtUp(t, m);
                caughtUp(m, b);

                assertThat(b.call("DEBUG", "DIGEST")).isEqualTo(t.call("DEBUG", "DIGEST"));
                assertThat(info(b).get("master_replid")).isEqualTo(info(t).get("master_replid"));
                assertThat(info(b).get("master_repl_offset")).isEqualTo(info(t).get("master_repl_offset"));
                assertThat(info(m).get("connected_slaves")).isEqualTo("1");
            }
        }
    }

    @Test
    void afterOurReplicaIsPromotedItsFormerSiblingContinuesPartially() throws Exception {
        try (RealRedis top = new RealRedis(Files.createDirectories(dir.resolve("top")), "--repl-diskless-sync-delay", "0");
             ServerFixture promoted = ours(Files.createDirectories(dir.resolve("promoted")));
             RespConnection t = new RespConnection(top.port());
             RespConnection p = promoted.connect()) {
            p.call("REPLICAOF", "127.0.0.1", String.valueOf(top.port()));
            try (RealRedis sibling = new RealRedis(Files.createDirectories(dir.resolve("sibling")),
                    "--replicaof", "127.0.0.1", String.valueOf(top.port()));
                 RespConnection s = new RespConnection(sibling.port())) {
                writeSome(t, "x:");
                caughtUp(t, p);
                caughtUp(t, s);

                // what a failover does: the replica becomes master, its sibling follows it
                assertThat(p.call("REPLICAOF", "NO", "ONE")).isEqualTo("+OK\r\n");
                s.call("REPLICAOF", "127.0.0.1", String.valueOf(promoted.port()));
                writeSome(p, "y:");
                caughtUp(p, s);

                assertThat(stat(p, "sync_partial_ok")).isEqualTo(1);
                assertThat(stat(p, "sync_full")).isZero();
                assertThat(s.call("DEBUG", "DIGEST")).isEqualTo(p.call("DEBUG", "DIGEST"));
                assertThat(info(s).get("master_replid")).isEqualTo(info(p).get("master_replid"));
            }
        }
    }
}
