package dev.verdict.conformance.spec;

import static dev.verdict.conformance.spec.Replies.*;

/** Strings: GET/SET and their options, counters, ranges, LCS and string encodings (Redis 7.0). */
@SpecSuite(family = "strings")
class StringsSpec {

    @SpecCase("SET")
    void setThenGetReturnsTheValue(SpecSession s) {
        s.call("SET", "k", "v").is(ok());
        s.call("GET", "k").is(bulk("v"));
    }

    @SpecCase("GET")
    void getOfMissingKeyIsNull(SpecSession s) {
        s.call("GET", "missing").is(nil());
    }

    @SpecCase("GET")
    void getOfNonStringIsWrongType(SpecSession s) {
        s.call("RPUSH", "l", "a").is(integer(1));
        s.call("GET", "l").is(wrongType());
    }

    @SpecCase("GET")
    void getArityIsChecked(SpecSession s) {
        s.call("GET").is(wrongArity("get"));
        s.call("GET", "a", "b").is(wrongArity("get"));
    }

    @SpecCase("SET")
    void setStoresBinarySafeValues(SpecSession s) {
        byte[] value = {0, 1, (byte) 0xff, '\r', '\n', 0};
        s.call("SET".getBytes(), "bin".getBytes(), value).is(ok());
        s.call("GET", "bin").is(bulk(value));
        s.call("SET", "empty", "").is(ok());
        s.call("GET", "empty").is(bulk(""));
        s.call("STRLEN", "empty").is(integer(0));
    }

    @SpecCase("SET")
    void setWithGetReturnsOldValueAndOverwrites(SpecSession s) {
        s.call("SET", "k", "old").is(ok());
        s.call("SET", "k", "new", "GET").is(bulk("old"));
        s.call("GET", "k").is(bulk("new"));
        s.call("SET", "fresh", "x", "GET").is(nil());
        s.call("GET", "fresh").is(bulk("x"));
    }

    @SpecCase("SET")
    void setWithGetOnNonStringIsWrongTypeAndDoesNotOverwrite(SpecSession s) {
        s.call("SADD", "set", "m").is(integer(1));
        s.call("SET", "set", "v", "GET").is(wrongType());
        s.call("TYPE", "set").is(simple("set"));
    }

    @SpecCase("SET")
    void setNxOnlyCreates(SpecSession s) {
        s.call("SET", "k", "1", "NX").is(ok());
        s.call("SET", "k", "2", "NX").is(nil());
        s.call("GET", "k").is(bulk("1"));
    }

    @SpecCase("SET")
    void setXxOnlyOverwrites(SpecSession s) {
        s.call("SET", "k", "1", "XX").is(nil());
        s.call("EXISTS", "k").is(integer(0));
        s.call("SET", "k", "1").is(ok());
        s.call("SET", "k", "2", "XX").is(ok());
        s.call("GET", "k").is(bulk("2"));
    }

    @SpecCase("SET")
    void setNxWithGetReturnsOldValueWithoutWriting(SpecSession s) {
        s.call("SET", "k", "1").is(ok());
        s.call("SET", "k", "2", "NX", "GET").is(bulk("1"));
        s.call("GET", "k").is(bulk("1"));
    }

    @SpecCase("SET")
    void setWithConflictingOptionsIsASyntaxError(SpecSession s) {
        s.call("SET", "k", "v", "NX", "XX").is(syntaxError());
        s.call("SET", "k", "v", "EX", "10", "PX", "100").is(syntaxError());
        s.call("SET", "k", "v", "EX", "10", "KEEPTTL").is(syntaxError());
        s.call("SET", "k", "v", "BOGUS").is(syntaxError());
        s.call("SET", "k", "v", "EX").is(syntaxError());
        s.call("EXISTS", "k").is(integer(0));
    }

    @SpecCase("SET")
    void setWithExpirySetsTtl(SpecSession s) {
        s.call("SET", "k", "v", "EX", "100").is(ok());
        s.call("TTL", "k").is(integerBetween(90, 100));
        s.call("SET", "p", "v", "PX", "100000").is(ok());
        s.call("PTTL", "p").is(integerBetween(90000, 100000));
        long now = Long.parseLong(s.call("TIME").texts().get(0));
        s.call("SET", "at", "v", "EXAT", Long.toString(now + 100)).is(ok());
        s.call("TTL", "at").is(integerBetween(90, 100));
        s.call("SET", "pat", "v", "PXAT", Long.toString((now + 100) * 1000)).is(ok());
        s.call("TTL", "pat").is(integerBetween(90, 100));
    }

    @SpecCase("SET")
    void setWithNonPositiveOrBadExpiryIsAnError(SpecSession s) {
        s.call("SET", "k", "v", "EX", "0").is(error("ERR invalid expire time in 'set' command"));
        s.call("SET", "k", "v", "PX", "-5").is(error("ERR invalid expire time in 'set' command"));
        s.call("SET", "k", "v", "EX", "ten").is(notAnInteger());
        s.call("SET", "k", "v", "EX", "9223372036854775807").is(error("ERR invalid expire time in 'set' command"));
        s.call("EXISTS", "k").is(integer(0));
    }

    @SpecCase("SET")
    void plainSetClearsTtlButKeepTtlKeepsIt(SpecSession s) {
        s.call("SET", "k", "v", "EX", "100").is(ok());
        s.call("SET", "k", "v2", "KEEPTTL").is(ok());
        s.call("TTL", "k").is(integerBetween(90, 100));
        s.call("SET", "k", "v3").is(ok());
        s.call("TTL", "k").is(integer(-1));
    }

    @SpecCase("SETNX")
    void setnxReturnsWhetherItWrote(SpecSession s) {
        s.call("SETNX", "k", "1").is(integer(1));
        s.call("SETNX", "k", "2").is(integer(0));
        s.call("GET", "k").is(bulk("1"));
    }

    @SpecCase("SETEX")
    void setexSetsValueAndTtl(SpecSession s) {
        s.call("SETEX", "k", "100", "v").is(ok());
        s.call("GET", "k").is(bulk("v"));
        s.call("TTL", "k").is(integerBetween(90, 100));
        s.call("SETEX", "k", "0", "v").is(error("ERR invalid expire time in 'setex' command"));
        s.call("SETEX", "k", "x", "v").is(notAnInteger());
    }

    @SpecCase("PSETEX")
    void psetexSetsValueAndTtlInMilliseconds(SpecSession s) {
        s.call("PSETEX", "k", "100000", "v").is(ok());
        s.call("PTTL", "k").is(integerBetween(90000, 100000));
        s.call("PSETEX", "k", "-1", "v").is(error("ERR invalid expire time in 'psetex' command"));
    }

    @SpecCase("MGET")
    void mgetReturnsNullForMissingAndNonStringKeys(SpecSession s) {
        s.call("SET", "a", "1").is(ok());
        s.call("RPUSH", "l", "x").is(integer(1));
        s.call("MGET", "a", "missing", "l").is(array("1", null, null));
    }

    @SpecCase("MSET")
    void msetSetsAllPairs(SpecSession s) {
        s.call("MSET", "a", "1", "b", "2").is(ok());
        s.call("MGET", "a", "b").is(array("1", "2"));
        s.call("MSET", "a", "1", "b").is(wrongArity("mset"));
    }

    @SpecCase("MSETNX")
    void msetnxWritesNothingIfAnyKeyExists(SpecSession s) {
        s.call("MSETNX", "a", "1", "b", "2").is(integer(1));
        s.call("MSETNX", "b", "3", "c", "4").is(integer(0));
        s.call("MGET", "a", "b", "c").is(array("1", "2", null));
    }

    @SpecCase("GETSET")
    void getsetReturnsOldValue(SpecSession s) {
        s.call("GETSET", "k", "1").is(nil());
        s.call("GETSET", "k", "2").is(bulk("1"));
        s.call("GET", "k").is(bulk("2"));
    }

    @SpecCase("GETDEL")
    void getdelReturnsAndDeletes(SpecSession s) {
        s.call("SET", "k", "v").is(ok());
        s.call("GETDEL", "k").is(bulk("v"));
        s.call("EXISTS", "k").is(integer(0));
        s.call("GETDEL", "k").is(nil());
        s.call("LPUSH", "l", "a").is(integer(1));
        s.call("GETDEL", "l").is(wrongType());
    }

    @SpecCase("GETEX")
    void getexChangesOrRemovesTtl(SpecSession s) {
        s.call("SET", "k", "v").is(ok());
        s.call("GETEX", "k", "EX", "100").is(bulk("v"));
        s.call("TTL", "k").is(integerBetween(90, 100));
        s.call("GETEX", "k", "PERSIST").is(bulk("v"));
        s.call("TTL", "k").is(integer(-1));
        s.call("GETEX", "k", "PX", "50000").is(bulk("v"));
        s.call("PTTL", "k").is(integerBetween(40000, 50000));
        s.call("GETEX", "missing", "EX", "10").is(nil());
        s.call("GETEX", "k", "EX", "0").is(error("ERR invalid expire time in 'getex' command"));
        s.call("GETEX", "k", "EX", "10", "PERSIST").is(syntaxError());
    }

    @SpecCase("APPEND")
    void appendReturnsNewLength(SpecSession s) {
        s.call("APPEND", "k", "Hello").is(integer(5));
        s.call("APPEND", "k", " World").is(integer(11));
        s.call("GET", "k").is(bulk("Hello World"));
        s.call("SADD", "s", "a").is(integer(1));
        s.call("APPEND", "s", "x").is(wrongType());
    }

    @SpecCase("STRLEN")
    void strlenCountsBytes(SpecSession s) {
        s.call("SET", "k", "héllo").is(ok());
        s.call("STRLEN", "k").is(integer(6));
        s.call("STRLEN", "missing").is(integer(0));
        s.call("SET", "n", "12345").is(ok());
        s.call("STRLEN", "n").is(integer(5));
    }

    @SpecCase("GETRANGE")
    void getrangeClampsIndexes(SpecSession s) {
        s.call("SET", "k", "This is a string").is(ok());
        s.call("GETRANGE", "k", "0", "3").is(bulk("This"));
        s.call("GETRANGE", "k", "-3", "-1").is(bulk("ing"));
        s.call("GETRANGE", "k", "0", "-1").is(bulk("This is a string"));
        s.call("GETRANGE", "k", "10", "100").is(bulk("string"));
        s.call("GETRANGE", "k", "5", "2").is(bulk(""));
        s.call("GETRANGE", "missing", "0", "10").is(bulk(""));
        s.call("GETRANGE", "k", "a", "1").is(notAnInteger());
    }

    @SpecCase("SUBSTR")
    void substrIsGetrange(SpecSession s) {
        s.call("SET", "k", "Hello").is(ok());
        s.call("SUBSTR", "k", "1", "3").is(bulk("ell"));
    }

    @SpecCase("SETRANGE")
    void setrangePadsWithZeroBytes(SpecSession s) {
        s.call("SETRANGE", "k", "3", "ab").is(integer(5));
        s.call("GET", "k").is(bulk(new byte[] {0, 0, 0, 'a', 'b'}));
        s.call("SET", "h", "Hello World").is(ok());
        s.call("SETRANGE", "h", "6", "Redis").is(integer(11));
        s.call("GET", "h").is(bulk("Hello Redis"));
        s.call("SETRANGE", "h", "-1", "x").is(error("ERR offset is out of range"));
        s.call("SETRANGE", "h", "536870912", "x").is(error("ERR string exceeds maximum allowed size (proto-max-bulk-len)"));
        s.call("SETRANGE", "none", "5", "").is(integer(0));
        s.call("EXISTS", "none").is(integer(0));
    }

    @SpecCase("INCR")
    void incrAndDecrCountFromZero(SpecSession s) {
        s.call("INCR", "n").is(integer(1));
        s.call("INCR", "n").is(integer(2));
        s.call("DECR", "n").is(integer(1));
        s.call("DECR", "m").is(integer(-1));
        s.call("GET", "n").is(bulk("1"));
    }

    @SpecCase("INCR")
    void incrOfNonIntegerIsAnError(SpecSession s) {
        s.call("SET", "k", "abc").is(ok());
        s.call("INCR", "k").is(notAnInteger());
        s.call("SET", "f", "1.5").is(ok());
        s.call("INCR", "f").is(notAnInteger());
        s.call("SET", "sp", " 1").is(ok());
        s.call("INCR", "sp").is(notAnInteger());
    }

    @SpecCase("INCR")
    void incrOverflowIsAnError(SpecSession s) {
        s.call("SET", "k", "9223372036854775807").is(ok());
        s.call("INCR", "k").is(error("ERR increment or decrement would overflow"));
        s.call("SET", "m", "-9223372036854775808").is(ok());
        s.call("DECR", "m").is(error("ERR increment or decrement would overflow"));
        s.call("GET", "k").is(bulk("9223372036854775807"));
    }

    @SpecCase("INCRBY")
    void incrbyAndDecrbyTakeIntegerIncrements(SpecSession s) {
        s.call("INCRBY", "n", "10").is(integer(10));
        s.call("INCRBY", "n", "-15").is(integer(-5));
        s.call("DECRBY", "n", "5").is(integer(-10));
        s.call("INCRBY", "n", "1.5").is(notAnInteger());
        s.call("DECRBY", "n", "-9223372036854775808").is(error("ERR decrement would overflow"));
        s.call("INCRBY", "n", "9223372036854775807").is(integer(9223372036854775797L));
        s.call("INCRBY", "n", "100").is(error("ERR increment or decrement would overflow"));
    }

    @SpecCase("INCRBY")
    void integersMustBeCanonicalDecimal(SpecSession s) {
        s.call("INCRBY", "k", "+1").is(notAnInteger());
        s.call("INCRBY", "k", "01").is(notAnInteger());
        s.call("INCRBY", "k", "9223372036854775808").is(notAnInteger());
        s.call("INCRBY", "k", "-9223372036854775808").is(integer(Long.MIN_VALUE));
        s.call("SET", "lead", "007").is(ok());
        s.call("INCR", "lead").is(notAnInteger());
    }

    @SpecCase("INCRBYFLOAT")
    void incrbyfloatFormatsLikeRedis(SpecSession s) {
        s.call("SET", "f", "10.50").is(ok());
        s.call("INCRBYFLOAT", "f", "0.1").is(bulk("10.6"));
        s.call("INCRBYFLOAT", "f", "-5").is(bulk("5.6"));
        s.call("SET", "e", "5.0e3").is(ok());
        s.call("INCRBYFLOAT", "e", "2.0e2").is(bulk("5200"));
        s.call("INCRBYFLOAT", "new", "3").is(bulk("3"));
        s.call("GET", "new").is(bulk("3"));
    }

    @SpecCase("INCRBYFLOAT")
    void incrbyfloatRejectsNonFloatsAndInfinity(SpecSession s) {
        s.call("SET", "k", "abc").is(ok());
        s.call("INCRBYFLOAT", "k", "1").is(notAFloat());
        s.call("INCRBYFLOAT", "n", "abc").is(notAFloat());
        s.call("SET", "big", "1.7976931348623157e308").is(ok());
        // Redis adds in long double, so twice DBL_MAX is still finite and printed in full (309 digits)
        s.call("INCRBYFLOAT", "big", "1.7976931348623157e308").is(bulkMatching("359538626972463\\d{294}"));
        s.call("INCRBYFLOAT", "n", "inf").is(error("ERR increment would produce NaN or Infinity"));
    }

    @SpecCase("LCS")
    void lcsReturnsTheLongestCommonSubsequence(SpecSession s) {
        s.call("MSET", "key1", "ohmytext", "key2", "mynewtext").is(ok());
        s.call("LCS", "key1", "key2").is(bulk("mytext"));
        s.call("LCS", "key1", "key2", "LEN").is(integer(6));
        s.call("LCS", "key1", "missing").is(bulk(""));
    }

    @SpecCase("LCS")
    void lcsIdxReportsMatchPositions(SpecSession s) {
        s.call("MSET", "key1", "ohmytext", "key2", "mynewtext").is(ok());
        s.call("LCS", "key1", "key2", "IDX", "MINMATCHLEN", "4", "WITHMATCHLEN").is(map(
                "matches", array(array(array(4, 7), array(5, 8), 4)),
                "len", 6));
        s.call("LCS", "key1", "key2", "IDX").is(map(
                "matches", array(array(array(4, 7), array(5, 8)), array(array(2, 3), array(0, 1))),
                "len", 6));
        s.call("LCS", "key1", "key2", "LEN", "IDX").is(
                error("ERR If you want both the length and indexes, please just use IDX."));
    }

    @SpecCase("OBJECT ENCODING")
    void stringEncodingsFollowLengthAndIntegerRules(SpecSession s) {
        s.call("SET", "i", "12345").is(ok());
        s.call("OBJECT", "ENCODING", "i").is(bulk("int"));
        s.call("SET", "e44", "a".repeat(44)).is(ok());
        s.call("OBJECT", "ENCODING", "e44").is(bulk("embstr"));
        s.call("SET", "r45", "a".repeat(45)).is(ok());
        s.call("OBJECT", "ENCODING", "r45").is(bulk("raw"));
        s.call("SET", "lead0", "012").is(ok());
        s.call("OBJECT", "ENCODING", "lead0").is(bulk("embstr"));
        s.call("SET", "a", "x").is(ok());
        s.call("APPEND", "a", "y").is(integer(2));
        s.call("OBJECT", "ENCODING", "a").is(bulk("raw"));
        s.call("INCR", "c").is(integer(1));
        s.call("OBJECT", "ENCODING", "c").is(bulk("int"));
        s.call("SET", "min", "-9223372036854775808").is(ok());
        s.call("OBJECT", "ENCODING", "min").is(bulk("int"));
        s.call("SET", "over", "9223372036854775808").is(ok());
        s.call("OBJECT", "ENCODING", "over").is(bulk("embstr"));
        s.call("SET", "negzero", "-0").is(ok());
        s.call("OBJECT", "ENCODING", "negzero").is(bulk("embstr"));
        s.call("OBJECT", "ENCODING", "missing").is(nil());
    }

    @SpecCase("LCS")
    void lcsNeedsStringKeys(SpecSession s) {
        s.call("SET", "a", "abc").is(ok());
        s.call("RPUSH", "l", "x").is(integer(1));
        s.call("LCS", "a", "l").is(error("ERR The specified keys must contain string values"));
        s.call("LCS", "a", "a", "NOPE").is(syntaxError());
    }

    @SpecCase("GET")
    void stringCommandsOnOtherTypesAnswerWrongtype(SpecSession s) {
        s.call("HSET", "h", "f", "v").is(integer(1));
        for (String[] c : new String[][] {{"GET", "h"}, {"GETSET", "h", "v"}, {"GETEX", "h"}, {"APPEND", "h", "x"},
                {"STRLEN", "h"}, {"GETRANGE", "h", "0", "1"}, {"SETRANGE", "h", "0", "x"}, {"INCR", "h"},
                {"DECRBY", "h", "1"}, {"INCRBYFLOAT", "h", "1"}, {"SETBIT", "h", "0", "1"}, {"GETBIT", "h", "0"},
                {"BITCOUNT", "h"}}) {
            s.call(c).is(wrongType());
        }
        s.call("MGET", "h").is(array((Object) null));
        s.call("SET", "h", "overwritten").is(ok());
    }

    @SpecCase("SET")
    void absoluteExpiryInThePastDeletesTheKey(SpecSession s) {
        s.call("SET", "k", "v", "PXAT", "1").is(ok());
        s.call("EXISTS", "k").is(integer(0));
        s.call("SET", "g", "v").is(ok());
        s.call("GETEX", "g", "EXAT", "1").is(bulk("v"));
        s.call("EXISTS", "g").is(integer(0));
    }

    @SpecCase("MSETNX")
    void msetnxWithARepeatedKeyKeepsTheLastValue(SpecSession s) {
        s.call("MSETNX", "a", "1", "a", "2").is(integer(1));
        s.call("GET", "a").is(bulk("2"));
    }

    @SpecCase("APPEND")
    void appendToAnIntegerTurnsItIntoARawString(SpecSession s) {
        s.call("SET", "n", "10").is(ok());
        s.call("OBJECT", "ENCODING", "n").is(bulk("int"));
        s.call("APPEND", "n", "5").is(integer(3));
        s.call("OBJECT", "ENCODING", "n").is(bulk("raw"));
        s.call("INCR", "n").is(integer(106));
        s.call("OBJECT", "ENCODING", "n").is(bulk("int"));
    }

    @SpecCase("SETRANGE")
    void setrangeAtTheLargestOffsetIsRefusedNotOverflowed(SpecSession s) {
        s.call("SET", "k", "abc").is(ok());
        s.call("SETRANGE", "k", "9223372036854775807", "v").is(
                error("ERR string exceeds maximum allowed size (proto-max-bulk-len)"));
        s.call("GET", "k").is(bulk("abc"));
    }

    @SpecCase("INCRBYFLOAT")
    void incrbyfloatParsesLikeStrtold(SpecSession s) {
        s.call("INCRBYFLOAT", "n", "0x10").is(bulk("16"));
        s.call("INCRBYFLOAT", "n", "1e1").is(bulk("26"));
    }
}
