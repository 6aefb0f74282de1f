package dev.verdict.server.replication.master;

import dev.verdict.server.testing.RespConnection;
import dev.verdict.server.testing.ServerFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The replication commands' replies and the bytes of a synchronization, byte for byte as Redis 7.0.15 sends them. */
class ReplicationCommandsTest {

    private static ServerFixture server(Path dir, String... extra) {
        String[] base = {"--dir", dir.toString(), "--save", "", "--repl-diskless-sync-delay", "0"};
        String[] all = java.util.Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return new ServerFixture(all);
    }

    @Test
    void replconfAnswersLikeRedis(@TempDir Path dir) {
        try (ServerFixture s = server(dir); RespConnection c = s.connect()) {
            assertThat(c.call("REPLCONF", "foo", "bar")).isEqualTo("-ERR Unrecognized REPLCONF option: foo\r\n");
            assertThat(c.call("REPLCONF", "a")).isEqualTo("-ERR syntax error\r\n");
            assertThat(c.call("REPLCONF", "listening-port", "x")).isEqualTo("-ERR value is not an integer or out of range\r\n");
            assertThat(c.call("REPLCONF", "listening-port", "1234", "capa", "eof", "capa", "psync2", "capa", "what"))
                    .isEqualTo("+OK\r\n");
            // ACK from a client that is not a replica, and GETACK to a master: no reply at all
            c.send("REPLCONF", "ACK", "10");
            c.send("REPLCONF", "GETACK", "*");
            assertThat(c.call("PING")).isEqualTo("+PONG\r\n");
        }
    }

    @Test
    void waitAndRoleWithoutReplicas(@TempDir Path dir) {
        try (ServerFixture s = server(dir); RespConnection c = s.connect()) {
            assertThat(c.call("WAIT", "1", "abc")).isEqualTo("-ERR timeout is not an integer or out of range\r\n");
            assertThat(c.call("WAIT", "abc", "1")).isEqualTo("-ERR value is not an integer or out of range\r\n");
            assertThat(c.call("WAIT", "1", "-1")).isEqualTo("-ERR timeout is negative\r\n");
            assertThat(c.call("WAIT", "0", "0")).isEqualTo(":0\r\n");
            long start = System.nanoTime();
            assertThat(c.call("WAIT", "1", "100")).isEqualTo(":0\r\n");
            assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(95);
            assertThat(c.call("ROLE")).isEqualTo("*3\r\n$6\r\nmaster\r\n:0\r\n*0\r\n");
            assertThat(c.call("PSYNC", "?", "abc")).isEqualTo("-ERR value is not an integer or out of range\r\n");
            assertThat(c.call("PSYNC", "x", "1", "failover")).isEqualTo("-ERR PSYNC FAILOVER can't be sent to a master.\r\n");
        }
    }

    @Test
    void diskBasedSyncSendsTheFileAsABulkThenTheStream(@TempDir Path dir) throws Exception {
        try (ServerFixture s = server(dir, "--repl-diskless-sync", "no"); RespConnection c = s.connect();
             RawReplica r = new RawReplica(s.port())) {
            c.call("SET", "k", "v");
            r.send("REPLCONF", "capa", "psync2");
            assertThat(r.line()).isEqualTo("+OK");
            r.send("PSYNC", "?", "-1");
            String fullresync = r.line();
            assertThat(fullresync).matches("\\+FULLRESYNC [0-9a-f]{40} 0");
            String header = r.line();
            assertThat(header).matches("\\$\\d+");
            byte[] rdb = r.bytes(Integer.parseInt(header.substring(1)));
            assertThat(new String(rdb, 0, 9, StandardCharsets.US_ASCII)).isEqualTo("REDIS0010");
            c.call("SET", "after", "1");
            // the stream selects its database before the first command after the sync
            assertThat(r.command()).isEqualTo("SELECT 0");
            assertThat(r.command()).isEqualTo("SET after 1");
            assertThat(c.call("INFO", "replication")).contains("repl_backlog_active:1");
            assertThat(c.call("CLIENT", "LIST", "TYPE", "replica")).contains("flags=S");
        }
    }

    @Test
    void disklessSyncFramesThePayloadWithAnEofMarkAndHoldsTheStreamUntilTheFirstAck(@TempDir Path dir)
            throws Exception {
        try (ServerFixture s = server(dir); RespConnection c = s.connect(); RawReplica r = new RawReplica(s.port())) {
            c.call("SET", "k", "v");
            r.send("REPLCONF", "capa", "eof", "capa", "psync2");
            assertThat(r.line()).isEqualTo("+OK");
            r.send("PSYNC", "?", "-1");
            assertThat(r.line()).matches("\\+FULLRESYNC [0-9a-f]{40} 0");
            String header = r.line();
            assertThat(header).matches("\\$EOF:[0-9a-f]{40}");
            byte[] mark = header.substring(5).getBytes(StandardCharsets.US_ASCII);
            ByteArrayOutputStream payload = new ByteArrayOutputStream();
            while (payload.size() < 40 || !endsWith(payload.toByteArray(), mark)) payload.write(r.in.read());
            assertThat(new String(payload.toByteArray(), 0, 9, StandardCharsets.US_ASCII)).isEqualTo("REDIS0010");
            c.call("SET", "after", "1");
            r.socket.setSoTimeout(300);
            assertThat(readsNothing(r)).isTrue();
            r.socket.setSoTimeout(5000);
            r.send("REPLCONF", "ACK", "0");
            assertThat(r.command()).isEqualTo("SELECT 0");
            assertThat(r.command()).isEqualTo("SET after 1");
        }
    }

    @Test
    void oldSyncGetsNoFullresyncLine(@TempDir Path dir) throws Exception {
        try (ServerFixture s = server(dir); RawReplica r = new RawReplica(s.port())) {
            r.send("SYNC");
            assertThat(r.line()).matches("\\$\\d+");
        }
    }

    @Test
    void aReplicaWhoseHeldStreamPassesTheHardLimitIsDisconnected(@TempDir Path dir) throws Exception {
        try (ServerFixture s = server(dir, "--client-output-buffer-limit", "replica 1mb 0 0");
             RespConnection c = s.connect(); RawReplica r = new RawReplica(s.port())) {
            r.send("REPLCONF", "capa", "eof");
            assertThat(r.line()).isEqualTo("+OK");
            r.send("PSYNC", "?", "-1");
            assertThat(r.line()).startsWith("+FULLRESYNC");
            // never ACKs: after the payload the stream is held for it, and grows
            String big = "x".repeat(100_000);
            for (int i = 0; i < 15; i++) c.call("SET", "k" + i, big);
            RealReplicaOfOurs.eventually(() -> assertThat(c.call("INFO", "replication")).contains("connected_slaves:0"));
            r.socket.setSoTimeout(3000);
            assertThat(r.in.readAllBytes().length).as("what was sent before the close").isLessThan(1_000_000);
        }
    }

    @Test
    void aReplicaSilentForReplTimeoutIsDisconnected(@TempDir Path dir) throws Exception {
        try (ServerFixture s = server(dir, "--repl-diskless-sync", "no", "--repl-timeout", "1");
             RespConnection c = s.connect(); RawReplica r = new RawReplica(s.port())) {
            r.send("PSYNC", "?", "-1");
            assertThat(r.line()).startsWith("+FULLRESYNC");
            String header = r.line();
            r.bytes(Integer.parseInt(header.substring(1)));
            RealReplicaOfOurs.eventually(() -> assertThat(c.call("INFO", "replication")).contains("state=online"));
            // online, and never an ACK: dropped once more than repl-timeout seconds passed
            RealReplicaOfOurs.eventually(() -> assertThat(c.call("INFO", "replication")).contains("connected_slaves:0"));
        }
    }

    @Test
    void aReplicaThatStopsReadingDuringADisklessTransferIsDroppedAfterReplTimeout(@TempDir Path dir) throws Exception {
        try (ServerFixture s = server(dir, "--repl-timeout", "1"); RespConnection c = s.connect();
             RawReplica r = new RawReplica(s.port())) {
            redis.clients.jedis.Jedis j = new redis.clients.jedis.Jedis("127.0.0.1", s.port());
            redis.clients.jedis.Pipeline p = j.pipelined();
            java.util.Random random = new java.util.Random(7);
            for (int i = 0; i < 3000; i++) {
                byte[] value = new byte[10_000]; // random: the RDB cannot compress it
                random.nextBytes(value);
                p.set(("k" + i).getBytes(StandardCharsets.US_ASCII), value);
            }
            p.sync();
            j.close();
            r.send("REPLCONF", "capa", "eof");
            assertThat(r.line()).isEqualTo("+OK");
            r.send("PSYNC", "?", "-1");
            assertThat(r.line()).startsWith("+FULLRESYNC");
            // reads nothing more: 30 MB cannot all fit in the socket buffers, the transfer stalls
            RealReplicaOfOurs.eventually(() -> assertThat(c.call("INFO", "replication")).contains("connected_slaves:0"));
            RealReplicaOfOurs.eventually(() -> assertThat(c.call("INFO", "persistence")).contains("rdb_bgsave_in_progress:0"));
            assertThat(c.call("SET", "still", "writable")).isEqualTo("+OK\r\n");
        }
    }

    private static boolean readsNothing(RawReplica r) throws IOException {
        try {
            return r.in.read() < 0;
        } catch (java.net.SocketTimeoutException e) {
            return true;
        }
    }

    private static boolean endsWith(byte[] b, byte[] tail) {
        for (int i = 0; i < tail.length; i++) if (b[b.length - tail.length + i] != tail[i]) return false;
        return true;
    }
}
