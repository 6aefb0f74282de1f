package dev.verdict.conformance.diff;

import dev.verdict.conformance.client.RespReply;
import dev.verdict.conformance.client.RespValue;
import dev.verdict.conformance.diff.compare.LiveSides;
import dev.verdict.conformance.diff.compare.NormalisationTable;
import dev.verdict.conformance.diff.compare.Outcome;
import dev.verdict.conformance.diff.compare.ReplyComparator;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class NormalisationTableTest {

    private final NormalisationTable table = new NormalisationTable();
    private final ReplyComparator comparator = new ReplyComparator(table);
    private final LiveSides noSides = null;

    private static RespReply reply(String wire) {
        byte[] raw = wire.getBytes(StandardCharsets.ISO_8859_1);
        RespValue v = dev.verdict.conformance.client.RespDecoder.decode(raw, 0, raw.length).value();
        return new RespReply(raw, v);
    }

    private Outcome compare(String command, String a, String b) {
        return comparator.compare(Command.of(command.split(" ")), reply(a), reply(b), noSides);
    }

    @Test
    void everyDepartureFromExactComparisonHasAReason() {
        assertThat(table.entries()).isNotEmpty();
        table.entries().forEach((c, e) -> assertThat(e.reason()).as(c).isNotBlank());
    }

    @Test
    void ordinaryCommandsCompareByteForByte() {
        assertThat(compare("GET k", "$1\r\na\r\n", "$1\r\na\r\n")).isEqualTo(Outcome.MATCH);
        assertThat(compare("GET k", "$1\r\na\r\n", "$1\r\nb\r\n")).isEqualTo(Outcome.MISMATCH);
        assertThat(compare("GET k", "$-1\r\n", "*-1\r\n")).isEqualTo(Outcome.MISMATCH);
        assertThat(compare("LRANGE k 0 -1", "*2\r\n$1\r\na\r\n$1\r\nb\r\n", "*2\r\n$1\r\nb\r\n$1\r\na\r\n"))
                .isEqualTo(Outcome.MISMATCH);
    }

    @Test
    void unorderedRepliesAreComparedSorted() {
        assertThat(compare("SMEMBERS k", "*2\r\n$1\r\na\r\n$1\r\nb\r\n", "*2\r\n$1\r\nb\r\n$1\r\na\r\n"))
                .isEqualTo(Outcome.MATCH);
        assertThat(compare("SMEMBERS k", "*2\r\n$1\r\na\r\n$1\r\nb\r\n", "*2\r\n$1\r\nb\r\n$1\r\nc\r\n"))
                .isEqualTo(Outcome.MISMATCH);
    }

    @Test
    void hashPairsAreSortedAsPairsSoAValueCannotMoveToAnotherField() {
        String a = "*4\r\n$1\r\nf\r\n$1\r\n1\r\n$1\r\ng\r\n$1\r\n2\r\n";
        String swapped = "*4\r\n$1\r\ng\r\n$1\r\n2\r\n$1\r\nf\r\n$1\r\n1\r\n";
        String crossed = "*4\r\n$1\r\nf\r\n$1\r\n2\r\n$1\r\ng\r\n$1\r\n1\r\n";
        assertThat(compare("HGETALL k", a, swapped)).isEqualTo(Outcome.MATCH);
        assertThat(compare("HGETALL k", a, crossed)).isEqualTo(Outcome.MISMATCH);
    }

    @Test
    void randomPicksAreComparedByShape() {
        assertThat(compare("SRANDMEMBER k 2", "*2\r\n$1\r\na\r\n$2\r\nbb\r\n", "*2\r\n$1\r\nc\r\n$1\r\nd\r\n"))
                .isEqualTo(Outcome.MATCH);
        assertThat(compare("SRANDMEMBER k 2", "*2\r\n$1\r\na\r\n$1\r\nb\r\n", "*1\r\n$1\r\nc\r\n"))
                .isEqualTo(Outcome.MISMATCH);
        assertThat(compare("RANDOMKEY", "$-1\r\n", "$2\r\nk1\r\n")).isEqualTo(Outcome.MISMATCH);
        assertThat(compare("SRANDMEMBER k x", "-ERR value is not an integer or out of range\r\n",
                "-ERR value is out of range\r\n")).isEqualTo(Outcome.MISMATCH);
    }

    @Test
    void ttlsAgreeWithinTheirToleranceButSentinelsMustMatch() {
        assertThat(compare("TTL k", ":100\r\n", ":99\r\n")).isEqualTo(Outcome.MATCH);
        assertThat(compare("TTL k", ":100\r\n", ":97\r\n")).isEqualTo(Outcome.MISMATCH);
        assertThat(compare("TTL k", ":-1\r\n", ":-2\r\n")).isEqualTo(Outcome.MISMATCH);
        assertThat(compare("PTTL k", ":100000\r\n", ":99500\r\n")).isEqualTo(Outcome.MATCH);
    }

    @Test
    void anUnknownCommandOnOneSideIsNotImplementedRatherThanAMismatch() {
        assertThat(compare("LPOS k a", "-ERR unknown command 'LPOS', with args beginning with: 'k' 'a' \r\n", ":0\r\n"))
                .isEqualTo(Outcome.NOT_IMPLEMENTED);
        assertThat(compare("CONFIG GET x", ":0\r\n", "-ERR unknown subcommand 'GET'. Try CONFIG HELP.\r\n"))
                .isEqualTo(Outcome.NOT_IMPLEMENTED);
    }

    @Test
    void hashTableDumpsCompareTypeAndLengthOnly() {
        assertThat(compare("DUMP k", "$3\r\n\u0002ab\r\n", "$3\r\n\u0002ba\r\n")).isEqualTo(Outcome.MATCH);
        assertThat(compare("DUMP k", "$3\r\n\u0010ab\r\n", "$3\r\n\u0010ba\r\n")).isEqualTo(Outcome.MISMATCH);
    }
}
