package dev.verdict.conformance.spec;

import java.util.HashSet;
import java.util.Set;

import static dev.verdict.conformance.spec.Replies.*;

/** Generic keyspace commands, expiry, SCAN, COPY/MOVE/SWAPDB, OBJECT and SORT (Redis 7.0). */
@SpecSuite(family = "keys")
class KeysSpec {

    @SpecCase("DEL")
    void delCountsRemovedKeys(SpecSession s) {
        s.call("MSET", "a", "1", "b", "2").is(ok());
        s.call("DEL", "a", "b", "c", "a").is(integer(2));
        s.call("DEL", "a").is(integer(0));
        s.call("DEL").is(wrongArity("del"));
    }

    @SpecCase("UNLINK")
    void unlinkRemovesLikeDel(SpecSession s) {
        s.call("RPUSH", "l", "1", "2").is(integer(2));
        s.call("SET", "k", "v").is(ok());
        s.call("UNLINK", "l", "k", "missing").is(integer(2));
        s.call("DBSIZE").is(integer(0));
    }

    @SpecCase("EXISTS")
    void existsCountsRepeatedKeys(SpecSession s) {
        s.call("SET", "k", "v").is(ok());
        s.call("EXISTS", "k", "k", "missing").is(integer(2));
        s.call("EXISTS", "missing").is(integer(0));
    }

    @SpecCase("TYPE")
    void typeNamesEveryDataType(SpecSession s) {
        s.call("SET", "str", "v").is(ok());
        s.call("RPUSH", "list", "a").is(integer(1));
        s.call("SADD", "set", "a").is(integer(1));
        s.call("ZADD", "zset", "1", "a").is(integer(1));
        s.call("HSET", "hash", "f", "v").is(integer(1));
        s.call("XADD", "stream", "1-1", "f", "v").is(bulk("1-1"));
        s.call("TYPE", "str").is(simple("string"));
        s.call("TYPE", "list").is(simple("list"));
        s.call("TYPE", "set").is(simple("set"));
        s.call("TYPE", "zset").is(simple("zset"));
        s.call("TYPE", "hash").is(simple("hash"));
        s.call("TYPE", "stream").is(simple("stream"));
        s.call("TYPE", "missing").is(simple("none"));
    }

    @SpecCase("RENAME")
    void renameMovesValueAndTtl(SpecSession s) {
        s.call("SET", "a", "v", "EX", "100").is(ok());
        s.call("SET", "b", "old").is(ok());
        s.call("RENAME", "a", "b").is(ok());
        s.call("GET", "b").is(bulk("v"));
        s.call("TTL", "b").is(integerBetween(90, 100));
        s.call("EXISTS", "a").is(integer(0));
        s.call("RENAME", "missing", "x").is(error("ERR no such key"));
        s.call("RENAME", "b", "b").is(ok());
    }

    @SpecCase("RENAMENX")
    void renamenxRefusesExistingTarget(SpecSession s) {
        s.call("MSET", "a", "1", "b", "2").is(ok());
        s.call("RENAMENX", "a", "b").is(integer(0));
        s.call("RENAMENX", "a", "c").is(integer(1));
        s.call("MGET", "a", "b", "c").is(array(null, "2", "1"));
        s.call("RENAMENX", "missing", "d").is(error("ERR no such key"));
    }

    @SpecCase("KEYS")
    void keysMatchesGlobPatterns(SpecSession s) {
        s.call("MSET", "hello", "1", "hallo", "2", "hxllo", "3", "hllo", "4", "heeeello", "5").is(ok());
        s.call("KEYS", "h?llo").is(unordered("hello", "hallo", "hxllo"));
        s.call("KEYS", "h*llo").is(unordered("hello", "hallo", "hxllo", "hllo", "heeeello"));
        s.call("KEYS", "h[ae]llo").is(unordered("hello", "hallo"));
        s.call("KEYS", "h[^e]llo").is(unordered("hallo", "hxllo"));
        s.call("KEYS", "h[a-b]llo").is(unordered("hallo"));
        s.call("KEYS", "nothing*").is(emptyArray());
    }

    @SpecCase("SCAN")
    void scanReturnsEveryKeyWithCursorZeroOnSmallKeyspaces(SpecSession s) {
        s.call("MSET", "k1", "1", "k2", "2", "other", "3").is(ok());
        s.call("RPUSH", "klist", "x").is(integer(1));
        s.call("SCAN", "0").is(array("0", unordered("k1", "k2", "other", "klist")));
        s.call("SCAN", "0", "MATCH", "k*", "COUNT", "100").is(array("0", unordered("k1", "k2", "klist")));
        s.call("SCAN", "0", "TYPE", "list").is(array("0", unordered("klist")));
        s.call("SCAN", "abc").is(error("ERR invalid cursor"));
        s.call("SCAN", "0", "COUNT", "0").is(syntaxError());
    }

    @SpecCase("SCAN")
    void scanIteratesALargeKeyspaceCompletely(SpecSession s) {
        String[] mset = new String[2 * 300 + 1];
        mset[0] = "MSET";
        for (int i = 0; i < 300; i++) {
            mset[1 + 2 * i] = "key:" + i;
            mset[2 + 2 * i] = "v";
        }
        s.call(mset).is(ok());
        Set<String> seen = new HashSet<>();
        String cursor = "0";
        int rounds = 0;
        do {
            Call c = s.call("SCAN", cursor, "COUNT", "20").is(array(anyBulk(), anything()));
            cursor = c.texts().get(0);
            seen.addAll(c.element(1).texts());
        } while (!cursor.equals("0") && ++rounds < 1000);
        s.call("DBSIZE").is(integer(seen.size()));
        s.call("EXISTS", "key:0", "key:299").is(integer(2));
    }

    @SpecCase("RANDOMKEY")
    void randomkeyIsNullOnEmptyDatabase(SpecSession s) {
        s.call("RANDOMKEY").is(nil());
        s.call("SET", "only", "v").is(ok());
        s.call("RANDOMKEY").is(bulk("only"));
    }

    @SpecCase("TTL")
    void ttlDistinguishesMissingAndPersistentKeys(SpecSession s) {
        s.call("TTL", "missing").is(integer(-2));
        s.call("PTTL", "missing").is(integer(-2));
        s.call("SET", "k", "v").is(ok());
        s.call("TTL", "k").is(integer(-1));
        s.call("PTTL", "k").is(integer(-1));
    }

    @SpecCase("EXPIRE")
    void expireSetsTtlAndNegativeDeletes(SpecSession s) {
        s.call("SET", "k", "v").is(ok());
        s.call("EXPIRE", "k", "100").is(integer(1));
        s.call("TTL", "k").is(integerBetween(90, 100));
        s.call("EXPIRE", "missing", "100").is(integer(0));
        s.call("EXPIRE", "k", "-1").is(integer(1));
        s.call("EXISTS", "k").is(integer(0));
        s.call("EXPIRE", "k", "abc").is(notAnInteger());
        s.call("SET", "k", "v").is(ok());
        s.call("EXPIRE", "k", "9223372036854775807").is(error("ERR invalid expire time in 'expire' command"));
        // seconds that overflow once converted to milliseconds
        s.call("EXPIRE", "k", "9223372036854775").is(error("ERR invalid expire time in 'expire' command"));
        s.call("PEXPIRE", "k", "9223372036854775807").is(error("ERR invalid expire time in 'pexpire' command"));
        s.call("TTL", "k").is(integer(-1));
    }

    @SpecCase("EXPIRE")
    void expireOptionsNxXxGtLt(SpecSession s) {
        s.call("SET", "k", "v").is(ok());
        s.call("EXPIRE", "k", "100", "XX").is(integer(0));
        s.call("EXPIRE", "k", "100", "GT").is(integer(0));
        s.call("EXPIRE", "k", "100", "NX").is(integer(1));
        s.call("EXPIRE", "k", "200", "NX").is(integer(0));
        s.call("EXPIRE", "k", "50", "GT").is(integer(0));
        s.call("EXPIRE", "k", "200", "GT").is(integer(1));
        s.call("EXPIRE", "k", "300", "LT").is(integer(0));
        s.call("EXPIRE", "k", "150", "LT").is(integer(1));
        s.call("EXPIRE", "k", "120", "XX").is(integer(1));
        s.call("TTL", "k").is(integerBetween(110, 120));
        s.call("SET", "p", "v").is(ok());
        s.call("EXPIRE", "p", "100", "LT").is(integer(1));
        s.call("EXPIRE", "k", "100", "NX", "XX").is(
                error("ERR NX and XX, GT or LT options at the same time are not compatible"));
        s.call("EXPIRE", "k", "100", "GT", "LT").is(error("ERR GT and LT options at the same time are not compatible"));
        s.call("EXPIRE", "k", "100", "YY").is(error("ERR Unsupported option YY"));
    }

    @SpecCase("PEXPIRE")
    void pexpireWorksInMilliseconds(SpecSession s) {
        s.call("SET", "k", "v").is(ok());
        s.call("PEXPIRE", "k", "100000").is(integer(1));
        s.call("PTTL", "k").is(integerBetween(90000, 100000));
        s.call("PEXPIRE", "k", "200000", "GT").is(integer(1));
        s.call("TTL", "k").is(integerBetween(190, 200));
    }

    @SpecCase("EXPIREAT")
    void expireatInThePastDeletes(SpecSession s) {
        s.call("SET", "k", "v").is(ok());
        s.call("EXPIREAT", "k", "4102444800").is(integer(1));
        s.call("EXPIRETIME", "k").is(integer(4102444800L));
        s.call("PEXPIRETIME", "k").is(integer(4102444800000L));
        s.call("EXPIREAT", "k", "1").is(integer(1));
        s.call("EXISTS", "k").is(integer(0));
    }

    @SpecCase("PEXPIREAT")
    void pexpireatSetsAbsoluteMilliseconds(SpecSession s) {
        s.call("SET", "k", "v").is(ok());
        s.call("PEXPIREAT", "k", "4102444800123").is(integer(1));
        s.call("PEXPIRETIME", "k").is(integer(4102444800123L));
        s.call("EXPIRETIME", "k").is(integer(4102444800L));
        s.call("PEXPIREAT", "k", "4102444800000", "LT").is(integer(1));
        s.call("PEXPIRETIME", "k").is(integer(4102444800000L));
    }

    @SpecCase("EXPIRETIME")
    void expiretimeOfMissingAndPersistentKeys(SpecSession s) {
        s.call("EXPIRETIME", "missing").is(integer(-2));
        s.call("PEXPIRETIME", "missing").is(integer(-2));
        s.call("SET", "k", "v").is(ok());
        s.call("EXPIRETIME", "k").is(integer(-1));
        s.call("PEXPIRETIME", "k").is(integer(-1));
    }

    @SpecCase("PERSIST")
    void persistRemovesTtl(SpecSession s) {
        s.call("SET", "k", "v", "EX", "100").is(ok());
        s.call("PERSIST", "k").is(integer(1));
        s.call("TTL", "k").is(integer(-1));
        s.call("PERSIST", "k").is(integer(0));
        s.call("PERSIST", "missing").is(integer(0));
    }

    @SpecCase("PEXPIRE")
    void keysExpireAfterTheirTtl(SpecSession s) throws InterruptedException {
        s.call("SET", "k", "v", "PX", "50").is(ok());
        Thread.sleep(120);
        s.call("GET", "k").is(nil());
        s.call("EXISTS", "k").is(integer(0));
    }

    @SpecCase("TOUCH")
    void touchCountsExistingKeys(SpecSession s) {
        s.call("MSET", "a", "1", "b", "2").is(ok());
        s.call("TOUCH", "a", "b", "c").is(integer(2));
    }

    @SpecCase("COPY")
    void copyDuplicatesValueAndTtl(SpecSession s) {
        s.call("SET", "src", "v", "EX", "100").is(ok());
        s.call("COPY", "src", "dst").is(integer(1));
        s.call("GET", "dst").is(bulk("v"));
        s.call("TTL", "dst").is(integerBetween(90, 100));
        s.call("SET", "src", "w").is(ok());
        s.call("COPY", "src", "dst").is(integer(0));
        s.call("COPY", "src", "dst", "REPLACE").is(integer(1));
        s.call("GET", "dst").is(bulk("w"));
        s.call("COPY", "missing", "x").is(integer(0));
        s.call("COPY", "src", "src").is(error("ERR source and destination objects are the same"));
        s.call("RPUSH", "l", "1", "2").is(integer(2));
        s.call("COPY", "l", "l2").is(integer(1));
        s.call("RPUSH", "l2", "3").is(integer(3));
        s.call("LLEN", "l").is(integer(2));
    }

    @SpecCase("COPY")
    void copyToAnotherDatabase(SpecSession s) {
        s.call("SET", "src", "v").is(ok());
        s.call("COPY", "src", "src", "DB", "1").is(integer(1));
        s.call("SELECT", "1").is(ok());
        s.call("GET", "src").is(bulk("v"));
        s.call("COPY", "src", "x", "DB", "99").is(error("ERR DB index is out of range"));
    }

    @SpecCase("MOVE")
    void moveTransfersKeyToAnotherDatabase(SpecSession s) {
        s.call("SET", "k", "v").is(ok());
        s.call("MOVE", "k", "1").is(integer(1));
        s.call("EXISTS", "k").is(integer(0));
        s.call("MOVE", "k", "1").is(integer(0));
        s.call("SET", "k", "again").is(ok());
        s.call("MOVE", "k", "1").is(integer(0));
        s.call("MOVE", "k", "0").is(error("ERR source and destination objects are the same"));
        s.call("MOVE", "k", "99").is(error("ERR DB index is out of range"));
        s.call("SELECT", "1").is(ok());
        s.call("GET", "k").is(bulk("v"));
    }

    @SpecCase("SWAPDB")
    void swapdbExchangesDatabases(SpecSession s) {
        s.call("SET", "in0", "a").is(ok());
        s.call("SWAPDB", "0", "1").is(ok());
        s.call("EXISTS", "in0").is(integer(0));
        s.call("SELECT", "1").is(ok());
        s.call("GET", "in0").is(bulk("a"));
        s.call("SWAPDB", "0", "99").is(error("ERR DB index is out of range"));
        s.call("SWAPDB", "x", "1").is(error("ERR invalid first DB index"));
        s.call("SWAPDB", "0", "y").is(error("ERR invalid second DB index"));
    }

    @SpecCase("OBJECT")
    void objectReportsRefcountIdletimeAndFreqPolicy(SpecSession s) {
        s.call("SET", "k", "a".repeat(50)).is(ok());
        s.call("OBJECT", "REFCOUNT", "k").is(integer(1));
        s.call("OBJECT", "IDLETIME", "k").is(integerBetween(0, 10));
        s.call("OBJECT", "FREQ", "k").is(error("ERR An LFU maxmemory policy is not selected, access frequency not tracked. "
                + "Please note that when switching between policies at runtime LRU and LFU data will take some time to adjust."));
        s.call("OBJECT", "REFCOUNT", "missing").is(nil());
        s.call("OBJECT", "NOPE", "k").is(error("ERR unknown subcommand 'NOPE'. Try OBJECT HELP."));
    }

    @SpecCase("DBSIZE")
    void dbsizeCountsKeysOfTheSelectedDatabase(SpecSession s) {
        s.call("DBSIZE").is(integer(0));
        s.call("MSET", "a", "1", "b", "2").is(ok());
        s.call("DBSIZE").is(integer(2));
        s.call("SELECT", "2").is(ok());
        s.call("DBSIZE").is(integer(0));
    }

    @SpecCase("FLUSHDB")
    void flushdbClearsOnlyTheSelectedDatabase(SpecSession s) {
        s.call("SET", "a", "1").is(ok());
        s.call("SELECT", "1").is(ok());
        s.call("SET", "b", "1").is(ok());
        s.call("FLUSHDB").is(ok());
        s.call("DBSIZE").is(integer(0));
        s.call("SELECT", "0").is(ok());
        s.call("DBSIZE").is(integer(1));
        s.call("FLUSHDB", "ASYNC").is(ok());
        s.call("DBSIZE").is(integer(0));
        s.call("FLUSHDB", "LATER").is(syntaxError());
    }

    @SpecCase("FLUSHALL")
    void flushallClearsEveryDatabase(SpecSession s) {
        s.call("SET", "a", "1").is(ok());
        s.call("SELECT", "3").is(ok());
        s.call("SET", "b", "1").is(ok());
        s.call("FLUSHALL", "SYNC").is(ok());
        s.call("DBSIZE").is(integer(0));
        s.call("SELECT", "0").is(ok());
        s.call("DBSIZE").is(integer(0));
        s.call("FLUSHALL", "NOW").is(syntaxError());
    }

    @SpecCase("SORT")
    void sortNumericAlphaLimitAndDesc(SpecSession s) {
        s.call("RPUSH", "n", "3", "1", "10", "2").is(integer(4));
        s.call("SORT", "n").is(array("1", "2", "3", "10"));
        s.call("SORT", "n", "DESC").is(array("10", "3", "2", "1"));
        s.call("SORT", "n", "ALPHA").is(array("1", "10", "2", "3"));
        s.call("SORT", "n", "LIMIT", "1", "2").is(array("2", "3"));
        s.call("RPUSH", "words", "b", "a").is(integer(2));
        s.call("SORT", "words").is(error("ERR One or more scores can't be converted into double"));
        s.call("SORT", "missing").is(emptyArray());
        s.call("SORT", "n", "LIMIT", "1").is(syntaxError());
    }

    @SpecCase("SORT")
    void sortByAndGetPatternsAndStore(SpecSession s) {
        s.call("RPUSH", "ids", "1", "2", "3").is(integer(3));
        s.call("MSET", "w_1", "30", "w_2", "10", "w_3", "20", "name_1", "a", "name_2", "b").is(ok());
        s.call("SORT", "ids", "BY", "w_*").is(array("2", "3", "1"));
        s.call("SORT", "ids", "BY", "w_*", "GET", "#", "GET", "name_*").is(array("2", "b", "3", null, "1", "a"));
        s.call("SORT", "ids", "BY", "nosort", "GET", "name_*").is(array("a", "b", null));
        s.call("SORT", "ids", "DESC", "STORE", "out").is(integer(3));
        s.call("LRANGE", "out", "0", "-1").is(array("3", "2", "1"));
        s.call("HSET", "h_1", "f", "9").is(integer(1));
        s.call("SORT", "ids", "BY", "nosort", "GET", "h_*->f").is(array("9", null, null));
    }

    @SpecCase("SORT_RO")
    void sortRoSortsButRefusesStore(SpecSession s) {
        s.call("SADD", "s", "5", "3", "4").is(integer(3));
        s.call("SORT_RO", "s").is(array("3", "4", "5"));
        s.call("SORT_RO", "s", "STORE", "x").is(syntaxError());
    }

    @SpecCase("OBJECT FREQ")
    void objectFreqUnderAnLfuPolicyStartsAtFiveAndCountsTheFirstAccess(SpecSession s) throws InterruptedException {
        // The counter decays by one at every minute boundary crossed (lfu-decay-time 1), so the
        // case keeps clear of one (a boundary between SET and GET made it 5 once, on real Redis).
        long intoMinute = System.currentTimeMillis() % 60_000;
        if (intoMinute > 57_000) Thread.sleep(60_000 - intoMinute + 50);
        s.configSet("maxmemory-policy", "allkeys-lfu");
        s.call("SET", "k", "v").is(ok());
        s.call("OBJECT", "FREQ", "k").is(integer(5));
        s.call("GET", "k").is(bulk("v"));
        s.call("OBJECT", "FREQ", "k").is(integer(6));
    }

    @SpecCase("KEYS")
    void keysPatternsEscapeSpecialCharacters(SpecSession s) {
        s.call("MSET", "h*llo", "1", "hello", "2", "a?c", "3", "abc", "4").is(ok());
        s.call("KEYS", "h\\*llo").is(array("h*llo"));
        s.call("KEYS", "a\\?c").is(array("a?c"));
        s.call("KEYS", "*").is(unordered("h*llo", "hello", "a?c", "abc"));
    }

    @SpecCase("SORT")
    void sortOfASortedSetByNosortKeepsScoreOrder(SpecSession s) {
        s.call("ZADD", "z", "3", "a", "1", "b", "2", "c").is(integer(3));
        s.call("SORT", "z", "BY", "nosort").is(array("b", "c", "a"));
        s.call("SORT", "z", "ALPHA").is(array("a", "b", "c"));
        s.call("RPUSH", "l", "3", "1", "2").is(integer(3));
        s.call("SORT", "l", "LIMIT", "0", "-1").is(array("1", "2", "3"));
        s.call("SORT", "l", "LIMIT", "5", "10").is(emptyArray());
    }

    @SpecCase("COPY")
    void copyDbMustFitAnInt(SpecSession s) {
        s.call("SET", "a", "v").is(ok());
        s.call("COPY", "a", "b", "DB", "2147483648").is(
                error("ERR value is out of range, value must between -2147483648 and 2147483647"));
    }

    @SpecCase("SORT")
    void sortParsesItsOptionsBeforeLookingAtTheKey(SpecSession s) {
        s.call("SET", "str", "abc").is(ok());
        s.call("SORT", "str", "0", "0").is(syntaxError());
        s.call("SORT_RO", "str", "0", "0").is(syntaxError());
        s.call("SORT", "str").is(wrongType());
    }
}
