package dev.verdict.server.type.string;

import dev.verdict.server.testing.RespConnection;
import dev.verdict.server.testing.ServerFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** String commands over a socket; every expected reply was checked against Redis 7.0.15. */
class StringCommandsTest {

    private static ServerFixture server;
    private static RespConnection c;

    @BeforeAll
    static void start() {
        server = new ServerFixture();
        c = server.connect();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void flush() {
        c.call("FLUSHALL");
    }

    @Test
    void setWithGetReturnsOldValueAndOverwrites() {
        c.call("SET", "k", "v1");
        assertThat(c.call("SET", "k", "v2", "GET")).isEqualTo("$2\r\nv1\r\n");
        assertThat(c.call("GET", "k")).isEqualTo("$2\r\nv2\r\n");
    }

    @Test
    void setOptionsFollowRedisConflictRules() {
        assertThat(c.call("SET", "k", "v", "EX", "10", "EX", "20")).isEqualTo("+OK\r\n");
        assertThat(c.call("TTL", "k")).isEqualTo(":20\r\n");
        assertThat(c.call("SET", "k", "v", "KEEPTTL", "EX", "1")).isEqualTo("-ERR syntax error\r\n");
        assertThat(c.call("SET", "k", "v", "NX", "XX")).isEqualTo("-ERR syntax error\r\n");
        assertThat(c.call("SET", "k", "v", "EX", "0")).isEqualTo("-ERR invalid expire time in 'set' command\r\n");
        assertThat(c.call("SETEX", "k", "0", "v")).isEqualTo("-ERR invalid expire time in 'setex' command\r\n");
        assertThat(c.call("SET", "k", "v", "XX", "GET")).isEqualTo("$1\r\nv\r\n");
        assertThat(c.call("SET", "new", "v", "XX")).isEqualTo("$-1\r\n");
    }

    @Test
    void objectEncodingFollowsHowTheValueWasMade() {
        c.call("SET", "int", "12345");
        c.call("SET", "emb", "a".repeat(44));
        c.call("SET", "raw", "a".repeat(45));
        c.call("SET", "big", "123456789012345678901");
        assertThat(c.call("OBJECT", "ENCODING", "int")).isEqualTo("$3\r\nint\r\n");
        assertThat(c.call("OBJECT", "ENCODING", "emb")).isEqualTo("$6\r\nembstr\r\n");
        assertThat(c.call("OBJECT", "ENCODING", "raw")).isEqualTo("$3\r\nraw\r\n");
        assertThat(c.call("OBJECT", "ENCODING", "big")).isEqualTo("$6\r\nembstr\r\n");
        c.call("APPEND", "int", "6");
        assertThat(c.call("OBJECT", "ENCODING", "int")).isEqualTo("$3\r\nraw\r\n");
        c.call("INCR", "int");
        assertThat(c.call("OBJECT", "ENCODING", "int")).isEqualTo("$3\r\nint\r\n");
        c.call("INCRBYFLOAT", "f", "3");
        assertThat(c.call("OBJECT", "ENCODING", "f")).isEqualTo("$6\r\nembstr\r\n");
    }

    @Test
    void countersKeepTheTtlAndRefuseOverflow() {
        c.call("SET", "n", "9223372036854775806", "EX", "100");
        assertThat(c.call("INCR", "n")).isEqualTo(":9223372036854775807\r\n");
        assertThat(c.call("INCR", "n")).isEqualTo("-ERR increment or decrement would overflow\r\n");
        assertThat(c.call("TTL", "n")).isEqualTo(":100\r\n");
        assertThat(c.call("DECRBY", "n", "-9223372036854775808")).isEqualTo("-ERR decrement would overflow\r\n");
        c.call("SET", "s", " 1");
        assertThat(c.call("INCR", "s")).isEqualTo("-ERR value is not an integer or out of range\r\n");
        assertThat(c.call("INCRBYFLOAT", "f", "1.1")).isEqualTo("$3\r\n1.1\r\n");
        assertThat(c.call("INCRBYFLOAT", "f", "3.0e3")).isEqualTo("$22\r\n3001.10000000000000009\r\n");
        assertThat(c.call("INCRBYFLOAT", "f", "inf")).isEqualTo("-ERR increment would produce NaN or Infinity\r\n");
    }


    @Test
    void aCounterChangedInPlaceStaysIndependentOfItsCopiesAndDirtiesWatchers() {
        c.call("INCRBY", "n", "41");
        c.call("EXPIRE", "n", "100");
        c.call("COPY", "n", "copy");
        assertThat(c.call("INCR", "n")).isEqualTo(":42\r\n");
        assertThat(c.call("GET", "copy")).isEqualTo("$2\r\n41\r\n");
        assertThat(c.call("INCR", "copy")).isEqualTo(":42\r\n");
        assertThat(c.call("DECRBY", "n", "100")).isEqualTo(":-58\r\n");
        assertThat(c.call("GET", "n")).isEqualTo("$3\r\n-58\r\n");
        assertThat(c.call("TTL", "n")).isEqualTo(":100\r\n");
        assertThat(c.call("OBJECT", "ENCODING", "n")).isEqualTo("$3\r\nint\r\n");

        RespConnection other = server.connect();
        c.call("WATCH", "n");
        other.call("INCR", "n");
        c.call("MULTI");
        c.call("GET", "n");
        assertThat(c.call("EXEC")).isEqualTo("*-1\r\n");
        other.close();
    }
    @Test
    void rangesAndInPlaceEdits() {
        c.call("SET", "s", "Hello World");
        assertThat(c.call("GETRANGE", "s", "-5", "-1")).isEqualTo("$5\r\nWorld\r\n");
        assertThat(c.call("GETRANGE", "s", "-1", "-5")).isEqualTo("$0\r\n\r\n");
        assertThat(c.call("SETRANGE", "s", "6", "Redis")).isEqualTo(":11\r\n");
        assertThat(c.call("SETRANGE", "pad", "3", "x")).isEqualTo(":4\r\n");
        assertThat(c.call("GET", "pad")).isEqualTo("$4\r\n\0\0\0x\r\n");
        assertThat(c.call("SETRANGE", "s", "-1", "x")).isEqualTo("-ERR offset is out of range\r\n");
        assertThat(c.call("APPEND", "s", "!")).isEqualTo(":12\r\n");
        assertThat(c.call("GET", "s")).isEqualTo("$12\r\nHello Redis!\r\n");
    }

    @Test
    void setrangeAtTheLargestOffsetIsRefusedNotOverflowed() {
        c.call("SET", "s", "x");
        assertThat(c.call("SETRANGE", "s", "9223372036854775807", "v"))
                .isEqualTo("-ERR string exceeds maximum allowed size (proto-max-bulk-len)\r\n");
        assertThat(c.call("SETRANGE", "missing", "9223372036854775807", "v"))
                .isEqualTo("-ERR string exceeds maximum allowed size (proto-max-bulk-len)\r\n");
        assertThat(c.call("SETRANGE", "s", "9223372036854775800", "")).isEqualTo(":1\r\n");
    }

    @Test
    void multiKeyCommands() {
        assertThat(c.call("MSET", "a", "1", "b")).isEqualTo("-ERR wrong number of arguments for 'mset' command\r\n");
        c.call("MSET", "a", "1", "b", "2");
        c.call("RPUSH", "l", "x");
        assertThat(c.call("MGET", "a", "l", "nokey", "b")).isEqualTo("*4\r\n$1\r\n1\r\n$-1\r\n$-1\r\n$1\r\n2\r\n");
        assertThat(c.call("MSETNX", "b", "3", "c", "4")).isEqualTo(":0\r\n");
        assertThat(c.call("GETDEL", "a")).isEqualTo("$1\r\n1\r\n");
        assertThat(c.call("EXISTS", "a")).isEqualTo(":0\r\n");
        assertThat(c.call("GETEX", "b", "PX", "5000")).isEqualTo("$1\r\n2\r\n");
        assertThat(c.call("GETEX", "b", "PERSIST")).isEqualTo("$1\r\n2\r\n");
        assertThat(c.call("TTL", "b")).isEqualTo(":-1\r\n");
    }

    @Test
    void lcsReportsMatchesAsRedisDoes() {
        c.call("MSET", "a", "ohmytext", "b", "mynewtext");
        assertThat(c.call("LCS", "a", "b")).isEqualTo("$6\r\nmytext\r\n");
        assertThat(c.call("LCS", "a", "b", "IDX", "MINMATCHLEN", "4", "WITHMATCHLEN")).isEqualTo(
                "*4\r\n$7\r\nmatches\r\n*1\r\n*3\r\n*2\r\n:4\r\n:7\r\n*2\r\n:5\r\n:8\r\n:4\r\n$3\r\nlen\r\n:6\r\n");
        assertThat(c.call("LCS", "a", "b", "LEN", "IDX"))
                .isEqualTo("-ERR If you want both the length and indexes, please just use IDX.\r\n");
    }
}
