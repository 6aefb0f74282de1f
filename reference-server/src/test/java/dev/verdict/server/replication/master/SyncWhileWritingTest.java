package dev.verdict.server.replication.master;

import dev.verdict.server.persistence.RealRedis;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The RDB of a full sync is a point-in-time snapshot gathered while clients keep writing: what
 * changes during the capture and the transfer reaches the replica as stream, so it ends equal.
 */
class SyncWhileWritingTest {

    @BeforeAll
    static void needsRedis() {
        Assumptions.assumeTrue(RealRedis.available(), "redis-server is not installed");
    }

    @ParameterizedTest(name = "repl-diskless-sync {0}")
    @ValueSource(strings = {"yes", "no"})
    void replicaEndsEqualToAMasterWrittenDuringTheSync(String diskless, @TempDir Path ours, @TempDir Path theirs)
            throws Exception {
        try (RealReplicaOfOurs pair = new RealReplicaOfOurs(ours, theirs, List.of("--repl-diskless-sync", diskless))) {
            Pipeline p = pair.m.pipelined();
            for (int i = 0; i < 50_000; i++) {
                p.set("key:" + i, "value-" + i);
                if (i % 10 == 0) p.rpush("list:" + (i % 100), Integer.toString(i));
                if (i % 7 == 0) p.hset("hash:" + (i % 50), "f" + i, "v");
            }
            p.sync();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong writes = new AtomicLong();
            Thread writer = new Thread(() -> {
                try (Jedis w = new Jedis("127.0.0.1", pair.master.port())) {
                    long n = 0;
                    while (!stop.get()) {
                        // overwrites keys the capture has or has not reached yet, and adds new ones
                        w.set("key:" + (n * 7919 % 50_000), "changed-" + n);
                        w.incr("counter");
                        w.lpush("list:" + (n % 100), "new");
                        w.del("key:" + (n * 104_729 % 50_000));
                        n++;
                        writes.set(n);
                    }
                }
            });
            writer.start();
            pair.attach();
            RealReplicaOfOurs.eventually(() -> assertThat(pair.replica.log()).contains("sync: Finished with success"));
            Thread.sleep(100);
            stop.set(true);
            writer.join(10_000);
            assertThat(writes.get()).isPositive();
            pair.awaitInSync();
            assertThat(pair.r.get("counter")).isEqualTo(Long.toString(writes.get()));
        }
    }
}
