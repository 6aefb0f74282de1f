package dev.verdict.server.keys;

import dev.verdict.server.testing.RespConnection;
import dev.verdict.server.testing.ServerFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Generic key commands over a socket; every expected reply was checked against Redis 7.0.15. */
class KeyCommandsTest {

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
        c.call("SELECT", "0");
        c.call("FLUSHALL");
    }

    @Test
    void sortConvertsASortedSetToASkiplistAsRedisDoes() {
        c.call("ZADD", "z", "1", "a");
        assertThat(c.call("OBJECT", "ENCODING", "z")).isEqualTo("$8\r\nlistpack\r\n");
        c.call("SORT_RO", "z", "ALPHA");
        assertThat(c.call("OBJECT", "ENCODING", "z")).isEqualTo("$8\r\nskiplist\r\n");
    }

    @Test
    void renameMovesValueAndTtl() {
        c.call("SET", "a", "1", "EX", "100");
        assertThat(c.call("RENAME", "a", "b")).isEqualTo("+OK\r\n");
        assertThat(c.call("TTL", "b")).isEqualTo(":100\r\n");
        assertThat(c.call("RENAME", "a", "b")).isEqualTo("-ERR no such key\r\n");
        assertThat(c.call("RENAMENX", "b", "b")).isEqualTo(":0\r\n");
        c.call("SET", "c", "x");
        assertThat(c.call("RENAMENX", "b", "c")).isEqualTo(":0\r\n");
    }

    @Test
    void expireOptionsCompareWithTheCurrentTtl() {
        c.call("SET", "k", "v");
        assertThat(c.call("EXPIRE", "k", "100", "GT")).isEqualTo(":0\r\n");
        assertThat(c.call("EXPIRE", "k", "100", "LT")).isEqualTo(":1\r\n");
        assertThat(c.call("EXPIRE", "k", "200", "GT")).isEqualTo(":1\r\n");
        assertThat(c.call("EXPIRE", "k", "100", "NX")).isEqualTo(":0\r\n");
        assertThat(c.call("EXPIRE", "k", "10", "NX", "XX"))
                .isEqualTo("-ERR NX and XX, GT or LT options at the same time are not compatible\r\n");
        assertThat(c.call("EXPIRE", "k", "10", "foo")).isEqualTo("-ERR Unsupported option foo\r\n");
        assertThat(c.call("EXPIRE", "k", "9223372036854775807"))
                .isEqualTo("-ERR invalid expire time in 'expire' command\r\n");
        assertThat(c.call("PEXPIREAT", "k", "1895324387999")).isEqualTo(":1\r\n");
        assertThat(c.call("EXPIRETIME", "k")).isEqualTo(":1895324388\r\n");
        assertThat(c.call("PERSIST", "k")).isEqualTo(":1\r\n");
        assertThat(c.call("TTL", "k")).isEqualTo(":-1\r\n");
        assertThat(c.call("EXPIRE", "k", "-1")).isEqualTo(":1\r\n");
        assertThat(c.call("EXISTS", "k")).isEqualTo(":0\r\n");
        assertThat(c.call("TTL", "k")).isEqualTo(":-2\r\n");
    }

    @Test
    void copyMoveAndSwapdbAcrossDatabases() {
        c.call("SET", "k", "v");
        assertThat(c.call("COPY", "k", "k")).isEqualTo("-ERR source and destination objects are the same\r\n");
        assertThat(c.call("COPY", "k", "k2", "DB", "99")).isEqualTo("-ERR DB index is out of range\r\n");
        assertThat(c.call("COPY", "k", "k", "DB", "1")).isEqualTo(":1\r\n");
        assertThat(c.call("MOVE", "k", "1")).isEqualTo(":0\r\n");
        assertThat(c.call("MOVE", "k", "0")).isEqualTo("-ERR source and destination objects are the same\r\n");
        assertThat(c.call("SWAPDB", "0", "x")).isEqualTo("-ERR invalid second DB index\r\n");
        c.call("SET", "only0", "x");
        assertThat(c.call("SWAPDB", "0", "1")).isEqualTo("+OK\r\n");
        assertThat(c.call("EXISTS", "only0")).isEqualTo(":0\r\n");
        assertThat(c.call("DBSIZE")).isEqualTo(":1\r\n");
    }

    @Test
    void objectSubcommands() {
        c.call("SET", "n", "123");
        assertThat(c.call("OBJECT", "REFCOUNT", "n")).isEqualTo(":2147483647\r\n");
        assertThat(c.call("OBJECT", "ENCODING", "nokey")).isEqualTo("$-1\r\n");
        assertThat(c.call("OBJECT", "FREQ", "n")).startsWith("-ERR An LFU maxmemory policy is not selected");
        assertThat(c.call("OBJECT", "IDLETIME", "n")).isEqualTo(":0\r\n");
        assertThat(c.call("OBJECT", "HELP")).startsWith("*15\r\n+OBJECT <subcommand>");
    }

    @Test
    void sortConvertsAListpackSortedSetToASkiplistAsRedisDoes() {
        c.call("DEL", "z");
        c.call("ZADD", "z", "1", "a", "2", "b");
        assertThat(c.call("OBJECT", "ENCODING", "z")).isEqualTo("$8\r\nlistpack\r\n");
        assertThat(c.call("SORT", "z", "BY", "nosort")).isEqualTo("*2\r\n$1\r\na\r\n$1\r\nb\r\n");
        assertThat(c.call("OBJECT", "ENCODING", "z")).isEqualTo("$8\r\nskiplist\r\n");
    }

    @Test
    void scanVisitsEveryKeyOnceTheCursorReturnsToZero() {
        for (int i = 0; i < 300; i++) c.call("SET", "key:" + i, "v");
        c.call("RPUSH", "list", "a");
        Set<String> seen = new HashSet<>();
        String cursor = "0";
        Pattern bulk = Pattern.compile("\\$\\d+\r\n([^\r]*)\r\n");
        do {
            String reply = c.call("SCAN", cursor, "COUNT", "7", "TYPE", "string");
            Matcher m = bulk.matcher(reply);
            m.find();
            cursor = m.group(1);
            while (m.find()) seen.add(m.group(1));
        } while (!cursor.equals("0"));
        assertThat(seen).hasSize(300).doesNotContain("list");
        assertThat(c.call("SCAN", "abc")).isEqualTo("-ERR invalid cursor\r\n");
        assertThat(c.call("SCAN", "0", "COUNT", "0")).isEqualTo("-ERR syntax error\r\n");
    }

    @Test
    void sortNumericAlphaByAndGetAndStore() {
        c.call("RPUSH", "l", "3", "1", "2");
        c.call("MSET", "w_1", "30", "w_2", "20", "w_3", "10");
        assertThat(c.call("SORT", "l")).isEqualTo("*3\r\n$1\r\n1\r\n$1\r\n2\r\n$1\r\n3\r\n");
        assertThat(c.call("SORT", "l", "BY", "w_*", "GET", "#", "GET", "w_*"))
                .isEqualTo("*6\r\n$1\r\n3\r\n$2\r\n10\r\n$1\r\n2\r\n$2\r\n20\r\n$1\r\n1\r\n$2\r\n30\r\n");
        assertThat(c.call("SORT", "l", "BY", "nosort", "DESC", "LIMIT", "0", "2")).isEqualTo("*2\r\n$1\r\n2\r\n$1\r\n1\r\n");
        assertThat(c.call("SORT", "l", "STORE", "dst")).isEqualTo(":3\r\n");
        assertThat(c.call("LRANGE", "dst", "0", "-1")).isEqualTo("*3\r\n$1\r\n1\r\n$1\r\n2\r\n$1\r\n3\r\n");
        assertThat(c.call("SORT_RO", "l", "STORE", "dst")).isEqualTo("-ERR syntax error\r\n");
        c.call("RPUSH", "bad", "a");
        assertThat(c.call("SORT", "bad")).isEqualTo("-ERR One or more scores can't be converted into double\r\n");
        c.call("SET", "str", "x");
        assertThat(c.call("SORT", "str")).startsWith("-WRONGTYPE");
    }

    @Test
    void flushCommandsAcceptOnlyAsyncOrSync() {
        c.call("SET", "k", "v");
        assertThat(c.call("FLUSHDB", "foo")).isEqualTo("-ERR syntax error\r\n");
        assertThat(c.call("FLUSHDB", "ASYNC")).isEqualTo("+OK\r\n");
        assertThat(c.call("DBSIZE")).isEqualTo(":0\r\n");
    }
}
