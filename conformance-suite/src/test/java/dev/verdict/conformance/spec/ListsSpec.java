package dev.verdict.conformance.spec;

import static dev.verdict.conformance.spec.Replies.*;

/** Lists: push/pop, ranges, LPOS/LINSERT/LREM/LTRIM, moves, blocking pops with timeouts (Redis 7.0). */
@SpecSuite(family = "lists")
class ListsSpec {

    @SpecCase("LPUSH")
    void pushesReturnTheNewLength(SpecSession s) {
        s.call("LPUSH", "l", "a", "b").is(integer(2));
        s.call("RPUSH", "l", "c").is(integer(3));
        s.call("LRANGE", "l", "0", "-1").is(array("b", "a", "c"));
        s.call("SET", "str", "v").is(ok());
        s.call("LPUSH", "str", "x").is(wrongType());
        s.call("LPUSH", "l").is(wrongArity("lpush"));
    }

    @SpecCase("LPUSHX")
    void pushxOnlyPushesToExistingLists(SpecSession s) {
        s.call("LPUSHX", "l", "a").is(integer(0));
        s.call("RPUSHX", "l", "a").is(integer(0));
        s.call("EXISTS", "l").is(integer(0));
        s.call("RPUSH", "l", "x").is(integer(1));
        s.call("LPUSHX", "l", "a", "b").is(integer(3));
        s.call("RPUSHX", "l", "z").is(integer(4));
        s.call("LRANGE", "l", "0", "-1").is(array("b", "a", "x", "z"));
    }

    @SpecCase("LRANGE")
    void lrangeClampsOutOfRangeIndexes(SpecSession s) {
        s.call("RPUSH", "l", "1", "2", "3", "4", "5").is(integer(5));
        s.call("LRANGE", "l", "1", "2").is(array("2", "3"));
        s.call("LRANGE", "l", "-2", "100").is(array("4", "5"));
        s.call("LRANGE", "l", "-100", "0").is(array("1"));
        s.call("LRANGE", "l", "3", "1").is(emptyArray());
        s.call("LRANGE", "missing", "0", "-1").is(emptyArray());
        s.call("LRANGE", "l", "x", "1").is(notAnInteger());
    }

    @SpecCase("LINDEX")
    void lindexAndLsetUseSignedIndexes(SpecSession s) {
        s.call("RPUSH", "l", "a", "b", "c").is(integer(3));
        s.call("LINDEX", "l", "0").is(bulk("a"));
        s.call("LINDEX", "l", "-1").is(bulk("c"));
        s.call("LINDEX", "l", "3").is(nil());
        s.call("LSET", "l", "-2", "B").is(ok());
        s.call("LRANGE", "l", "0", "-1").is(array("a", "B", "c"));
        s.call("LSET", "l", "5", "x").is(error("ERR index out of range"));
        s.call("LSET", "missing", "0", "x").is(error("ERR no such key"));
    }

    @SpecCase("LPOP")
    void popsWithAndWithoutCount(SpecSession s) {
        s.call("RPUSH", "l", "a", "b", "c", "d").is(integer(4));
        s.call("LPOP", "l").is(bulk("a"));
        s.call("RPOP", "l").is(bulk("d"));
        s.call("LPOP", "l", "5").is(array("b", "c"));
        s.call("EXISTS", "l").is(integer(0));
        s.call("LPOP", "l").is(nil());
        s.call("LPOP", "l", "2").is(nilArray());
        s.call("RPUSH", "l", "x").is(integer(1));
        s.call("RPOP", "l", "0").is(emptyArray());
        s.call("LPOP", "l", "-1").is(error("ERR value is out of range, must be positive"));
    }

    @SpecCase("LLEN")
    void llenOfMissingIsZero(SpecSession s) {
        s.call("LLEN", "l").is(integer(0));
        s.call("RPUSH", "l", "a", "b").is(integer(2));
        s.call("LLEN", "l").is(integer(2));
    }

    @SpecCase("LREM")
    void lremCountSignChoosesDirection(SpecSession s) {
        s.call("RPUSH", "l", "a", "b", "a", "c", "a").is(integer(5));
        s.call("LREM", "l", "-2", "a").is(integer(2));
        s.call("LRANGE", "l", "0", "-1").is(array("a", "b", "c"));
        s.call("RPUSH", "m", "a", "b", "a", "c", "a").is(integer(5));
        s.call("LREM", "m", "1", "a").is(integer(1));
        s.call("LRANGE", "m", "0", "-1").is(array("b", "a", "c", "a"));
        s.call("LREM", "m", "0", "a").is(integer(2));
        s.call("LRANGE", "m", "0", "-1").is(array("b", "c"));
        s.call("LREM", "missing", "0", "a").is(integer(0));
    }

    @SpecCase("LTRIM")
    void ltrimKeepsRangeAndDeletesEmptyList(SpecSession s) {
        s.call("RPUSH", "l", "1", "2", "3", "4").is(integer(4));
        s.call("LTRIM", "l", "1", "-2").is(ok());
        s.call("LRANGE", "l", "0", "-1").is(array("2", "3"));
        s.call("LTRIM", "l", "5", "10").is(ok());
        s.call("EXISTS", "l").is(integer(0));
    }

    @SpecCase("LINSERT")
    void linsertBeforeAndAfterPivot(SpecSession s) {
        s.call("RPUSH", "l", "a", "c").is(integer(2));
        s.call("LINSERT", "l", "BEFORE", "c", "b").is(integer(3));
        s.call("LINSERT", "l", "AFTER", "c", "d").is(integer(4));
        s.call("LRANGE", "l", "0", "-1").is(array("a", "b", "c", "d"));
        s.call("LINSERT", "l", "AFTER", "zz", "x").is(integer(-1));
        s.call("LINSERT", "missing", "AFTER", "a", "x").is(integer(0));
        s.call("LINSERT", "l", "MIDDLE", "a", "x").is(syntaxError());
    }

    @SpecCase("LPOS")
    void lposWithRankCountAndMaxlen(SpecSession s) {
        s.call("RPUSH", "l", "a", "b", "c", "1", "2", "3", "c", "c").is(integer(8));
        s.call("LPOS", "l", "c").is(integer(2));
        s.call("LPOS", "l", "c", "RANK", "2").is(integer(6));
        s.call("LPOS", "l", "c", "RANK", "-1").is(integer(7));
        s.call("LPOS", "l", "c", "COUNT", "2").is(array(2, 6));
        s.call("LPOS", "l", "c", "COUNT", "0").is(array(2, 6, 7));
        s.call("LPOS", "l", "c", "COUNT", "0", "MAXLEN", "3").is(array(2));
        s.call("LPOS", "l", "zz").is(nil());
        s.call("LPOS", "l", "zz", "COUNT", "1").is(emptyArray());
        s.call("LPOS", "l", "c", "RANK", "0").is(error(
                "ERR RANK can't be zero: use 1 to start from the first match, 2 from the second ... "
                        + "or use negative to start from the end of the list"));
        s.call("LPOS", "l", "c", "COUNT", "-1").is(error("ERR COUNT can't be negative"));
        s.call("LPOS", "l", "c", "MAXLEN", "-1").is(error("ERR MAXLEN can't be negative"));
    }

    @SpecCase("LMOVE")
    void lmoveAndRpoplpushMoveBetweenEnds(SpecSession s) {
        s.call("RPUSH", "src", "a", "b", "c").is(integer(3));
        s.call("LMOVE", "src", "dst", "LEFT", "RIGHT").is(bulk("a"));
        s.call("LMOVE", "src", "dst", "RIGHT", "LEFT").is(bulk("c"));
        s.call("RPOPLPUSH", "src", "dst").is(bulk("b"));
        s.call("LRANGE", "dst", "0", "-1").is(array("b", "c", "a"));
        s.call("EXISTS", "src").is(integer(0));
        s.call("LMOVE", "src", "dst", "LEFT", "LEFT").is(nil());
        s.call("LMOVE", "dst", "dst", "LEFT", "RIGHT").is(bulk("b"));
        s.call("LRANGE", "dst", "0", "-1").is(array("c", "a", "b"));
        s.call("LMOVE", "dst", "x", "UP", "LEFT").is(syntaxError());
    }

    @SpecCase("LMPOP")
    void lmpopPopsFromFirstNonEmptyList(SpecSession s) {
        s.call("RPUSH", "b", "1", "2", "3").is(integer(3));
        s.call("LMPOP", "2", "a", "b", "LEFT").is(array("b", array("1")));
        s.call("LMPOP", "2", "a", "b", "RIGHT", "COUNT", "5").is(array("b", array("3", "2")));
        s.call("LMPOP", "2", "a", "b", "LEFT").is(nilArray());
        s.call("LMPOP", "0", "a", "LEFT").is(error("ERR numkeys should be greater than 0"));
        s.call("LMPOP", "1", "a", "LEFT", "COUNT", "0").is(error("ERR count should be greater than 0"));
    }

    @SpecCase("BLPOP")
    void blpopReturnsKeyAndValueOrTimesOut(SpecSession s) {
        s.call("RPUSH", "b", "x").is(integer(1));
        s.call("BLPOP", "a", "b", "1").is(array("b", "x"));
        s.call("BLPOP", "a", "b", "0.01").is(nilArray());
        s.call("BRPOP", "a", "0.01").is(nilArray());
        s.call("BLPOP", "a", "-1").is(error("ERR timeout is negative"));
        s.call("BLPOP", "a", "soon").is(error("ERR timeout is not a float or out of range"));
    }

    @SpecCase("BLPOP")
    void blpopIsServedByAPushFromAnotherClient(SpecSession s) throws Exception {
        SpecConnection pusher = s.newConnection();
        pusher.call("DEL", "q").is(integer(0));
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException ignored) {
                return;
            }
            pusher.call("RPUSH", "q", "hello");
        });
        t.start();
        s.call("BLPOP", "q", "5").is(array("q", "hello"));
        t.join();
    }

    @SpecCase("BLMOVE")
    void blmoveAndBrpoplpushMoveOrTimeOut(SpecSession s) {
        s.call("RPUSH", "src", "a", "b").is(integer(2));
        s.call("BLMOVE", "src", "dst", "RIGHT", "LEFT", "1").is(bulk("b"));
        s.call("BRPOPLPUSH", "src", "dst", "1").is(bulk("a"));
        s.call("LRANGE", "dst", "0", "-1").is(array("a", "b"));
        // a blocking command that times out answers a null array, even where its data reply is a bulk string
        s.call("BLMOVE", "src", "dst", "RIGHT", "LEFT", "0.01").is(nilArray());
        s.call("BRPOPLPUSH", "src", "dst", "0.01").is(nilArray());
    }

    @SpecCase("BLMPOP")
    void blmpopPopsOrTimesOut(SpecSession s) {
        s.call("RPUSH", "b", "1", "2").is(integer(2));
        s.call("BLMPOP", "1", "2", "a", "b", "LEFT", "COUNT", "2").is(array("b", array("1", "2")));
        s.call("BLMPOP", "0.01", "1", "b", "LEFT").is(nilArray());
    }

    @SpecCase("OBJECT ENCODING")
    void listsAreQuicklistsInRedis70(SpecSession s) {
        s.call("RPUSH", "small", "a").is(integer(1));
        s.call("OBJECT", "ENCODING", "small").is(bulk("quicklist"));
        String[] big = new String[2 + 200];
        big[0] = "RPUSH";
        big[1] = "big";
        for (int i = 0; i < 200; i++) {
            big[2 + i] = "element-" + i;
        }
        s.call(big).is(integer(200));
        s.call("OBJECT", "ENCODING", "big").is(bulk("quicklist"));
        s.call("LINDEX", "big", "150").is(bulk("element-150"));
    }

    @SpecCase("LRANGE")
    void listCommandsOnOtherTypesAnswerWrongtype(SpecSession s) {
        s.call("SET", "str", "v").is(ok());
        for (String[] c : new String[][] {{"RPUSH", "str", "a"}, {"LRANGE", "str", "0", "-1"}, {"LLEN", "str"},
                {"LPOP", "str"}, {"LINDEX", "str", "0"}, {"LSET", "str", "0", "x"}, {"LREM", "str", "0", "a"},
                {"LTRIM", "str", "0", "1"}, {"LINSERT", "str", "BEFORE", "a", "b"}, {"LPOS", "str", "a"},
                {"LMOVE", "str", "dst", "LEFT", "LEFT"}, {"BLPOP", "str", "0.01"}}) {
            s.call(c).is(wrongType());
        }
    }

    @SpecCase("LRANGE")
    void listCommandArity(SpecSession s) {
        s.call("LRANGE", "l", "0").is(wrongArity("lrange"));
        s.call("LLEN").is(wrongArity("llen"));
        s.call("LINSERT", "l", "BEFORE", "a").is(wrongArity("linsert"));
        s.call("LPOP", "l", "1", "2").is(wrongArity("lpop"));
        s.call("BLPOP", "l").is(wrongArity("blpop"));
    }
}
