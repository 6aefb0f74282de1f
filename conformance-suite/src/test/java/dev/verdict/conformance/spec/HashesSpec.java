package dev.verdict.conformance.spec;

import static dev.verdict.conformance.spec.Replies.*;

/** Hashes: field commands, counters, random fields, HSCAN and listpack/hashtable encodings (Redis 7.0). */
@SpecSuite(family = "hashes")
class HashesSpec {

    @SpecCase("HSET")
    void hsetCountsNewFieldsOnly(SpecSession s) {
        s.call("HSET", "h", "a", "1", "b", "2").is(integer(2));
        s.call("HSET", "h", "a", "10", "c", "3").is(integer(1));
        s.call("HGET", "h", "a").is(bulk("10"));
        s.call("HGET", "h", "zz").is(nil());
        s.call("HGET", "missing", "a").is(nil());
        s.call("HSET", "h", "a").is(wrongArity("hset"));
        s.call("SET", "str", "v").is(ok());
        s.call("HSET", "str", "f", "v").is(wrongType());
    }

    @SpecCase("HMSET")
    void hmsetAndHmget(SpecSession s) {
        s.call("HMSET", "h", "a", "1", "b", "2").is(ok());
        s.call("HMGET", "h", "a", "x", "b").is(array("1", null, "2"));
        s.call("HMGET", "missing", "a").is(array((Object) null));
    }

    @SpecCase("HSETNX")
    void hsetnxOnlySetsNewFields(SpecSession s) {
        s.call("HSETNX", "h", "f", "1").is(integer(1));
        s.call("HSETNX", "h", "f", "2").is(integer(0));
        s.call("HGET", "h", "f").is(bulk("1"));
    }

    @SpecCase("HDEL")
    void hdelRemovesFieldsAndEmptyHash(SpecSession s) {
        s.call("HSET", "h", "a", "1", "b", "2").is(integer(2));
        s.call("HDEL", "h", "a", "zz").is(integer(1));
        s.call("HDEL", "h", "b").is(integer(1));
        s.call("EXISTS", "h").is(integer(0));
    }

    @SpecCase("HGETALL")
    void hgetallKeysValsLenExists(SpecSession s) {
        s.call("HSET", "h", "a", "1", "b", "2").is(integer(2));
        s.call("HGETALL", "h").is(map("a", "1", "b", "2"));
        s.call("HKEYS", "h").is(array("a", "b"));
        s.call("HVALS", "h").is(array("1", "2"));
        s.call("HLEN", "h").is(integer(2));
        s.call("HEXISTS", "h", "a").is(integer(1));
        s.call("HEXISTS", "h", "z").is(integer(0));
        s.call("HGETALL", "missing").is(map());
        s.call("HSTRLEN", "h", "a").is(integer(1));
        s.call("HSTRLEN", "h", "z").is(integer(0));
    }

    @SpecCase("HINCRBY")
    void hincrbyCountsAndChecksOverflow(SpecSession s) {
        s.call("HINCRBY", "h", "n", "5").is(integer(5));
        s.call("HINCRBY", "h", "n", "-7").is(integer(-2));
        s.call("HSET", "h", "s", "abc").is(integer(1));
        s.call("HINCRBY", "h", "s", "1").is(error("ERR hash value is not an integer"));
        s.call("HINCRBY", "h", "n", "x").is(notAnInteger());
        s.call("HSET", "h", "max", "9223372036854775807").is(integer(1));
        s.call("HINCRBY", "h", "max", "1").is(error("ERR increment or decrement would overflow"));
    }

    @SpecCase("HINCRBYFLOAT")
    void hincrbyfloatFormatsLikeRedis(SpecSession s) {
        s.call("HSET", "h", "f", "10.50").is(integer(1));
        s.call("HINCRBYFLOAT", "h", "f", "0.1").is(bulk("10.6"));
        s.call("HINCRBYFLOAT", "h", "g", "2.0e2").is(bulk("200"));
        s.call("HSET", "h", "s", "abc").is(integer(1));
        s.call("HINCRBYFLOAT", "h", "s", "1").is(error("ERR hash value is not a float"));
        s.call("HINCRBYFLOAT", "h", "f", "x").is(notAFloat());
    }

    @SpecCase("HRANDFIELD")
    void hrandfieldCountSignControlsRepetition(SpecSession s) {
        s.call("HSET", "h", "a", "1", "b", "2", "c", "3").is(integer(3));
        s.call("HRANDFIELD", "h", "5").is(unordered("a", "b", "c"));
        s.call("HRANDFIELD", "h", "-5").is(arrayOfSize(5, anyBulk()));
        s.call("HRANDFIELD", "h", "0").is(emptyArray());
        s.call("HRANDFIELD", "missing").is(nil());
        s.call("HRANDFIELD", "missing", "3").is(emptyArray());
        s.call("HSET", "one", "f", "v").is(integer(1));
        s.call("HRANDFIELD", "one").is(bulk("f"));
        s.call("HRANDFIELD", "one", "1", "WITHVALUES").is(byProtocol(array("f", "v"), array(array("f", "v"))));
    }

    @SpecCase("HSCAN")
    void hscanReturnsFieldValuePairs(SpecSession s) {
        s.call("HSET", "h", "a", "1", "b", "2", "c", "3").is(integer(3));
        s.call("HSCAN", "h", "0").is(array("0", array("a", "1", "b", "2", "c", "3")));
        s.call("HSCAN", "h", "0", "MATCH", "b*").is(array("0", array("b", "2")));
        s.call("HSCAN", "missing", "0").is(array("0", emptyArray()));
    }

    @SpecCase("OBJECT ENCODING")
    void hashConvertsToHashtableBeyondListpackLimits(SpecSession s) {
        s.call("HSET", "small", "f", "v").is(integer(1));
        s.call("OBJECT", "ENCODING", "small").is(bulk("listpack"));
        s.call("HSET", "longvalue", "f", "x".repeat(64)).is(integer(1));
        s.call("OBJECT", "ENCODING", "longvalue").is(bulk("listpack"));
        s.call("HSET", "longvalue", "g", "x".repeat(65)).is(integer(1));
        s.call("OBJECT", "ENCODING", "longvalue").is(bulk("hashtable"));
        s.call("CONFIG", "GET", "hash-max-listpack-entries").is(map("hash-max-listpack-entries", "512"));
        String[] many = new String[2 + 2 * 512];
        many[0] = "HSET";
        many[1] = "many";
        for (int i = 0; i < 512; i++) {
            many[2 + 2 * i] = "f" + i;
            many[3 + 2 * i] = "v";
        }
        s.call(many).is(integer(512));
        s.call("OBJECT", "ENCODING", "many").is(bulk("listpack"));
        s.call("HSET", "many", "one-more", "v").is(integer(1));
        s.call("OBJECT", "ENCODING", "many").is(bulk("hashtable"));
        s.call("HDEL", "many", "one-more", "f1", "f2").is(integer(3));
        s.call("OBJECT", "ENCODING", "many").is(bulk("hashtable"));
    }

    @SpecCase("HGET")
    void hashCommandsOnOtherTypesAnswerWrongtype(SpecSession s) {
        s.call("SET", "str", "v").is(ok());
        for (String[] c : new String[][] {{"HGET", "str", "f"}, {"HSET", "str", "f", "v"}, {"HDEL", "str", "f"},
                {"HGETALL", "str"}, {"HKEYS", "str"}, {"HVALS", "str"}, {"HLEN", "str"}, {"HEXISTS", "str", "f"},
                {"HINCRBY", "str", "f", "1"}, {"HMGET", "str", "f"}, {"HRANDFIELD", "str"}, {"HSCAN", "str", "0"}}) {
            s.call(c).is(wrongType());
        }
    }

    @SpecCase("HGET")
    void hashCommandArity(SpecSession s) {
        s.call("HGET", "h").is(wrongArity("hget"));
        s.call("HMSET", "h", "f").is(wrongArity("hmset"));
        s.call("HDEL", "h").is(wrongArity("hdel"));
        s.call("HINCRBY", "h", "f").is(wrongArity("hincrby"));
    }

    @SpecCase("OBJECT ENCODING")
    void listpackLimitsFollowConfiguration(SpecSession s) {
        s.configSet("hash-max-listpack-entries", "2");
        s.configSet("hash-max-listpack-value", "8");
        s.call("HSET", "h", "a", "1", "b", "2").is(integer(2));
        s.call("OBJECT", "ENCODING", "h").is(bulk("listpack"));
        s.call("HSET", "h", "c", "3").is(integer(1));
        s.call("OBJECT", "ENCODING", "h").is(bulk("hashtable"));
        s.call("HSET", "v", "f", "12345678").is(integer(1));
        s.call("OBJECT", "ENCODING", "v").is(bulk("listpack"));
        s.call("HSET", "v", "field-longer-than-8", "x").is(integer(1));
        s.call("OBJECT", "ENCODING", "v").is(bulk("hashtable"));
    }

    @SpecCase("HRANDFIELD")
    void hrandfieldRejectsLongMin(SpecSession s) {
        s.call("HSET", "h", "f", "v").is(integer(1));
        s.call("HRANDFIELD", "h", "-9223372036854775808").is(error("ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807"));
    }
}
