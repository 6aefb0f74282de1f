package dev.verdict.server.command;

import dev.verdict.server.testing.RespConnection;
import dev.verdict.server.testing.ServerFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Commands whose arguments are invalid in more than one way answer the error Redis 7.0.15 checks
 * first; every expected reply was taken from the real server.
 */
class ArgumentCheckOrderTest {

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
        c.call("SET", "str", "x");
    }

    @Test
    void copyDbMustFitAnIntBeforeItIsADbIndex() {
        assertThat(c.call("COPY", "str", "d", "DB", "2147483648"))
                .isEqualTo("-ERR value is out of range, value must between -2147483648 and 2147483647\r\n");
        assertThat(c.call("COPY", "str", "d", "DB", "99")).isEqualTo("-ERR DB index is out of range\r\n");
        assertThat(c.call("COPY", "str", "d", "DB", "x")).isEqualTo("-ERR value is not an integer or out of range\r\n");
    }

    @Test
    void sortParsesItsOptionsBeforeCheckingTheKeyType() {
        assertThat(c.call("SORT", "str", "0", "0")).isEqualTo("-ERR syntax error\r\n");
        assertThat(c.call("SORT_RO", "str", "0", "0")).isEqualTo("-ERR syntax error\r\n");
        assertThat(c.call("SORT", "str", "LIMIT", "x", "1")).isEqualTo("-ERR value is not an integer or out of range\r\n");
        assertThat(c.call("SORT", "str")).startsWith("-WRONGTYPE");
    }

    @Test
    void clientUnblockChecksTheReasonBeforeTheId() {
        assertThat(c.call("CLIENT", "UNBLOCK", "x", "3"))
                .isEqualTo("-ERR CLIENT UNBLOCK reason should be TIMEOUT or ERROR\r\n");
        assertThat(c.call("CLIENT", "UNBLOCK", "x", "ERROR")).isEqualTo("-ERR value is not an integer or out of range\r\n");
    }

    @Test
    void lsetAndLindexLookUpTheKeyBeforeParsingTheIndex() {
        assertThat(c.call("LSET", "missing", "x", "v")).isEqualTo("-ERR no such key\r\n");
        assertThat(c.call("LSET", "str", "x", "v")).startsWith("-WRONGTYPE");
        assertThat(c.call("LINDEX", "missing", "x")).isEqualTo("$-1\r\n");
        assertThat(c.call("LINDEX", "str", "x")).startsWith("-WRONGTYPE");
        c.call("RPUSH", "l", "a");
        assertThat(c.call("LSET", "l", "x", "v")).isEqualTo("-ERR value is not an integer or out of range\r\n");
        assertThat(c.call("LINDEX", "l", "x")).isEqualTo("-ERR value is not an integer or out of range\r\n");
    }

    @Test
    void spopCountThatIsNotANumberIsOutOfRange() {
        c.call("SADD", "s", "a");
        assertThat(c.call("SPOP", "s", "x")).isEqualTo("-ERR value is out of range, must be positive\r\n");
        assertThat(c.call("SPOP", "s", "-1")).isEqualTo("-ERR value is out of range, must be positive\r\n");
    }

    @Test
    void smoveFromAMissingSourceIgnoresTheDestinationType() {
        assertThat(c.call("SMOVE", "missing", "str", "m")).isEqualTo(":0\r\n");
        c.call("SADD", "s", "m");
        assertThat(c.call("SMOVE", "s", "str", "m")).startsWith("-WRONGTYPE");
    }

    @Test
    void emptyScanCursorIsZeroForEveryScanFamily() {
        assertThat(c.call("HSCAN", "missing", "")).isEqualTo("*2\r\n$1\r\n0\r\n*0\r\n");
        c.call("HSET", "h", "f", "v");
        assertThat(c.call("HSCAN", "h", "")).isEqualTo("*2\r\n$1\r\n0\r\n*2\r\n$1\r\nf\r\n$1\r\nv\r\n");
        assertThat(c.call("SSCAN", "missing", "+")).isEqualTo("-ERR invalid cursor\r\n");
    }

    @Test
    void xgroupSetidParsesEntriesreadBeforeLookingUpTheKey() {
        assertThat(c.call("XGROUP", "SETID", "missing", "g", "0", "ENTRIESREAD", "x"))
                .isEqualTo("-ERR value is not an integer or out of range\r\n");
        assertThat(c.call("XGROUP", "SETID", "missing", "g", "0", "ENTRIESREAD", "-2"))
                .isEqualTo("-ERR value for ENTRIESREAD must be positive or -1\r\n");
        c.call("XADD", "st", "1-1", "f", "v");
        c.call("XGROUP", "CREATE", "st", "g", "0");
        assertThat(c.call("XGROUP", "SETID", "st", "g", "0", "ENTRIESREAD", "5")).isEqualTo("+OK\r\n");
        assertThat(c.call("XGROUP", "SETID", "st", "g", "0", "MKSTREAM")).startsWith("-ERR unknown subcommand or wrong number");
    }

    @Test
    void lposCountAndMaxlenThatAreNotNumbersAreNegative() {
        assertThat(c.call("LPOS", "l", "x", "COUNT", "a")).isEqualTo("-ERR COUNT can't be negative\r\n");
        assertThat(c.call("LPOS", "l", "x", "MAXLEN", "a")).isEqualTo("-ERR MAXLEN can't be negative\r\n");
    }

    @Test
    void unbalancedXreadgroupUsesXreadsWording() {
        assertThat(c.call("XREADGROUP", "GROUP", "g", "c", "STREAMS", "a", "b", "c"))
                .isEqualTo("-ERR Unbalanced XREAD list of streams: for each stream key an ID or '$' must be specified.\r\n");
    }

    @Test
    void selectAndMoveCheckTheIntRangeBeforeTheDbRange() {
        String intRange = "-ERR value is out of range, value must between -2147483648 and 2147483647\r\n";
        assertThat(c.call("SELECT", "9223372036854775807")).isEqualTo(intRange);
        assertThat(c.call("SELECT", "2147483647")).isEqualTo("-ERR DB index is out of range\r\n");
        assertThat(c.call("MOVE", "str", "-9223372036854775808")).isEqualTo(intRange);
        assertThat(c.call("MOVE", "str", "x")).isEqualTo("-ERR value is not an integer or out of range\r\n");
    }

    @Test
    void aTimeoutTooNegativeForALongIsNegativeNotForever() {
        assertThat(c.call("BLPOP", "l", "-9223372036854775808")).isEqualTo("-ERR timeout is negative\r\n");
    }

    @Test
    void xinfoStreamLooksUpTheKeyBeforeParsingFull() {
        assertThat(c.call("XINFO", "STREAM", "missing", "bogus")).isEqualTo("-ERR no such key\r\n");
        assertThat(c.call("XINFO", "STREAM", "str", "bogus")).startsWith("-WRONGTYPE");
    }

    @Test
    void configSetListsAppendfsyncChoicesInRedisOrder() {
        assertThat(c.call("CONFIG", "SET", "appendfsync", "bogus"))
                .isEqualTo("-ERR CONFIG SET failed (possibly related to argument 'appendfsync') - argument(s) must be one "
                        + "of the following: everysec, always, no\r\n");
    }
}
