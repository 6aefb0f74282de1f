package dev.verdict.conformance.spec;

import static dev.verdict.conformance.spec.Replies.*;

/** Strings: GET/SET and options, counters, ranges, LCS; Redis 7.0 semantics. */
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

    @SpecCase("SET")
    void setWithGetReturnsOldValueAndOverwrites(SpecSession s) {
        s.call("SET", "k", "old").is(ok());
        s.call("SET", "k", "new", "GET").is(bulk("old"));
        s.call("GET", "k").is(bulk("new"));
        s.call("SET", "fresh", "x", "GET").is(nil());
    }

    @SpecCase("INCR")
    void incrOfNonIntegerIsAnError(SpecSession s) {
        s.call("SET", "k", "abc").is(ok());
        s.call("INCR", "k").is(notAnInteger());
    }
}
