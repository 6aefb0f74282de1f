package dev.verdict.server.persistence;

import dev.verdict.server.RedisServer;
import dev.verdict.server.config.ServerConfig;
import dev.verdict.server.persistence.check.Checker;
import dev.verdict.server.testing.ServerFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Corrupt and truncated files: a clear refusal at start, and the checker says where and why. */
class CorruptFilesTest {

    @TempDir
    Path dir;

    private Path savedDump() {
        try (ServerFixture s = new ServerFixture("--dir", dir.toString(), "--save", "");
             Jedis j = new Jedis("127.0.0.1", s.port())) {
            Workload.fill(j);
            j.save();
        }
        return dir.resolve("dump.rdb");
    }

    private static String run(int[] status, String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        status[0] = Checker.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void checkRdbAcceptsAGoodFileAndPinpointsAFlippedByte() throws Exception {
        Path dump = savedDump();
        int[] status = new int[1];
        assertThat(run(status, "check-rdb", dump.toString())).contains("RDB looks OK!", "AUX FIELD redis-ver = '7.0.15'");
        assertThat(status[0]).isZero();
        byte[] bytes = Files.readAllBytes(dump);
        bytes[bytes.length - 20] ^= 0x5a;
        Files.write(dump, bytes);
        String report = run(status, "check-rdb", dump.toString());
        assertThat(status[0]).isOne();
        assertThat(report).contains("--- RDB ERROR DETECTED ---");
    }

    @Test
    void serverRefusesToStartOnAWrongChecksumAndOnATruncatedRdb() throws Exception {
        Path dump = savedDump();
        byte[] bytes = Files.readAllBytes(dump);
        byte[] badSum = bytes.clone();
        badSum[badSum.length - 1] ^= 1;
        Files.write(dump, badSum);
        assertThatThrownBy(() -> RedisServer.start(ServerConfig.fromArgs("--port", "0", "--dir", dir.toString())))
                .isInstanceOf(LoadingException.class).hasMessageContaining("Wrong RDB checksum expected");
        Files.write(dump, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> RedisServer.start(ServerConfig.fromArgs("--port", "0", "--dir", dir.toString())))
                .isInstanceOf(LoadingException.class).hasMessageContaining("Unexpected EOF reading RDB file");
        // with rdbchecksum no, the stored checksum is not verified (as in Redis)
        Files.write(dump, badSum);
        try (RedisServer s = RedisServer.start(ServerConfig.fromArgs("--port", "0", "--dir", dir.toString(),
                "--rdbchecksum", "no", "--save", "")); Jedis j = new Jedis("127.0.0.1", s.port())) {
            assertThat(j.get("s:embstr")).isEqualTo("hello world");
        }
    }

    /** A hand-made RDB: a RESIZEDB hint of 2^40 keys, then string keys k=v and {@code secondKey}=w, no checksum. */
    private static byte[] rdbWithHugeResizeHint(String secondKey) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("REDIS0010".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(new byte[] {(byte) 0xFE, 0}); // SELECTDB 0
        out.writeBytes(new byte[] {(byte) 0xFB, (byte) 0x81, 0, 0, 1, 0, 0, 0, 0, 0, 0}); // RESIZEDB 2^40, 0
        out.writeBytes(new byte[] {0, 1, 'k', 1, 'v'});
        out.writeBytes(new byte[] {0, 1, (byte) secondKey.charAt(0), 1, 'w'});
        out.write(0xFF);
        out.writeBytes(new byte[8]);
        return out.toByteArray();
    }

    @Test
    void aDuplicatedKeyRefusesTheFileAndAHugeResizeHintAllocatesNothingSilly() throws Exception {
        Files.write(dir.resolve("dump.rdb"), rdbWithHugeResizeHint("k"));
        assertThatThrownBy(() -> RedisServer.start(ServerConfig.fromArgs("--port", "0", "--dir", dir.toString(),
                "--rdbchecksum", "no", "--save", "")))
                .isInstanceOf(LoadingException.class).hasMessageContaining("RDB has duplicated key 'k' in DB 0");
        Files.write(dir.resolve("dump.rdb"), rdbWithHugeResizeHint("j"));
        try (RedisServer s = RedisServer.start(ServerConfig.fromArgs("--port", "0", "--dir", dir.toString(),
                "--rdbchecksum", "no", "--save", "")); Jedis j = new Jedis("127.0.0.1", s.port())) {
            assertThat(j.dbSize()).isEqualTo(2);
            assertThat(j.get("j")).isEqualTo("w");
        }
    }

    @Test
    void checkAofReportsATornTailAndFixTruncatesIt() throws Exception {
        try (ServerFixture s = new ServerFixture("--dir", dir.toString(), "--save", "", "--appendonly", "yes");
             Jedis j = new Jedis("127.0.0.1", s.port())) {
            j.set("a", "1");
            j.set("b", "2");
        }
        Path manifest = dir.resolve("appendonlydir/appendonly.aof.manifest");
        Path incr = dir.resolve("appendonlydir/appendonly.aof.1.incr.aof");
        long good = Files.size(incr);
        int[] status = new int[1];
        assertThat(run(status, "check-aof", manifest.toString())).contains("All AOF files and manifest are valid");
        assertThat(status[0]).isZero();
        Files.write(incr, "*2\r\n$3\r\nDEL\r\n$1".getBytes(StandardCharsets.US_ASCII), java.nio.file.StandardOpenOption.APPEND);
        String report = run(status, "check-aof", manifest.toString());
        assertThat(status[0]).isOne();
        assertThat(report).contains("ok_up_to=" + good, "is not valid. Use the --fix option");
        assertThat(run(status, "check-aof", "--fix", manifest.toString())).contains("Successfully truncated AOF");
        assertThat(status[0]).isZero();
        assertThat(Files.size(incr)).isEqualTo(good);
        // a torn tail with aof-load-truncated no refuses to start
        Files.write(incr, "*2\r\n$3\r\nDEL".getBytes(StandardCharsets.US_ASCII), java.nio.file.StandardOpenOption.APPEND);
        assertThatThrownBy(() -> RedisServer.start(ServerConfig.fromArgs("--port", "0", "--dir", dir.toString(),
                "--appendonly", "yes", "--aof-load-truncated", "no")))
                .isInstanceOf(LoadingException.class).hasMessageContaining("Unexpected end of file reading the append only file");
        // garbage in the middle is a format error, truncation or not
        Files.write(incr, "garbage\r\n".getBytes(StandardCharsets.US_ASCII), java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);
        assertThatThrownBy(() -> RedisServer.start(ServerConfig.fromArgs("--port", "0", "--dir", dir.toString(),
                "--appendonly", "yes")))
                .isInstanceOf(LoadingException.class).hasMessageContaining("Bad file format reading the append only file");
    }
}
