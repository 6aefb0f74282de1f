package dev.verdict.server.type.hll;

import dev.verdict.server.RedisServer;
import dev.verdict.server.config.ServerConfig;
import dev.verdict.server.type.RawRespClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** PFADD/PFCOUNT/PFMERGE/PFDEBUG replies over the wire, each reply as real Redis 7.0.15 sent it. */
class HllCommandsTest {

    private static RedisServer server;
    private static RawRespClient redis;

    @BeforeAll
    static void start() throws IOException {
        server = RedisServer.start(ServerConfig.fromArgs("--port", "0"));
        redis = new RawRespClient(server.port());
    }

    @AfterAll
    static void stop() throws IOException {
        redis.close();
        server.close();
    }

    @BeforeEach
    void clean() throws IOException {
        redis.call("DEL", "h", "h2", "h3", "s", "i");
    }

    @Test
    void pfaddCreatesTheKeyEvenWithoutElementsAndReportsChanges() throws IOException {
        assertThat(redis.call("PFADD", "h")).isEqualTo(":1\r\n");
        assertThat(redis.call("PFADD", "h")).isEqualTo(":0\r\n");
        assertThat(redis.call("PFADD", "h", "a", "b")).isEqualTo(":1\r\n");
        assertThat(redis.call("PFADD", "h", "a")).isEqualTo(":0\r\n");
        assertThat(redis.call("PFCOUNT", "h")).isEqualTo(":2\r\n");
        assertThat(redis.call("PFCOUNT", "missing")).isEqualTo(":0\r\n");
    }

    @Test
    void pfcountOfSeveralKeysCountsTheUnion() throws IOException {
        redis.call("PFADD", "h", "a", "b", "c");
        redis.call("PFADD", "h2", "c", "d");
        assertThat(redis.call("PFCOUNT", "h", "h2", "missing")).isEqualTo(":4\r\n");
        assertThat(redis.call("PFMERGE", "h3", "h", "h2")).isEqualTo("+OK\r\n");
        assertThat(redis.call("PFCOUNT", "h3")).isEqualTo(":4\r\n");
    }

    @Test
    void nonHllStringsAndOtherTypesGetRedisErrors() throws IOException {
        redis.call("SET", "s", "foo");
        redis.call("SET", "i", "123");
        assertThat(redis.call("PFADD", "s", "a")).isEqualTo("-WRONGTYPE Key is not a valid HyperLogLog string value.\r\n");
        assertThat(redis.call("PFCOUNT", "h", "i")).isEqualTo("-WRONGTYPE Key is not a valid HyperLogLog string value.\r\n");
        redis.callBytes("SET".getBytes(), "h".getBytes(), java.util.HexFormat.of().parseHex("48594c4c010000000000000000000080" + "7ffe"));
        assertThat(redis.call("PFCOUNT", "h")).isEqualTo("-INVALIDOBJ Corrupted HLL object detected\r\n");
    }

    @Test
    void pfdebugReportsEncodingDecodesSparseAndConverts() throws IOException {
        redis.call("PFADD", "h", "a");
        assertThat(redis.call("PFDEBUG", "ENCODING", "h")).isEqualTo("+sparse\r\n");
        assertThat(redis.call("PFDEBUG", "DECODE", "h")).isEqualTo("$20\r\nZ:12711 v:2,1 Z:3672\r\n");
        assertThat(redis.call("PFDEBUG", "TODENSE", "h")).isEqualTo(":1\r\n");
        assertThat(redis.call("PFDEBUG", "TODENSE", "h")).isEqualTo(":0\r\n");
        assertThat(redis.call("PFDEBUG", "DECODE", "h")).isEqualTo("-ERR HLL encoding is not sparse\r\n");
        assertThat(redis.call("PFDEBUG", "ENCODING", "h", "x")).isEqualTo("-ERR wrong number of arguments for 'pfdebug' command\r\n");
        assertThat(redis.call("PFDEBUG", "nope", "h")).isEqualTo("-ERR Unknown PFDEBUG subcommand 'nope'\r\n");
        assertThat(redis.call("PFDEBUG", "GETREG", "missing")).isEqualTo("-ERR The specified key does not exist\r\n");
        assertThat(redis.call("PFCOUNT", "h")).isEqualTo(":1\r\n");
    }
}
