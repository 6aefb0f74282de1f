package dev.verdict.server.persistence;

import dev.verdict.server.testing.ServerFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** DUMP payloads byte for byte against real Redis 7.0, RESTORE of each other's payloads, and RESTORE's errors. */
class DumpRestoreTest {

    @TempDir
    static Path dir;
    private static RealRedis real;
    private static ServerFixture ours;

    @BeforeAll
    static void start() {
        Assumptions.assumeTrue(RealRedis.available(), "redis-server is not installed");
        real = new RealRedis(dir);
        ours = new ServerFixture("--dir", dir.toString(), "--save", "");
    }

    @AfterAll
    static void stop() {
        if (real != null) real.close();
        if (ours != null) ours.close();
    }

    static List<byte[]> stringValues() {
        List<byte[]> values = new ArrayList<>();
        for (String s : new String[] {"", "0", "7", "-1", "127", "-128", "255", "32767", "-32768", "65536",
                "2147483647", "-2147483648", "2147483648", "9223372036854775807", "-9223372036854775808", "012",
                "1.5", " 1", "hello", "x".repeat(20), "x".repeat(21), "abcabcabcabcabcabcabcabcabcabc",
                "the quick brown fox jumps over the lazy dog, the quick brown fox jumps over the lazy dog",
                "a".repeat(5000), "0123456789".repeat(300)}) {
            values.add(s.getBytes(StandardCharsets.UTF_8));
        }
        java.util.Random random = new java.util.Random(42);
        byte[] noise = new byte[300];
        random.nextBytes(noise);
        values.add(noise);
        byte[] mixed = new byte[2000];
        for (int i = 0; i < mixed.length; i++) mixed[i] = (byte) (random.nextInt(4) == 0 ? random.nextInt(256) : 'a' + i % 7);
        values.add(mixed);
        return values;
    }

    @Test
    void dumpPayloadsAreByteIdenticalToRedisForStrings() {
        try (Jedis r = real.client(); Jedis o = new Jedis("127.0.0.1", ours.port())) {
            int i = 0;
            for (byte[] value : stringValues()) {
                byte[] key = ("dump:" + i++).getBytes(StandardCharsets.US_ASCII);
                r.set(key, value);
                o.set(key, value);
                assertThat(o.dump(key)).as("DUMP of %s", new String(value, StandardCharsets.ISO_8859_1))
                        .isEqualTo(r.dump(key));
            }
            assertThat(o.dump("dump:missing")).isNull();
        }
    }

    @Test
    void restoreAcceptsRedisPayloadsWithTtlAndOptions() {
        try (Jedis r = real.client(); Jedis o = new Jedis("127.0.0.1", ours.port())) {
            int i = 0;
            for (byte[] value : stringValues()) {
                byte[] key = ("restore:" + i++).getBytes(StandardCharsets.US_ASCII);
                r.set(key, value);
                byte[] payload = r.dump(key);
                assertThat(o.restore(key, 0, payload)).isEqualTo("OK");
                assertThat(o.get(key)).isEqualTo(value);
                assertThat(o.objectEncoding(key)).isEqualTo(r.objectEncoding(key));
            }
            r.set("rt", "v");
            byte[] payload = r.dump("rt".getBytes());
            o.restore("rt".getBytes(), 100_000, payload);
            assertThat(o.pttl("rt")).isBetween(90_000L, 100_000L);
            long abs = System.currentTimeMillis() + 50_000;
            assertThat(reply(o, args("restore", "rt", abs, payload, "REPLACE", "ABSTTL"))).isEqualTo("OK");
            assertThat(o.pexpireTime("rt")).isEqualTo(abs);
            assertThat(reply(o, args("restore", "rt", 0, payload, "REPLACE", "IDLETIME", 1000))).isEqualTo("OK");
            assertThat(o.objectIdletime("rt")).isBetween(1000L, 1002L);
            // an absolute TTL in the past deletes the replaced key and still answers OK
            assertThat(reply(o, args("restore", "rt", 1, payload, "REPLACE", "ABSTTL"))).isEqualTo("OK");
            assertThat(o.exists("rt")).isFalse();
        }
    }

    @Test
    void restoreErrorsMatchRedis() {
        try (Jedis r = real.client(); Jedis o = new Jedis("127.0.0.1", ours.port())) {
            r.set("src", "value");
            byte[] good = r.dump("src".getBytes());
            byte[] badCrc = good.clone();
            badCrc[badCrc.length - 1] ^= 1;
            byte[] newer = good.clone();
            newer[newer.length - 10] = 11;
            byte[] garbage = good.clone();
            garbage[0] = 42;
            long crc = dev.verdict.server.persistence.rdb.Crc64.update(0, garbage, 0, garbage.length - 8);
            for (int i = 0; i < 8; i++) garbage[garbage.length - 8 + i] = (byte) (crc >>> (8 * i));
            r.set("busy", "x");
            o.set("busy", "x");
            List<byte[][]> cases = List.of(
                    args("restore", "k1", "0", good, "IDLETIME", "-1"),
                    args("restore", "k1", "0", good, "FREQ", "256"),
                    args("restore", "k1", "0", good, "FREQ", "x"),
                    args("restore", "k1", "0", good, "IDLETIME", "1", "FREQ", "1"),
                    args("restore", "k1", "0", good, "BOGUS"),
                    args("restore", "k1", "0", good, "IDLETIME"),
                    args("restore", "busy", "0", good),
                    args("restore", "k1", "-1", good),
                    args("restore", "k1", "abc", good),
                    args("restore", "k1", "0", badCrc),
                    args("restore", "k1", "0", newer),
                    args("restore", "k1", "0", "short".getBytes()),
                    args("restore", "k1", "0", garbage),
                    args("restore", "k1", "0"));
            for (byte[][] c : cases) {
                assertThat(reply(o, c)).as(Arrays.toString(Arrays.stream(c).map(String::new).toArray()))
                        .isEqualTo(reply(r, c));
            }
        }
    }

    private static byte[][] args(Object... parts) {
        byte[][] out = new byte[parts.length][];
        for (int i = 0; i < parts.length; i++) {
            out[i] = parts[i] instanceof byte[] b ? b : parts[i].toString().getBytes(StandardCharsets.UTF_8);
        }
        return out;
    }

    private static String reply(Jedis j, byte[][] argv) {
        try {
            Object r = j.sendCommand(() -> argv[0], Arrays.copyOfRange(argv, 1, argv.length));
            return r instanceof byte[] b ? new String(b) : String.valueOf(r);
        } catch (JedisDataException e) {
            return "ERR:" + e.getMessage();
        }
    }
}
