package dev.verdict.conformance.spec;

import static dev.verdict.conformance.spec.Replies.*;

/** Sorted sets: ZADD options, ranges by rank/score/lex, pops, algebra, score formatting, encodings (Redis 7.0). */
@SpecSuite(family = "sorted-sets")
class SortedSetsSpec {

    @SpecCase("ZADD")
    void zaddCountsAddedOrChangedWithCh(SpecSession s) {
        s.call("ZADD", "z", "1", "a", "2", "b").is(integer(2));
        s.call("ZADD", "z", "5", "a", "3", "c").is(integer(1));
        s.call("ZADD", "z", "CH", "6", "a", "3", "c", "4", "d").is(integer(2));
        s.call("ZRANGE", "z", "0", "-1", "WITHSCORES").is(withScores("b", "2", "c", "3", "d", "4", "a", "6"));
    }

    @SpecCase("ZADD")
    void zaddNxXxGtLt(SpecSession s) {
        s.call("ZADD", "z", "5", "a").is(integer(1));
        s.call("ZADD", "z", "NX", "1", "a", "1", "b").is(integer(1));
        s.call("ZADD", "z", "XX", "2", "b", "1", "c").is(integer(0));
        s.call("ZADD", "z", "GT", "CH", "4", "a", "3", "b").is(integer(1));
        s.call("ZADD", "z", "LT", "CH", "1", "a").is(integer(1));
        s.call("ZRANGE", "z", "0", "-1", "WITHSCORES").is(withScores("a", "1", "b", "3"));
        s.call("ZADD", "z", "NX", "XX", "1", "a").is(error("ERR XX and NX options at the same time are not compatible"));
        s.call("ZADD", "z", "GT", "LT", "1", "a").is(
                error("ERR GT, LT, and/or NX options at the same time are not compatible"));
        s.call("ZADD", "z", "NX", "GT", "1", "a").is(
                error("ERR GT, LT, and/or NX options at the same time are not compatible"));
    }

    @SpecCase("ZADD")
    void zaddIncrReturnsTheNewScore(SpecSession s) {
        s.call("ZADD", "z", "INCR", "1.5", "a").is(dbl("1.5"));
        s.call("ZADD", "z", "INCR", "1", "a").is(dbl("2.5"));
        s.call("ZADD", "z", "NX", "INCR", "1", "a").is(nil());
        s.call("ZADD", "z", "INCR", "1", "a", "2", "b").is(
                error("ERR INCR option supports a single increment-element pair"));
    }

    @SpecCase("ZADD")
    void zaddRejectsBadScoresAndArity(SpecSession s) {
        s.call("ZADD", "z", "one", "a").is(notAFloat());
        s.call("ZADD", "z", "nan", "a").is(notAFloat());
        s.call("ZADD", "z", "1").is(wrongArity("zadd"));
        s.call("ZADD", "z", "1", "a", "2").is(syntaxError());
        s.call("EXISTS", "z").is(integer(0));
        s.call("ZADD", "z", "inf", "a", "-inf", "b").is(integer(2));
        s.call("ZSCORE", "z", "a").is(dbl("inf"));
        s.call("ZSCORE", "z", "b").is(dbl("-inf"));
    }

    @SpecCase("ZSCORE")
    void scoresAreFormattedLikeRedis(SpecSession s) {
        s.call("ZADD", "z", "2", "int", "1.5", "half", "0.1", "tenth", "1e20", "big").is(integer(4));
        s.call("ZSCORE", "z", "int").is(dbl("2"));
        s.call("ZSCORE", "z", "half").is(dbl("1.5"));
        s.call("ZSCORE", "z", "tenth").is(dbl("0.10000000000000001"));
        s.call("ZSCORE", "z", "big").is(dbl("1e+20"));
        s.call("ZSCORE", "z", "none").is(nil());
        s.call("ZINCRBY", "z", "0.2", "tenth").is(dbl("0.30000000000000004"));
        s.call("ZMSCORE", "z", "int", "none").is(array(dbl("2"), null));
    }

    @SpecCase("ZINCRBY")
    void zincrbyCreatesAndRejectsNaN(SpecSession s) {
        s.call("ZINCRBY", "z", "3", "a").is(dbl("3"));
        s.call("ZADD", "z", "inf", "b").is(integer(1));
        s.call("ZINCRBY", "z", "-inf", "b").is(error("ERR resulting score is not a number (NaN)"));
        s.call("ZINCRBY", "z", "x", "a").is(notAFloat());
    }

    @SpecCase("ZCARD")
    void zcardZcountZlexcount(SpecSession s) {
        s.call("ZADD", "z", "1", "a", "2", "b", "3", "c").is(integer(3));
        s.call("ZCARD", "z").is(integer(3));
        s.call("ZCARD", "missing").is(integer(0));
        s.call("ZCOUNT", "z", "(1", "3").is(integer(2));
        s.call("ZCOUNT", "z", "-inf", "+inf").is(integer(3));
        s.call("ZCOUNT", "z", "x", "3").is(error("ERR min or max is not a float"));
        s.call("ZADD", "lex", "0", "a", "0", "b", "0", "c").is(integer(3));
        s.call("ZLEXCOUNT", "lex", "[b", "+").is(integer(2));
        s.call("ZLEXCOUNT", "lex", "-", "(b").is(integer(1));
        s.call("ZLEXCOUNT", "lex", "b", "+").is(error("ERR min or max not valid string range item"));
    }

    @SpecCase("ZRANK")
    void zrankAndZrevrank(SpecSession s) {
        s.call("ZADD", "z", "1", "a", "2", "b", "3", "c").is(integer(3));
        s.call("ZRANK", "z", "a").is(integer(0));
        s.call("ZREVRANK", "z", "a").is(integer(2));
        s.call("ZRANK", "z", "none").is(nil());
        s.call("ZRANK", "missing", "a").is(nil());
    }

    @SpecCase("ZRANGE")
    void zrangeByRankScoreAndLex(SpecSession s) {
        s.call("ZADD", "z", "1", "a", "2", "b", "3", "c", "4", "d").is(integer(4));
        s.call("ZRANGE", "z", "1", "2").is(array("b", "c"));
        s.call("ZRANGE", "z", "-2", "-1", "REV").is(array("b", "a"));
        s.call("ZRANGE", "z", "(1", "3", "BYSCORE").is(array("b", "c"));
        s.call("ZRANGE", "z", "+inf", "-inf", "BYSCORE", "REV", "LIMIT", "1", "2").is(array("c", "b"));
        s.call("ZRANGE", "z", "[b", "(d", "BYLEX").is(array("b", "c"));
        s.call("ZRANGE", "z", "0", "1", "LIMIT", "0", "1").is(
                error("ERR syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX"));
        s.call("ZRANGE", "z", "0", "-1", "BYLEX", "WITHSCORES").is(
                error("ERR syntax error, WITHSCORES not supported in combination with BYLEX"));
        s.call("ZRANGE", "z", "a", "1").is(notAnInteger());
    }

    @SpecCase("ZRANGEBYSCORE")
    void legacyRangeCommands(SpecSession s) {
        s.call("ZADD", "z", "1", "a", "2", "b", "3", "c").is(integer(3));
        s.call("ZRANGEBYSCORE", "z", "-inf", "(3", "WITHSCORES").is(withScores("a", "1", "b", "2"));
        s.call("ZREVRANGEBYSCORE", "z", "3", "2").is(array("c", "b"));
        s.call("ZRANGEBYSCORE", "z", "0", "10", "LIMIT", "1", "1").is(array("b"));
        s.call("ZREVRANGE", "z", "0", "0", "WITHSCORES").is(withScores("c", "3"));
        s.call("ZADD", "lex", "0", "a", "0", "b", "0", "c").is(integer(3));
        s.call("ZRANGEBYLEX", "lex", "-", "[b").is(array("a", "b"));
        s.call("ZREVRANGEBYLEX", "lex", "+", "(a").is(array("c", "b"));
    }

    @SpecCase("ZRANGESTORE")
    void zrangestoreStoresTheRange(SpecSession s) {
        s.call("ZADD", "z", "1", "a", "2", "b", "3", "c").is(integer(3));
        s.call("ZRANGESTORE", "dst", "z", "1", "-1").is(integer(2));
        s.call("ZRANGE", "dst", "0", "-1", "WITHSCORES").is(withScores("b", "2", "c", "3"));
        s.call("ZRANGESTORE", "dst", "z", "5", "10").is(integer(0));
        s.call("EXISTS", "dst").is(integer(0));
    }

    @SpecCase("ZREM")
    void zremAndRangeRemovals(SpecSession s) {
        s.call("ZADD", "z", "1", "a", "2", "b", "3", "c", "4", "d", "5", "e").is(integer(5));
        s.call("ZREM", "z", "a", "none").is(integer(1));
        s.call("ZREMRANGEBYRANK", "z", "0", "0").is(integer(1));
        s.call("ZREMRANGEBYSCORE", "z", "(3", "4").is(integer(1));
        s.call("ZRANGE", "z", "0", "-1").is(array("c", "e"));
        s.call("ZADD", "lex", "0", "a", "0", "b", "0", "c").is(integer(3));
        s.call("ZREMRANGEBYLEX", "lex", "[a", "[b").is(integer(2));
        s.call("ZRANGE", "lex", "0", "-1").is(array("c"));
    }

    @SpecCase("ZPOPMIN")
    void zpopminAndZpopmax(SpecSession s) {
        s.call("ZADD", "z", "1", "a", "2", "b", "3", "c").is(integer(3));
        s.call("ZPOPMIN", "z").is(array("a", dbl("1")));
        s.call("ZPOPMAX", "z", "5").is(withScores("c", "3", "b", "2"));
        s.call("ZPOPMIN", "z").is(emptyArray());
        s.call("ZPOPMIN", "z", "-1").is(error("ERR value is out of range, must be positive"));
    }

    @SpecCase("BZPOPMIN")
    void bzpopReturnsKeyMemberScoreOrTimesOut(SpecSession s) {
        s.call("ZADD", "z", "1", "a", "2", "b").is(integer(2));
        s.call("BZPOPMIN", "none", "z", "1").is(array("z", "a", dbl("1")));
        s.call("BZPOPMAX", "z", "1").is(array("z", "b", dbl("2")));
        s.call("BZPOPMIN", "z", "0.01").is(nilArray());
    }

    @SpecCase("ZMPOP")
    void zmpopAndBzmpop(SpecSession s) {
        s.call("ZADD", "z", "1", "a", "2", "b", "3", "c").is(integer(3));
        s.call("ZMPOP", "2", "none", "z", "MIN").is(array("z", array(array("a", dbl("1")))));
        s.call("ZMPOP", "1", "z", "MAX", "COUNT", "5").is(array("z", array(array("c", dbl("3")), array("b", dbl("2")))));
        s.call("ZMPOP", "1", "z", "MIN").is(nilArray());
        s.call("BZMPOP", "0.01", "1", "z", "MIN").is(nilArray());
        s.call("ZMPOP", "1", "z", "MIDDLE").is(syntaxError());
    }

    @SpecCase("ZRANDMEMBER")
    void zrandmemberCountsAndScores(SpecSession s) {
        s.call("ZADD", "z", "1", "a", "2", "b").is(integer(2));
        s.call("ZRANDMEMBER", "z", "5").is(unordered("a", "b"));
        s.call("ZRANDMEMBER", "z", "-3").is(arrayOfSize(3, anyBulk()));
        s.call("ZRANDMEMBER", "missing").is(nil());
        s.call("ZADD", "one", "7", "m").is(integer(1));
        s.call("ZRANDMEMBER", "one", "1", "WITHSCORES").is(withScores("m", "7"));
    }

    @SpecCase("ZUNIONSTORE")
    void unionAndInterWithWeightsAndAggregate(SpecSession s) {
        s.call("ZADD", "a", "1", "x", "2", "y").is(integer(2));
        s.call("ZADD", "b", "10", "y", "20", "z").is(integer(2));
        s.call("ZUNIONSTORE", "u", "2", "a", "b").is(integer(3));
        s.call("ZRANGE", "u", "0", "-1", "WITHSCORES").is(withScores("x", "1", "y", "12", "z", "20"));
        s.call("ZINTERSTORE", "i", "2", "a", "b", "WEIGHTS", "2", "1", "AGGREGATE", "MAX").is(integer(1));
        s.call("ZSCORE", "i", "y").is(dbl("10"));
        s.call("ZUNION", "2", "a", "b", "AGGREGATE", "MIN", "WITHSCORES").is(withScores("x", "1", "y", "2", "z", "20"));
        s.call("ZINTER", "2", "a", "b").is(array("y"));
        s.call("ZDIFF", "2", "a", "b", "WITHSCORES").is(withScores("x", "1"));
        s.call("ZDIFFSTORE", "d", "2", "b", "a").is(integer(1));
        s.call("ZINTERCARD", "2", "a", "b").is(integer(1));
        s.call("ZUNIONSTORE", "u", "0", "a").is(
                error("ERR at least 1 input key is needed for 'zunionstore' command"));
        s.call("ZUNION", "2", "a", "b", "WEIGHTS", "1").is(syntaxError());
        s.call("SADD", "plain", "x").is(integer(1));
        s.call("ZUNION", "2", "a", "plain", "WITHSCORES").is(withScores("x", "2", "y", "2"));
    }

    @SpecCase("ZSCAN")
    void zscanReturnsMembersWithScoresAsStrings(SpecSession s) {
        s.call("ZADD", "z", "1", "a", "2.5", "b").is(integer(2));
        s.call("ZSCAN", "z", "0").is(array("0", array("a", "1", "b", "2.5")));
    }

    @SpecCase("OBJECT ENCODING")
    void sortedSetsConvertToSkiplistBeyondListpackLimits(SpecSession s) {
        s.call("ZADD", "small", "1", "a").is(integer(1));
        s.call("OBJECT", "ENCODING", "small").is(bulk("listpack"));
        s.call("ZADD", "long", "1", "x".repeat(64)).is(integer(1));
        s.call("OBJECT", "ENCODING", "long").is(bulk("listpack"));
        s.call("ZADD", "long", "2", "y".repeat(65)).is(integer(1));
        s.call("OBJECT", "ENCODING", "long").is(bulk("skiplist"));
        String[] many = new String[2 + 2 * 128];
        many[0] = "ZADD";
        many[1] = "many";
        for (int i = 0; i < 128; i++) {
            many[2 + 2 * i] = Integer.toString(i);
            many[3 + 2 * i] = "m" + i;
        }
        s.call(many).is(integer(128));
        s.call("OBJECT", "ENCODING", "many").is(bulk("listpack"));
        s.call("ZADD", "many", "999", "extra").is(integer(1));
        s.call("OBJECT", "ENCODING", "many").is(bulk("skiplist"));
        s.call("ZRANGE", "many", "-1", "-1").is(array("extra"));
    }

    @SpecCase("ZRANGE")
    void sortedSetCommandsOnOtherTypesAnswerWrongtype(SpecSession s) {
        s.call("SET", "str", "v").is(ok());
        for (String[] c : new String[][] {{"ZADD", "str", "1", "a"}, {"ZRANGE", "str", "0", "-1"}, {"ZSCORE", "str", "a"},
                {"ZCARD", "str"}, {"ZRANK", "str", "a"}, {"ZREM", "str", "a"}, {"ZINCRBY", "str", "1", "a"},
                {"ZCOUNT", "str", "0", "1"}, {"ZPOPMIN", "str"}, {"ZRANGEBYSCORE", "str", "0", "1"},
                {"ZUNIONSTORE", "dst", "1", "str"}, {"ZSCAN", "str", "0"}}) {
            s.call(c).is(wrongType());
        }
    }

    @SpecCase("ZRANGE")
    void sortedSetCommandArity(SpecSession s) {
        s.call("ZRANGE", "z", "0").is(wrongArity("zrange"));
        s.call("ZSCORE", "z").is(wrongArity("zscore"));
        s.call("ZINCRBY", "z", "1").is(wrongArity("zincrby"));
        s.call("ZREM", "z").is(wrongArity("zrem"));
    }

    @SpecCase("OBJECT ENCODING")
    void listpackLimitsFollowConfigurationAndStoresConvertBack(SpecSession s) {
        s.configSet("zset-max-listpack-entries", "2");
        s.call("ZADD", "z", "1", "a", "2", "b").is(integer(2));
        s.call("OBJECT", "ENCODING", "z").is(bulk("listpack"));
        s.call("ZADD", "z", "3", "c").is(integer(1));
        s.call("OBJECT", "ENCODING", "z").is(bulk("skiplist"));
        s.call("ZRANGESTORE", "small", "z", "0", "1").is(integer(2));
        s.call("OBJECT", "ENCODING", "small").is(bulk("listpack"));
        s.configSet("zset-max-listpack-entries", "0");
        s.call("ZADD", "none", "1", "a").is(integer(1));
        s.call("OBJECT", "ENCODING", "none").is(bulk("skiplist"));
    }

    @SpecCase("ZADD")
    void zaddGtLtWithIncrAnswersNullWhenNotApplied(SpecSession s) {
        s.call("ZADD", "z", "1", "a").is(integer(1));
        s.call("ZADD", "z", "GT", "INCR", "5", "a").is(dbl("6"));
        s.call("ZADD", "z", "LT", "INCR", "5", "a").is(nil());
        s.call("ZSCORE", "z", "a").is(dbl("6"));
    }

    @SpecCase("ZUNIONSTORE")
    void infiniteScoresAndWeights(SpecSession s) {
        s.call("ZADD", "a", "1", "x").is(integer(1));
        s.call("ZADD", "b", "inf", "x").is(integer(1));
        s.call("ZUNIONSTORE", "d", "2", "a", "b", "WEIGHTS", "1", "-inf").is(integer(1));
        s.call("ZSCORE", "d", "x").is(dbl("-inf"));
        s.call("ZUNIONSTORE", "e", "2", "b", "b").is(integer(1));
        s.call("ZSCORE", "e", "x").is(dbl("inf"));
        s.call("ZADD", "big", "1e308", "m").is(integer(1));
        s.call("ZINCRBY", "big", "1e308", "m").is(dbl("inf"));
    }

    @SpecCase("ZRANGEBYLEX")
    void lexRangesNeedBracketsOrInfinities(SpecSession s) {
        s.call("ZADD", "z", "0", "a", "0", "b").is(integer(2));
        s.call("ZRANGEBYLEX", "z", "a", "b").is(error("ERR min or max not valid string range item"));
        s.call("ZRANGEBYLEX", "z", "[b", "[a").is(emptyArray());
        s.call("ZRANGEBYLEX", "z", "-", "+", "LIMIT", "1", "1").is(array("b"));
        s.call("ZRANGE", "z", "0", "-1", "BYSCORE").is(emptyArray());
    }

    @SpecCase("ZRANDMEMBER")
    void zrandmemberRejectsLongMin(SpecSession s) {
        s.call("ZADD", "z", "1", "a").is(integer(1));
        s.call("ZRANDMEMBER", "z", "-9223372036854775808").is(error("ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807"));
    }

    @SpecCase("OBJECT ENCODING")
    void smallStoredResultsAreListpacks(SpecSession s) {
        s.call("ZADD", "a", "1", "x").is(integer(1));
        s.call("ZADD", "b", "2", "y", "3", "z".repeat(65)).is(integer(2));
        s.call("OBJECT", "ENCODING", "b").is(bulk("skiplist"));
        s.call("ZUNIONSTORE", "u", "1", "a").is(integer(1));
        s.call("OBJECT", "ENCODING", "u").is(bulk("listpack"));
        s.call("ZUNIONSTORE", "big", "2", "a", "b").is(integer(3));
        s.call("OBJECT", "ENCODING", "big").is(bulk("skiplist"));
        s.call("ZREM", "b", "z".repeat(65)).is(integer(1));
        s.call("OBJECT", "ENCODING", "b").is(bulk("skiplist"));
    }
}
