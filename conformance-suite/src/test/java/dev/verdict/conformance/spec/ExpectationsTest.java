package dev.verdict.conformance.spec;

import dev.verdict.conformance.AcceptedDifferences;

import dev.verdict.conformance.client.Protocol;
import dev.verdict.conformance.client.RespDecoder;
import dev.verdict.conformance.client.RespValue;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static dev.verdict.conformance.spec.Replies.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The expectation vocabulary derives Redis's RESP2 and RESP3 forms and compares exactly or leniently. */
class ExpectationsTest {

    private static boolean exact(Expected e, Protocol p, String wire) {
        return e.forProtocol(p).matches(RespDecoder.decodeFully(wire.getBytes(StandardCharsets.UTF_8)), false);
    }

    private static boolean lenient(Expected e, Protocol p, RespValue decodedByALibrary) {
        return e.forProtocol(p).matches(decodedByALibrary, true);
    }

    @Test
    void nullsKeepTheirResp2Kind() {
        assertThat(exact(nil(), Protocol.RESP2, "$-1\r\n")).isTrue();
        assertThat(exact(nil(), Protocol.RESP2, "*-1\r\n")).isFalse();
        assertThat(exact(nilArray(), Protocol.RESP2, "*-1\r\n")).isTrue();
        assertThat(exact(nilArray(), Protocol.RESP3, "_\r\n")).isTrue();
        assertThat(exact(nil(), Protocol.RESP3, "$-1\r\n")).isFalse();
    }

    @Test
    void mapsFlattenInResp2AndCompareUnordered() {
        Expected m = map("a", 1, "b", 2);
        assertThat(exact(m, Protocol.RESP2, "*4\r\n$1\r\nb\r\n:2\r\n$1\r\na\r\n:1\r\n")).isTrue();
        assertThat(exact(m, Protocol.RESP2, "*4\r\n$1\r\na\r\n:2\r\n$1\r\nb\r\n:1\r\n")).isFalse();
        assertThat(exact(m, Protocol.RESP3, "%2\r\n$1\r\nb\r\n:2\r\n$1\r\na\r\n:1\r\n")).isTrue();
        assertThat(exact(m, Protocol.RESP3, "*4\r\n$1\r\na\r\n:1\r\n$1\r\nb\r\n:2\r\n")).isFalse();
    }

    @Test
    void setsAreUnorderedInBothProtocolsButArraysAreNot() {
        assertThat(exact(set("x", "y"), Protocol.RESP2, "*2\r\n$1\r\ny\r\n$1\r\nx\r\n")).isTrue();
        assertThat(exact(set("x", "y"), Protocol.RESP3, "~2\r\n$1\r\ny\r\n$1\r\nx\r\n")).isTrue();
        assertThat(exact(set("x", "y"), Protocol.RESP3, "*2\r\n$1\r\nx\r\n$1\r\ny\r\n")).isFalse();
        assertThat(exact(array("x", "y"), Protocol.RESP2, "*2\r\n$1\r\ny\r\n$1\r\nx\r\n")).isFalse();
    }

    @Test
    void doublesAndBooleansDowngradeToBulkAndInteger() {
        assertThat(exact(dbl("1.5"), Protocol.RESP2, "$3\r\n1.5\r\n")).isTrue();
        assertThat(exact(dbl("1.5"), Protocol.RESP3, ",1.5\r\n")).isTrue();
        assertThat(exact(bool(true), Protocol.RESP2, ":1\r\n")).isTrue();
        assertThat(exact(bool(true), Protocol.RESP3, "#t\r\n")).isTrue();
        assertThat(exact(verbatim("hi"), Protocol.RESP3, "=6\r\ntxt:hi\r\n")).isTrue();
        assertThat(exact(verbatim("hi"), Protocol.RESP2, "$2\r\nhi\r\n")).isTrue();
    }

    @Test
    void simpleStringAndBulkDifferExactlyButNotLeniently() {
        assertThat(exact(ok(), Protocol.RESP2, "$2\r\nOK\r\n")).isFalse();
        assertThat(lenient(ok(), Protocol.RESP2, new RespValue.Bulk("OK"))).isTrue();
        assertThat(lenient(dbl("0.1"), Protocol.RESP3, new RespValue.Double("0.1"))).isTrue();
        assertThat(lenient(nil(), Protocol.RESP2, new RespValue.Null(RespValue.NullKind.ARRAY))).isTrue();
        assertThat(lenient(integer(1), Protocol.RESP2, new RespValue.Bulk("1"))).isFalse();
    }

    @Test
    void looseElementsInsideAggregates() {
        Expected e = array("0", unordered("a", "b"));
        assertThat(exact(e, Protocol.RESP2, "*2\r\n$1\r\n0\r\n*2\r\n$1\r\nb\r\n$1\r\na\r\n")).isTrue();
        assertThat(exact(array(anyInteger(), "x"), Protocol.RESP3, "*2\r\n:5\r\n$1\r\nx\r\n")).isTrue();
        assertThat(exact(errorStartingWith("ERR"), Protocol.RESP2, "-ERR x\r\n")).isTrue();
        assertThat(exact(withScores("m", "1"), Protocol.RESP2, "*2\r\n$1\r\nm\r\n$1\r\n1\r\n")).isTrue();
        assertThat(exact(withScores("m", "1"), Protocol.RESP3, "*1\r\n*2\r\n$1\r\nm\r\n,1\r\n")).isTrue();
    }

    @Test
    void acceptedDifferencesMatchCaseOrCommandAndTargetKind() {
        AcceptedDifferences a = AcceptedDifferences.parse(List.of("# comment", "",
                "spec StringsSpec.setNxOnlyCreates REFERENCE_IN_JVM : NX not yet", "spec CONFIG GET * : any target",
                "diff f-123 REFERENCE_IN_JVM : other engine"));
        assertThat(a.find("spec", "REFERENCE_IN_JVM", "StringsSpec.setNxOnlyCreates", "SET")).get()
                .extracting(AcceptedDifferences.Entry::reason).isEqualTo("NX not yet");
        assertThat(a.find("spec", "REDIS_PROCESS", "StringsSpec.setNxOnlyCreates", "SET")).isEmpty();
        assertThat(a.find("spec", "REDIS_CONTAINER", "ServerSpec.x", "CONFIG GET")).isPresent();
        assertThat(a.find("spec", "REFERENCE_IN_JVM", "f-123")).isEmpty();
        AcceptedDifferences prefix = AcceptedDifferences.parse(List.of("spec GET REFERENCE_* : young server"));
        assertThat(prefix.find("spec", "REFERENCE_CONTAINER", "x", "GET")).isPresent();
        assertThat(prefix.find("spec", "REDIS_CONTAINER", "x", "GET")).isEmpty();
    }
}
