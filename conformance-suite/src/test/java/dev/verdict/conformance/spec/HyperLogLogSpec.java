package dev.verdict.conformance.spec;

import static dev.verdict.conformance.spec.Replies.*;

/** HyperLogLog: PFADD/PFCOUNT/PFMERGE, sparse-to-dense and corruption checks (Redis 7.0). */
@SpecSuite(family = "hyperloglog")
class HyperLogLogSpec {

    @SpecCase("PFADD")
    void pfaddReportsWhetherTheEstimateChanged(SpecSession s) {
        s.call("PFADD", "h", "a", "b", "c").is(integer(1));
        s.call("PFADD", "h", "a").is(integer(0));
        s.call("PFADD", "empty").is(integer(1));
        s.call("PFADD", "empty").is(integer(0));
        s.call("PFCOUNT", "h").is(integer(3));
        s.call("PFCOUNT", "missing").is(integer(0));
        s.call("TYPE", "h").is(simple("string"));
        s.call("GET", "h").is(bulkMatching("HYLL.*"));
    }

    @SpecCase("PFCOUNT")
    void pfcountIsCloseForLargerCardinalities(SpecSession s) {
        String[] add = new String[2 + 1000];
        add[0] = "PFADD";
        add[1] = "h";
        for (int i = 0; i < 1000; i++) {
            add[2 + i] = "element:" + i;
        }
        s.call(add).is(integer(1));
        s.call("PFCOUNT", "h").is(integerBetween(980, 1020));
    }

    @SpecCase("PFMERGE")
    void pfmergeUnionsAndPfcountOfManyKeysEstimatesTheUnion(SpecSession s) {
        s.call("PFADD", "a", "1", "2", "3").is(integer(1));
        s.call("PFADD", "b", "3", "4").is(integer(1));
        s.call("PFCOUNT", "a", "b").is(integer(4));
        s.call("PFMERGE", "u", "a", "b").is(ok());
        s.call("PFCOUNT", "u").is(integer(4));
        s.call("PFMERGE", "only").is(ok());
        s.call("EXISTS", "only").is(integer(1));
    }

    @SpecCase("PFADD")
    void nonHllStringsAreRejected(SpecSession s) {
        s.call("SET", "str", "hello").is(ok());
        s.call("PFADD", "str", "a").is(error("WRONGTYPE Key is not a valid HyperLogLog string value."));
        s.call("PFCOUNT", "str").is(error("WRONGTYPE Key is not a valid HyperLogLog string value."));
        s.call("LPUSH", "l", "a").is(integer(1));
        s.call("PFADD", "l", "a").is(wrongType());
    }

    @SpecCase("PFDEBUG")
    void sparseRepresentationBecomesDenseWhenItGrows(SpecSession s) {
        s.call("PFADD", "h", "a").is(integer(1));
        s.call("PFDEBUG", "ENCODING", "h").is(simple("sparse"));
        String[] add = new String[2 + 3000];
        add[0] = "PFADD";
        add[1] = "h";
        for (int i = 0; i < 3000; i++) {
            add[2 + i] = "e" + i;
        }
        s.call(add).is(integer(1));
        s.call("PFDEBUG", "ENCODING", "h").is(simple("dense"));
    }
}
