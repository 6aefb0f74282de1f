package dev.verdict.conformance.spec;

import static dev.verdict.conformance.spec.Replies.*;

/** Sets: membership, random members, algebra and stores, SSCAN, intset/hashtable encodings (Redis 7.0). */
@SpecSuite(family = "sets")
class SetsSpec {

    @SpecCase("SADD")
    void saddCountsNewMembersOnly(SpecSession s) {
        s.call("SADD", "s", "a", "b", "a").is(integer(2));
        s.call("SADD", "s", "b", "c").is(integer(1));
        s.call("SMEMBERS", "s").is(set("a", "b", "c"));
        s.call("SCARD", "s").is(integer(3));
        s.call("SMEMBERS", "missing").is(set());
        s.call("SET", "str", "v").is(ok());
        s.call("SADD", "str", "a").is(wrongType());
    }

    @SpecCase("SREM")
    void sremRemovesAndDeletesEmptySet(SpecSession s) {
        s.call("SADD", "s", "a", "b").is(integer(2));
        s.call("SREM", "s", "a", "z").is(integer(1));
        s.call("SREM", "s", "b").is(integer(1));
        s.call("EXISTS", "s").is(integer(0));
        s.call("SREM", "s", "b").is(integer(0));
    }

    @SpecCase("SISMEMBER")
    void sismemberAndSmismember(SpecSession s) {
        s.call("SADD", "s", "a", "1").is(integer(2));
        s.call("SISMEMBER", "s", "a").is(integer(1));
        s.call("SISMEMBER", "s", "b").is(integer(0));
        s.call("SISMEMBER", "missing", "a").is(integer(0));
        s.call("SMISMEMBER", "s", "a", "b", "1").is(array(1, 0, 1));
    }

    @SpecCase("SPOP")
    void spopRemovesRandomMembers(SpecSession s) {
        s.call("SADD", "s", "only").is(integer(1));
        s.call("SPOP", "s").is(bulk("only"));
        s.call("SPOP", "s").is(nil());
        s.call("SADD", "s", "a", "b", "c").is(integer(3));
        s.call("SPOP", "s", "5").is(set("a", "b", "c"));
        s.call("SPOP", "missing", "2").is(set());
        s.call("SPOP", "s", "-1").is(error("ERR value is out of range, must be positive"));
    }

    @SpecCase("SRANDMEMBER")
    void srandmemberCountSignControlsRepetition(SpecSession s) {
        s.call("SADD", "s", "a", "b", "c").is(integer(3));
        s.call("SRANDMEMBER", "s", "10").is(unordered("a", "b", "c"));
        s.call("SRANDMEMBER", "s", "-4").is(arrayOfSize(4, anyBulk()));
        s.call("SRANDMEMBER", "missing").is(nil());
        s.call("SRANDMEMBER", "missing", "3").is(emptyArray());
        s.call("SCARD", "s").is(integer(3));
    }

    @SpecCase("SMOVE")
    void smoveMovesOneMember(SpecSession s) {
        s.call("SADD", "a", "x", "y").is(integer(2));
        s.call("SMOVE", "a", "b", "x").is(integer(1));
        s.call("SMOVE", "a", "b", "zz").is(integer(0));
        s.call("SMEMBERS", "b").is(set("x"));
        s.call("SET", "str", "v").is(ok());
        s.call("SMOVE", "a", "str", "y").is(wrongType());
    }

    @SpecCase("SINTER")
    void setAlgebra(SpecSession s) {
        s.call("SADD", "a", "1", "2", "3").is(integer(3));
        s.call("SADD", "b", "2", "3", "4").is(integer(3));
        s.call("SINTER", "a", "b").is(set("2", "3"));
        s.call("SUNION", "a", "b").is(set("1", "2", "3", "4"));
        s.call("SDIFF", "a", "b").is(set("1"));
        s.call("SINTER", "a", "missing").is(set());
        s.call("SDIFF", "missing", "a").is(set());
        s.call("SET", "str", "v").is(ok());
        s.call("SUNION", "a", "str").is(wrongType());
    }

    @SpecCase("SINTERSTORE")
    void storesReturnCardinalityAndReplaceDestination(SpecSession s) {
        s.call("SADD", "a", "1", "2", "3").is(integer(3));
        s.call("SADD", "b", "2", "3", "4").is(integer(3));
        s.call("SET", "dst", "old").is(ok());
        s.call("SINTERSTORE", "dst", "a", "b").is(integer(2));
        s.call("SMEMBERS", "dst").is(set("2", "3"));
        s.call("SUNIONSTORE", "dst", "a", "b").is(integer(4));
        s.call("SDIFFSTORE", "dst", "a", "b").is(integer(1));
        s.call("SINTERSTORE", "dst", "a", "missing").is(integer(0));
        s.call("EXISTS", "dst").is(integer(0));
    }

    @SpecCase("SINTERCARD")
    void sintercardWithLimit(SpecSession s) {
        s.call("SADD", "a", "1", "2", "3").is(integer(3));
        s.call("SADD", "b", "1", "2", "3", "4").is(integer(4));
        s.call("SINTERCARD", "2", "a", "b").is(integer(3));
        s.call("SINTERCARD", "2", "a", "b", "LIMIT", "2").is(integer(2));
        s.call("SINTERCARD", "0", "a").is(error("ERR numkeys should be greater than 0"));
        s.call("SINTERCARD", "2", "a", "b", "LIMIT", "-1").is(error("ERR LIMIT can't be negative"));
        s.call("SINTERCARD", "3", "a", "b").is(error("ERR Number of keys can't be greater than number of args"));
    }

    @SpecCase("SSCAN")
    void sscanReturnsMembers(SpecSession s) {
        s.call("SADD", "s", "1", "2", "3").is(integer(3));
        s.call("SSCAN", "s", "0").is(array("0", unordered("1", "2", "3")));
        s.call("SSCAN", "s", "0", "MATCH", "2").is(array("0", array("2")));
    }

    @SpecCase("OBJECT ENCODING")
    void integerSetsAreIntsetsUpTo512Members(SpecSession s) {
        s.call("SADD", "ints", "1", "2", "-3").is(integer(3));
        s.call("OBJECT", "ENCODING", "ints").is(bulk("intset"));
        s.call("SMEMBERS", "ints").is(set("-3", "1", "2"));
        s.call("SADD", "ints", "x").is(integer(1));
        s.call("OBJECT", "ENCODING", "ints").is(bulk("hashtable"));
        String[] many = new String[2 + 512];
        many[0] = "SADD";
        many[1] = "many";
        for (int i = 0; i < 512; i++) {
            many[2 + i] = Integer.toString(i);
        }
        s.call(many).is(integer(512));
        s.call("OBJECT", "ENCODING", "many").is(bulk("intset"));
        s.call("SADD", "many", "512").is(integer(1));
        s.call("OBJECT", "ENCODING", "many").is(bulk("hashtable"));
        s.call("SADD", "words", "a").is(integer(1));
        s.call("OBJECT", "ENCODING", "words").is(bulk("hashtable"));
    }

    @SpecCase("SMEMBERS")
    void setCommandsOnOtherTypesAnswerWrongtype(SpecSession s) {
        s.call("SET", "str", "v").is(ok());
        for (String[] c : new String[][] {{"SMEMBERS", "str"}, {"SREM", "str", "a"}, {"SISMEMBER", "str", "a"},
                {"SCARD", "str"}, {"SPOP", "str"}, {"SRANDMEMBER", "str"}, {"SINTER", "str"},
                {"SINTERSTORE", "dst", "str"}, {"SSCAN", "str", "0"}, {"SMISMEMBER", "str", "a"}}) {
            s.call(c).is(wrongType());
        }
    }

    @SpecCase("SMEMBERS")
    void setCommandArity(SpecSession s) {
        s.call("SADD", "s").is(wrongArity("sadd"));
        s.call("SMEMBERS").is(wrongArity("smembers"));
        s.call("SMOVE", "a", "b").is(wrongArity("smove"));
        s.call("SPOP", "s", "1", "2").is(syntaxError());
    }

    @SpecCase("OBJECT ENCODING")
    void intsetLimitFollowsConfiguration(SpecSession s) {
        s.configSet("set-max-intset-entries", "3");
        s.call("SADD", "s", "1", "2", "3").is(integer(3));
        s.call("OBJECT", "ENCODING", "s").is(bulk("intset"));
        s.call("SADD", "s", "4").is(integer(1));
        s.call("OBJECT", "ENCODING", "s").is(bulk("hashtable"));
        s.call("SREM", "s", "4", "3").is(integer(2));
        s.call("OBJECT", "ENCODING", "s").is(bulk("hashtable"));
        s.call("SADD", "big", "9223372036854775807", "-9223372036854775808").is(integer(2));
        s.call("OBJECT", "ENCODING", "big").is(bulk("intset"));
        s.call("SADD", "big", "9223372036854775808").is(integer(1));
        s.call("OBJECT", "ENCODING", "big").is(bulk("hashtable"));
    }

    @SpecCase("SRANDMEMBER")
    void srandmemberRejectsLongMin(SpecSession s) {
        s.call("SADD", "s", "a").is(integer(1));
        s.call("SRANDMEMBER", "s", "-9223372036854775808").is(error("ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807"));
    }

    @SpecCase("OBJECT ENCODING")
    void storedResultsAndMovesPickTheirEncoding(SpecSession s) {
        s.call("SADD", "a", "1", "2", "3").is(integer(3));
        s.call("SADD", "b", "2", "3", "x").is(integer(3));
        s.call("SINTERSTORE", "inter", "a", "b").is(integer(2));
        s.call("OBJECT", "ENCODING", "inter").is(bulk("intset"));
        s.call("SDIFFSTORE", "diff", "a", "b").is(integer(1));
        s.call("OBJECT", "ENCODING", "diff").is(bulk("intset"));
        s.call("SUNIONSTORE", "union", "a", "b").is(integer(4));
        s.call("OBJECT", "ENCODING", "union").is(bulk("hashtable"));
        s.call("SMOVE", "b", "a", "x").is(integer(1));
        s.call("OBJECT", "ENCODING", "a").is(bulk("hashtable"));
    }
}
