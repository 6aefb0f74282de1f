package dev.verdict.server.replication.master;

import dev.verdict.server.persistence.RealRedis;
import dev.verdict.server.testing.ServerFixture;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.params.SetParams;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The replication stream a replica receives from us is, command for command, the one a real master sends. */
class StreamFormTest {

    @BeforeAll
    static void needsRedis() {
        Assumptions.assumeTrue(RealRedis.available(), "redis-server is not installed");
    }

    @Test
    void theStreamCarriesTheSameCommandsAsARealMasters(@TempDir Path realDir, @TempDir Path ourDir) throws Exception {
        List<String> expected;
        try (RealRedis real = new RealRedis(realDir)) {
            expected = streamOf(real.port());
        }
        List<String> ours;
        try (ServerFixture s = new ServerFixture("--dir", ourDir.toString(), "--save", "")) {
            ours = streamOf(s.port());
        }
        assertThat(ours).isEqualTo(expected);
        assertThat(expected).contains("SELECT 0", "MULTI", "EXEC", "SET e v PXAT <ms>", "SELECT 3");
    }

    /** Attaches a raw replica, runs the script, and returns the commands streamed (absolute times masked). */
    private static List<String> streamOf(int port) throws Exception {
        try (RawReplica r = new RawReplica(port); Jedis j = new Jedis("127.0.0.1", port)) {
            r.send("PSYNC", "?", "-1");
            assertThat(r.line()).startsWith("+FULLRESYNC");
            String header = r.line();
            r.bytes(Integer.parseInt(header.substring(1)));
            script(j, port);
            j.set("end", "1");
            List<String> out = new ArrayList<>();
            while (true) {
                String c = r.command().replaceAll("\\b\\d{13}\\b", "<ms>");
                if (c.equals("SET end 1")) return out;
                out.add(c);
            }
        }
    }

    private static void script(Jedis j, int port) throws Exception {
        j.set("k", "v");
        j.set("e", "v", SetParams.setParams().ex(100));
        j.setex("se", 100, "v");
        j.incr("n");
        j.incrByFloat("f", 1.5);
        j.select(3);
        j.set("k3", "v");
        j.select(0);
        Transaction tx = j.multi();
        tx.incr("a");
        tx.incr("b");
        tx.exec();
        tx = j.multi();
        tx.set("c", "1");
        tx.exec();
        j.expire("k", 100);
        j.rpush("l", "a", "b");
        j.lpop("l");
        j.hset("h", "f", "v");
        j.del("h");
        j.getDel("n");
        j.get("missing");
        try (Jedis blocked = new Jedis("127.0.0.1", port)) {
            Thread waiter = new Thread(() -> blocked.blpop(5, "q"));
            waiter.start();
            while (!j.clientList().contains("cmd=blpop")) Thread.sleep(5);
            j.rpush("q", "x");
            waiter.join(5000);
        }
        j.set("gone", "v", SetParams.setParams().px(1));
        Thread.sleep(10);
        j.get("gone");
        j.flushAll();
    }
}
