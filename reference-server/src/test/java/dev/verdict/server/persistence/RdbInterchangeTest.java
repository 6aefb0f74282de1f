package dev.verdict.server.persistence;

import dev.verdict.server.testing.ServerFixture;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** RDB files written by real Redis 7.0.15 load into ours and the other way round, with equal digests, values and TTLs. */
class RdbInterchangeTest {

    static final redis.clients.jedis.commands.ProtocolCommand DEBUG = () -> "DEBUG".getBytes();

    @BeforeAll
    static void needsRedis() {
        Assumptions.assumeTrue(RealRedis.available(), "redis-server is not installed");
    }

    @Test
    void redisDumpLoadsIntoOursWithEqualDigestEncodingsAndTtls(@TempDir Path redisDir, @TempDir Path ourDir) throws Exception {
        TreeMap<String, String> expected;
        String digest;
        try (RealRedis real = new RealRedis(redisDir); Jedis r = real.client()) {
            Workload.fill(r);
            digest = digestOf(r);
            assertThat(r.save()).isEqualTo("OK");
            // compared after a reload: loading re-encodes (an APPENDed raw string comes back embstr)
            assertThat(r.sendCommand(DEBUG, "RELOAD", "NOSAVE")).isEqualTo("OK".getBytes());
            expected = describe(r);
        }
        Files.copy(redisDir.resolve("dump.rdb"), ourDir.resolve("dump.rdb"), StandardCopyOption.REPLACE_EXISTING);
        try (ServerFixture ours = new ServerFixture("--dir", ourDir.toString(), "--save", "",
                "--enable-debug-command", "yes"); Jedis o = new Jedis("127.0.0.1", ours.port())) {
            assertThat(digestOf(o)).isEqualTo(digest);
            assertThat(describe(o)).isEqualTo(expected);
        }
    }

    @Test
    void ourDumpLoadsIntoRedisWithEqualDigestEncodingsAndTtls(@TempDir Path redisDir, @TempDir Path ourDir) throws Exception {
        TreeMap<String, String> expected;
        String digest;
        try (ServerFixture ours = new ServerFixture("--dir", ourDir.toString(), "--save", "",
                "--enable-debug-command", "yes"); Jedis o = new Jedis("127.0.0.1", ours.port())) {
            Workload.fill(o);
            digest = digestOf(o);
            assertThat(o.save()).isEqualTo("OK");
            assertThat(o.sendCommand(DEBUG, "RELOAD", "NOSAVE")).isEqualTo("OK".getBytes());
            expected = describe(o);
            assertThat(o.lastsave()).isCloseTo(System.currentTimeMillis() / 1000, org.assertj.core.data.Offset.offset(2L));
        }
        Files.copy(ourDir.resolve("dump.rdb"), redisDir.resolve("dump.rdb"), StandardCopyOption.REPLACE_EXISTING);
        try (RealRedis real = new RealRedis(redisDir); Jedis r = real.client()) {
            assertThat(digestOf(r)).isEqualTo(digest);
            assertThat(describe(r)).isEqualTo(expected);
        }
    }

    @Test
    void debugReloadKeepsTheDataset(@TempDir Path ourDir) {
        try (ServerFixture ours = new ServerFixture("--dir", ourDir.toString(), "--save", "",
                "--enable-debug-command", "yes"); Jedis o = new Jedis("127.0.0.1", ours.port())) {
            Workload.fill(o);
            String digest = digestOf(o);
            assertThat(o.sendCommand(DEBUG, "RELOAD")).isEqualTo("OK".getBytes());
            TreeMap<String, String> before = describe(o);
            assertThat(o.sendCommand(DEBUG, "RELOAD")).isEqualTo("OK".getBytes());
            assertThat(digestOf(o)).isEqualTo(digest);
            assertThat(describe(o)).isEqualTo(before);
        }
    }

    static String digestOf(Jedis j) {
        return new String((byte[]) j.sendCommand(DEBUG, "DIGEST"));
    }

    /** Per key of db 0 and db 3: type, encoding, value digest and TTL rounded to 100 s. */
    static TreeMap<String, String> describe(Jedis j) {
        TreeMap<String, String> out = new TreeMap<>();
        for (int db : new int[] {0, 3}) {
            j.select(db);
            for (String key : j.keys("*")) {
                long ttl = j.pttl(key);
                Object d = j.sendCommand(DEBUG, "DIGEST-VALUE", key);
                String valueDigest = new String((byte[]) ((java.util.List<?>) d).get(0));
                out.put(db + ":" + key, j.type(key) + "/" + j.objectEncoding(key) + "/" + valueDigest + "/"
                        + (ttl < 0 ? ttl : Math.round(ttl / 100000.0)));
            }
        }
        j.select(0);
        return out;
    }
}
