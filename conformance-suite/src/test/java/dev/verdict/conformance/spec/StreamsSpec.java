package dev.verdict.conformance.spec;

import static dev.verdict.conformance.spec.Replies.*;

/** Streams: XADD ids and trimming, ranges, XREAD, consumer groups, XINFO (Redis 7.0). */
@SpecSuite(family = "streams")
class StreamsSpec {

    @SpecCase("XADD")
    void xaddWithExplicitAndAutoIds(SpecSession s) {
        s.call("XADD", "s", "1-1", "f", "v").is(bulk("1-1"));
        s.call("XADD", "s", "1-*", "f", "v").is(bulk("1-2"));
        s.call("XADD", "s", "2", "f", "v").is(bulk("2-0"));
        s.call("XADD", "s", "*", "f", "v").is(bulkMatching("\\d+-\\d+"));
        s.call("XLEN", "s").is(integer(4));
        s.call("XLEN", "missing").is(integer(0));
    }

    @SpecCase("XADD")
    void xaddRejectsNonIncreasingIds(SpecSession s) {
        s.call("XADD", "s", "5-5", "f", "v").is(bulk("5-5"));
        s.call("XADD", "s", "5-5", "f", "v").is(
                error("ERR The ID specified in XADD is equal or smaller than the target stream top item"));
        s.call("XADD", "s", "4-0", "f", "v").is(
                error("ERR The ID specified in XADD is equal or smaller than the target stream top item"));
        s.call("XADD", "t", "0-0", "f", "v").is(error("ERR The ID specified in XADD must be greater than 0-0"));
        s.call("XADD", "s", "bad", "f", "v").is(error("ERR Invalid stream ID specified as stream command argument"));
        s.call("XADD", "s", "9-9", "f").is(wrongArity("xadd"));
        s.call("SET", "str", "v").is(ok());
        s.call("XADD", "str", "*", "f", "v").is(wrongType());
    }

    @SpecCase("XADD")
    void xaddNomkstreamAndTrimming(SpecSession s) {
        s.call("XADD", "s", "NOMKSTREAM", "*", "f", "v").is(nil());
        s.call("EXISTS", "s").is(integer(0));
        for (int i = 1; i <= 5; i++) {
            s.call("XADD", "s", i + "-0", "f", "v" + i).is(bulk(i + "-0"));
        }
        s.call("XADD", "s", "MAXLEN", "3", "6-0", "f", "v6").is(bulk("6-0"));
        s.call("XLEN", "s").is(integer(3));
        s.call("XADD", "s", "MINID", "=", "5", "7-0", "f", "v7").is(bulk("7-0"));
        s.call("XRANGE", "s", "-", "+").is(array(
                array("5-0", array("f", "v5")), array("6-0", array("f", "v6")), array("7-0", array("f", "v7"))));
    }

    @SpecCase("XRANGE")
    void xrangeAndXrevrangeWithCountAndExclusiveBounds(SpecSession s) {
        for (int i = 1; i <= 4; i++) {
            s.call("XADD", "s", i + "-0", "n", Integer.toString(i)).is(bulk(i + "-0"));
        }
        s.call("XRANGE", "s", "2", "3").is(array(array("2-0", array("n", "2")), array("3-0", array("n", "3"))));
        s.call("XRANGE", "s", "(1-0", "+", "COUNT", "1").is(array(array("2-0", array("n", "2"))));
        s.call("XREVRANGE", "s", "+", "-", "COUNT", "2").is(array(array("4-0", array("n", "4")), array("3-0", array("n", "3"))));
        s.call("XRANGE", "missing", "-", "+").is(emptyArray());
        s.call("XRANGE", "s", "x", "+").is(error("ERR Invalid stream ID specified as stream command argument"));
    }

    @SpecCase("XDEL")
    void xdelAndXtrim(SpecSession s) {
        for (int i = 1; i <= 4; i++) {
            s.call("XADD", "s", i + "-0", "f", "v").is(bulk(i + "-0"));
        }
        s.call("XDEL", "s", "1-0", "9-0").is(integer(1));
        s.call("XTRIM", "s", "MAXLEN", "2").is(integer(1));
        s.call("XTRIM", "s", "MINID", "4").is(integer(1));
        s.call("XLEN", "s").is(integer(1));
        s.call("XTRIM", "s", "SIZE", "2").is(syntaxError());
    }

    @SpecCase("XREAD")
    void xreadReturnsNewEntriesPerStream(SpecSession s) {
        s.call("XADD", "s", "1-0", "f", "v").is(bulk("1-0"));
        s.call("XADD", "s", "2-0", "f", "w").is(bulk("2-0"));
        s.call("XREAD", "COUNT", "1", "STREAMS", "s", "0").is(
                byProtocol(array(array("s", array(array("1-0", array("f", "v"))))),
                        map("s", array(array("1-0", array("f", "v"))))));
        s.call("XREAD", "STREAMS", "s", "2-0").is(nilArray());
        s.call("XREAD", "BLOCK", "10", "STREAMS", "s", "$").is(nilArray());
        s.call("XREAD", "STREAMS", "s", "t", "0").is(error(
                "ERR Unbalanced XREAD list of streams: for each stream key an ID or '$' must be specified."));
    }

    @SpecCase("XGROUP")
    void consumerGroupLifecycle(SpecSession s) {
        s.call("XGROUP", "CREATE", "s", "g", "$").is(error(
                "ERR The XGROUP subcommand requires the key to exist. Note that for CREATE you may want to use the "
                        + "MKSTREAM option to create an empty stream automatically."));
        s.call("XGROUP", "CREATE", "s", "g", "$", "MKSTREAM").is(ok());
        s.call("XGROUP", "CREATE", "s", "g", "$").is(error("BUSYGROUP Consumer Group name already exists"));
        s.call("XGROUP", "CREATECONSUMER", "s", "g", "c1").is(integer(1));
        s.call("XGROUP", "CREATECONSUMER", "s", "g", "c1").is(integer(0));
        s.call("XGROUP", "DELCONSUMER", "s", "g", "c1").is(integer(0));
        s.call("XGROUP", "SETID", "s", "g", "0").is(ok());
        s.call("XGROUP", "DESTROY", "s", "g").is(integer(1));
        s.call("XGROUP", "DESTROY", "s", "g").is(integer(0));
        s.call("XGROUP", "SETID", "s", "nog", "0").is(error("NOGROUP No such consumer group 'nog' for key name 's'"));
    }

    @SpecCase("XREADGROUP")
    void xreadgroupDeliversAndTracksPendingEntries(SpecSession s) {
        s.call("XADD", "s", "1-1", "f", "v").is(bulk("1-1"));
        s.call("XGROUP", "CREATE", "s", "g", "0").is(ok());
        s.call("XREADGROUP", "GROUP", "g", "c", "STREAMS", "s", ">").is(
                byProtocol(array(array("s", array(array("1-1", array("f", "v"))))),
                        map("s", array(array("1-1", array("f", "v"))))));
        s.call("XREADGROUP", "GROUP", "g", "c", "STREAMS", "s", ">").is(nilArray());
        s.call("XPENDING", "s", "g").is(array(1, "1-1", "1-1", array(array("c", "1"))));
        s.call("XPENDING", "s", "g", "-", "+", "10").is(array(array("1-1", "c", anyInteger(), 1)));
        s.call("XACK", "s", "g", "1-1", "9-9").is(integer(1));
        s.call("XPENDING", "s", "g").is(array(0, null, null, nilArray()));
        s.call("XREADGROUP", "GROUP", "nog", "c", "STREAMS", "s", ">").is(error(
                "NOGROUP No such key 's' or consumer group 'nog' in XREADGROUP with GROUP option"));
    }

    @SpecCase("XCLAIM")
    void xclaimAndXautoclaimTransferOwnership(SpecSession s) {
        s.call("XADD", "s", "1-1", "f", "v").is(bulk("1-1"));
        s.call("XGROUP", "CREATE", "s", "g", "0").is(ok());
        s.call("XREADGROUP", "GROUP", "g", "c1", "STREAMS", "s", ">").is(anything());
        s.call("XCLAIM", "s", "g", "c2", "0", "1-1").is(array(array("1-1", array("f", "v"))));
        s.call("XCLAIM", "s", "g", "c3", "0", "1-1", "JUSTID").is(array("1-1"));
        s.call("XAUTOCLAIM", "s", "g", "c4", "0", "0-0").is(array("0-0", array(array("1-1", array("f", "v"))), emptyArray()));
        s.call("XPENDING", "s", "g", "-", "+", "10", "c4").is(array(array("1-1", "c4", anyInteger(), 3)));
    }

    @SpecCase("XINFO")
    void xinfoDescribesGroupsAndConsumers(SpecSession s) {
        s.call("XADD", "s", "1-1", "f", "v").is(bulk("1-1"));
        s.call("XGROUP", "CREATE", "s", "g", "0").is(ok());
        s.call("XREADGROUP", "GROUP", "g", "c", "STREAMS", "s", ">").is(anything());
        s.call("XINFO", "GROUPS", "s").is(array(map("name", "g", "consumers", 1, "pending", 1,
                "last-delivered-id", "1-1", "entries-read", 1, "lag", 0)));
        s.call("XINFO", "CONSUMERS", "s", "g").is(array(map("name", "c", "pending", 1, "idle", anyInteger())));
        s.call("XINFO", "STREAM", "s").is(map("length", 1, "radix-tree-keys", 1, "radix-tree-nodes", 2,
                "last-generated-id", "1-1", "max-deleted-entry-id", "0-0", "entries-added", 1,
                "recorded-first-entry-id", "1-1", "groups", 1,
                "first-entry", array("1-1", array("f", "v")), "last-entry", array("1-1", array("f", "v"))));
        s.call("XINFO", "STREAM", "missing").is(error("ERR no such key"));
    }

    @SpecCase("XSETID")
    void xsetidMovesTheLastId(SpecSession s) {
        s.call("XADD", "s", "5-0", "f", "v").is(bulk("5-0"));
        s.call("XSETID", "s", "10-0").is(ok());
        s.call("XADD", "s", "9-0", "f", "v").is(
                error("ERR The ID specified in XADD is equal or smaller than the target stream top item"));
        s.call("XSETID", "s", "1-0").is(error(
                "ERR The ID specified in XSETID is smaller than the target stream top item"));
    }

    @SpecCase("OBJECT ENCODING")
    void streamsAreEncodedAsStream(SpecSession s) {
        s.call("XADD", "s", "1-1", "f", "v").is(bulk("1-1"));
        s.call("OBJECT", "ENCODING", "s").is(bulk("stream"));
    }

    @SpecCase("XRANGE")
    void streamCommandsOnOtherTypesAnswerWrongtype(SpecSession s) {
        s.call("SET", "str", "v").is(ok());
        for (String[] c : new String[][] {{"XLEN", "str"}, {"XRANGE", "str", "-", "+"}, {"XDEL", "str", "1-1"},
                {"XTRIM", "str", "MAXLEN", "1"}, {"XREAD", "STREAMS", "str", "0"}, {"XINFO", "STREAM", "str"}}) {
            s.call(c).is(wrongType());
        }
    }

    @SpecCase("XAUTOCLAIM")
    void xautoclaimReportsDeletedEntriesAndDropsThemFromThePel(SpecSession s) {
        s.call("XADD", "s", "1-0", "f", "1").is(bulk("1-0"));
        s.call("XADD", "s", "2-0", "f", "2").is(bulk("2-0"));
        s.call("XGROUP", "CREATE", "s", "g", "0").is(ok());
        s.call("XREADGROUP", "GROUP", "g", "c", "COUNT", "2", "STREAMS", "s", ">").is(anything());
        s.call("XDEL", "s", "1-0").is(integer(1));
        s.call("XAUTOCLAIM", "s", "g", "c2", "0", "0-0").is(array("0-0", array(array("2-0", array("f", "2"))), array("1-0")));
        s.call("XREADGROUP", "GROUP", "g", "c", "STREAMS", "s", "0").is(
                byProtocol(array(array("s", emptyArray())), map("s", emptyArray())));
        s.call("XINFO", "GROUPS", "s").is(array(map("name", "g", "consumers", 2, "pending", 1,
                "last-delivered-id", "2-0", "entries-read", 2, "lag", 0)));
    }

    @SpecCase("XGROUP")
    void xgroupCreateWithEntriesreadComputesLag(SpecSession s) {
        s.call("XADD", "s", "1-0", "f", "1").is(bulk("1-0"));
        s.call("XADD", "s", "2-0", "f", "2").is(bulk("2-0"));
        s.call("XGROUP", "CREATE", "s", "g", "0", "ENTRIESREAD", "1").is(ok());
        s.call("XINFO", "GROUPS", "s").is(array(map("name", "g", "consumers", 0, "pending", 0,
                "last-delivered-id", "0-0", "entries-read", 1, "lag", 1)));
    }

    @SpecCase("XREAD")
    void blockingXreadIsServedByAnXaddFromAnotherClient(SpecSession s) throws Exception {
        s.call("XADD", "s", "1-0", "f", "old").is(bulk("1-0"));
        SpecConnection writer = s.newConnection();
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
            writer.call("XADD", "s", "2-0", "f", "new");
        });
        t.start();
        s.call("XREAD", "BLOCK", "5000", "STREAMS", "s", "$").is(
                byProtocol(array(array("s", array(array("2-0", array("f", "new"))))),
                        map("s", array(array("2-0", array("f", "new"))))));
        t.join();
    }
}
