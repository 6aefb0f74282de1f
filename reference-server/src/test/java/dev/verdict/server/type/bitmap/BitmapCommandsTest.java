package dev.verdict.server.type.bitmap;

import dev.verdict.server.testing.RespConnection;
import dev.verdict.server.testing.ServerFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Bitmap commands over a socket; every expected reply was checked against Redis 7.0.15. */
class BitmapCommandsTest {

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
    void setbitGrowsTheStringAndReturnsTheOldBit() {
        assertThat(c.call("SETBIT", "b", "7", "1")).isEqualTo(":0\r\n");
        assertThat(c.call("SETBIT", "b", "7", "0")).isEqualTo(":1\r\n");
        assertThat(c.call("SETBIT", "b", "100", "1")).isEqualTo(":0\r\n");
        assertThat(c.call("STRLEN", "b")).isEqualTo(":13\r\n");
        assertThat(c.call("GETBIT", "b", "100")).isEqualTo(":1\r\n");
        assertThat(c.call("SETBIT", "b", "1", "2")).isEqualTo("-ERR bit is not an integer or out of range\r\n");
        assertThat(c.call("SETBIT", "b", "4294967296", "1"))
                .isEqualTo("-ERR bit offset is not an integer or out of range\r\n");
        c.call("SET", "s", "foobar");
        c.call("SETBIT", "s", "0", "0");
        assertThat(c.call("OBJECT", "ENCODING", "s")).isEqualTo("$3\r\nraw\r\n");
    }

    @Test
    void bitcountAndBitposWithByteAndBitRanges() {
        c.call("SET", "s", "foobar");
        assertThat(c.call("BITCOUNT", "s")).isEqualTo(":26\r\n");
        assertThat(c.call("BITCOUNT", "s", "1", "1")).isEqualTo(":6\r\n");
        assertThat(c.call("BITCOUNT", "s", "5", "30", "BIT")).isEqualTo(":17\r\n");
        assertThat(c.call("BITCOUNT", "s", "0")).isEqualTo("-ERR syntax error\r\n");
        assertThat(c.call("BITCOUNT", "nokey", "a", "b")).isEqualTo(":0\r\n");
        assertThat(c.call("BITPOS", "nokey", "0")).isEqualTo(":0\r\n");
        assertThat(c.call("BITPOS", "nokey", "1")).isEqualTo(":-1\r\n");
        assertThat(c.call("BITPOS", "s", "0", "1", "2", "BIT")).isEqualTo(":-1\r\n");
        assertThat(c.call("BITPOS", "s", "3")).isEqualTo("-ERR The bit argument must be 1 or 0.\r\n");
    }

    @Test
    void bitopCombinesAndDeletesOnEmptyResult() {
        c.call("SET", "a", "abc");
        c.call("SET", "b", "\u000f\u000f");
        assertThat(c.call("BITOP", "AND", "d", "a", "b")).isEqualTo(":3\r\n");
        assertThat(c.call("GET", "d")).isEqualTo("$3\r\n\u0001\u0002\u0000\r\n");
        assertThat(c.call("BITOP", "NOT", "d", "nokey")).isEqualTo(":0\r\n");
        assertThat(c.call("EXISTS", "d")).isEqualTo(":0\r\n");
        assertThat(c.call("BITOP", "NOT", "d", "a", "b"))
                .isEqualTo("-ERR BITOP NOT must be called with a single source key.\r\n");
    }

    @Test
    void bitfieldOverflowModes() {
        assertThat(c.call("BITFIELD", "f", "SET", "u8", "0", "255", "GET", "u8", "0")).isEqualTo("*2\r\n:0\r\n:255\r\n");
        assertThat(c.call("BITFIELD", "f", "INCRBY", "u8", "0", "10")).isEqualTo("*1\r\n:9\r\n");
        assertThat(c.call("BITFIELD", "f", "OVERFLOW", "SAT", "INCRBY", "u8", "0", "300")).isEqualTo("*1\r\n:255\r\n");
        assertThat(c.call("BITFIELD", "f", "OVERFLOW", "FAIL", "INCRBY", "u8", "0", "1")).isEqualTo("*1\r\n$-1\r\n");
        assertThat(c.call("BITFIELD", "f", "SET", "i8", "#1", "-5", "GET", "i8", "#1")).isEqualTo("*2\r\n:0\r\n:-5\r\n");
        assertThat(c.call("BITFIELD", "f", "GET", "u64", "0")).isEqualTo(
                "-ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is not supported but i64 is.\r\n");
        assertThat(c.call("BITFIELD_RO", "f", "SET", "u8", "0", "1"))
                .isEqualTo("-ERR BITFIELD_RO only supports the GET subcommand\r\n");
    }
}
