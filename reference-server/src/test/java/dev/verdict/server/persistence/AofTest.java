package dev.verdict.server.persistence;

import dev.verdict.server.testing.ServerFixture;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Transaction;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Multi-part AOF directories: what is written matches Redis 7.0, and each server loads the other's. */
class AofTest {

    private static void commands(Jedis j) {
        j.set("a", "1");
        j.setex("b", 100, "v");
        j.set("c", "v", redis.clients.jedis.params.SetParams.setParams().ex(100));
        j.expire("a", 100);
        j.incrByFloat("f", 1.5);
        j.sadd("s", "1", "2", "3");
        j.spop("s");
        j.rpush("l", "a", "b");
        j.hset("h", "f", "1");
        j.hincrByFloat("h", "f", 0.5);
        j.zadd("z", 1, "m");
        Transaction t = j.multi();
        t.set("t1", "1");
        t.incr("t1");
        t.exec();
        j.get("missing");
    }

    /** The incr file's commands with absolute times masked (they differ by milliseconds). */
    private static String incrOf(Path dir) throws Exception {
        Path d = dir.resolve("appendonlydir");
        String manifest = Files.readString(d.resolve("appendonly.aof.manifest"));
        String incrName = manifest.lines().filter(l -> l.endsWith("type i")).findFirst().orElseThrow().split(" ")[1];
        return Files.readString(d.resolve(incrName), StandardCharsets.ISO_8859_1).replaceAll("\\$13\r\n1\\d{12}\r\n", "\\$13\r\nT\r\n");
    }

    @Test
    void incrFileAndManifestMatchRedisAndLoadBothWays(@TempDir Path redisDir, @TempDir Path ourDir) throws Exception {
        Assumptions.assumeTrue(RealRedis.available());
        String redisIncr;
        String redisManifest;
        String redisDigest;
        try (RealRedis real = new RealRedis(redisDir, "--appendonly", "yes", "--appendfsync", "always");
             Jedis r = real.client()) {
            commands(r);
            redisDigest = RdbInterchangeTest.digestOf(r);
        }
        redisIncr = incrOf(redisDir);
        redisManifest = Files.readString(redisDir.resolve("appendonlydir/appendonly.aof.manifest"));
        String ourIncr;
        String ourDigest;
        TreeMap<String, String> ours;
        try (ServerFixture s = new ServerFixture("--dir", ourDir.toString(), "--save", "", "--appendonly", "yes",
                "--appendfsync", "always", "--enable-debug-command", "yes");
             Jedis o = new Jedis("127.0.0.1", s.port())) {
            commands(o);
            ourDigest = RdbInterchangeTest.digestOf(o);
            ours = RdbInterchangeTest.describe(o);
        }
        ourIncr = incrOf(ourDir);
        assertThat(Files.readString(ourDir.resolve("appendonlydir/appendonly.aof.manifest"))).isEqualTo(redisManifest);
        // SPOP picks at random: mask the member both servers removed
        assertThat(ourIncr.replaceAll("SREM\r\n\\$1\r\ns\r\n\\$1\r\n\\d", "SREM s ?"))
                .isEqualTo(redisIncr.replaceAll("SREM\r\n\\$1\r\ns\r\n\\$1\r\n\\d", "SREM s ?"));

        // ours restarts from its own AOF
        try (ServerFixture s = new ServerFixture("--dir", ourDir.toString(), "--save", "", "--appendonly", "yes",
                "--enable-debug-command", "yes"); Jedis o = new Jedis("127.0.0.1", s.port())) {
            assertThat(RdbInterchangeTest.digestOf(o)).isEqualTo(ourDigest);
            assertThat(RdbInterchangeTest.describe(o)).isEqualTo(ours);
        }
        // Redis loads our AOF directory, and ours loads Redis's
        Path copy = Files.createDirectories(redisDir.resolve("ours"));
        copyDir(ourDir.resolve("appendonlydir"), copy.resolve("appendonlydir"));
        try (RealRedis real = new RealRedis(copy, "--appendonly", "yes"); Jedis r = real.client()) {
            assertThat(RdbInterchangeTest.digestOf(r)).isEqualTo(ourDigest);
        }
        Path theirs = Files.createDirectories(ourDir.resolve("theirs"));
        copyDir(redisDir.resolve("appendonlydir"), theirs.resolve("appendonlydir"));
        try (ServerFixture s = new ServerFixture("--dir", theirs.toString(), "--save", "", "--appendonly", "yes",
                "--enable-debug-command", "yes"); Jedis o = new Jedis("127.0.0.1", s.port())) {
            assertThat(RdbInterchangeTest.digestOf(o)).isEqualTo(redisDigest);
        }
    }

    @Test
    void bgrewriteaofReplacesBaseAndKeepsWritesMadeMeanwhile(@TempDir Path dir) throws Exception {
        String digest;
        try (ServerFixture s = new ServerFixture("--dir", dir.toString(), "--save", "", "--appendonly", "yes",
                "--enable-debug-command", "yes"); Jedis o = new Jedis("127.0.0.1", s.port())) {
            Workload.fill(o);
            assertThat(o.bgrewriteaof()).isEqualTo("Background append only file rewriting started");
            o.set("after", "rewrite");
            long deadline = System.currentTimeMillis() + 10_000;
            while (o.info("persistence").contains("aof_rewrite_in_progress:1") && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            Thread.sleep(300);
            assertThat(o.info("persistence")).contains("aof_rewrites:1");
            digest = RdbInterchangeTest.digestOf(o);
        }
        String manifest = Files.readString(dir.resolve("appendonlydir/appendonly.aof.manifest"));
        assertThat(manifest).isEqualTo("file appendonly.aof.2.base.rdb seq 2 type b\nfile appendonly.aof.2.incr.aof seq 2 type i\n");
        assertThat(dir.resolve("appendonlydir/appendonly.aof.1.incr.aof")).doesNotExist();
        try (ServerFixture s = new ServerFixture("--dir", dir.toString(), "--save", "", "--appendonly", "yes",
                "--enable-debug-command", "yes"); Jedis o = new Jedis("127.0.0.1", s.port())) {
            assertThat(RdbInterchangeTest.digestOf(o)).isEqualTo(digest);
            assertThat(o.get("after")).isEqualTo("rewrite");
        }
    }

    @Test
    void truncatedTailLoadsTheValidPrefixAndTruncatesTheFile(@TempDir Path dir) throws Exception {
        try (ServerFixture s = new ServerFixture("--dir", dir.toString(), "--save", "", "--appendonly", "yes");
             Jedis o = new Jedis("127.0.0.1", s.port())) {
            o.set("k1", "v1");
            o.set("k2", "v2");
        }
        Path incr = dir.resolve("appendonlydir/appendonly.aof.1.incr.aof");
        long full = Files.size(incr);
        Files.write(incr, "*3\r\n$3\r\nSET\r\n$2\r\nk3\r\n$2\r\nv".getBytes(StandardCharsets.US_ASCII),
                java.nio.file.StandardOpenOption.APPEND);
        try (ServerFixture s = new ServerFixture("--dir", dir.toString(), "--save", "", "--appendonly", "yes");
             Jedis o = new Jedis("127.0.0.1", s.port())) {
            assertThat(o.get("k2")).isEqualTo("v2");
            assertThat(o.exists("k3")).isFalse();
        }
        assertThat(Files.size(incr)).isEqualTo(full);
    }

    static void copyDir(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path f : files.toList()) Files.copy(f, to.resolve(f.getFileName()));
        }
    }
}
