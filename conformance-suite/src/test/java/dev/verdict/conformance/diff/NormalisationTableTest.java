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

    /** A target that answers SSCAN pages from a fixed script: cursor in, page out; counts the pages asked for. */
    private static final class ScriptedScans {
        final java.util.Map<String, String> pages;
        int asked;

        ScriptedScans(java.util.Map<String, String> pages) {
            this.pages = pages;
        }

        RespReply call(Command c) {
            asked++;
            return reply(pages.get(c.arg(2)));
        }
    }

    private static LiveSides sides(ScriptedScans a, ScriptedScans b) {
        return new LiveSides() {
            @Override
            public RespReply callA(Command command) {
                return a.call(command);
            }

            @Override
            public RespReply callB(Command command) {
                return b.call(command);
            }
        };
    }

    @Test
    void aScanIsComparedByItsFullIterationWhateverPagesEachTargetCutsItInto() {
        ScriptedScans a = new ScriptedScans(java.util.Map.of(
                "0", "*2\r\n$1\r\n7\r\n*2\r\n$1\r\na\r\n$1\r\nb\r\n",
                "7", "*2\r\n$1\r\n0\r\n*1\r\n$1\r\nc\r\n"));
        ScriptedScans b = new ScriptedScans(java.util.Map.of(
                "0", "*2\r\n$1\r\n3\r\n*1\r\n$1\r\nc\r\n",
                "3", "*2\r\n$1\r\n5\r\n*1\r\n$1\r\nb\r\n",
                "5", "*2\r\n$1\r\n0\r\n*1\r\n$1\r\na\r\n"));
        Command sscan = Command.of("SSCAN", "k", "0", "COUNT", "1");
        Outcome o = comparator.compare(sscan, a.call(sscan), b.call(sscan), sides(a, b));
        assertThat(o).isEqualTo(Outcome.MATCH);
        // the command with cursor 0 is the first page: only the further pages are asked for
        assertThat(a.asked).isEqualTo(2);
        assertThat(b.asked).isEqualTo(3);
    }

    @Test
    void aScanWhoseFullIterationMissesAnElementMismatches() {
        ScriptedScans a = new ScriptedScans(java.util.Map.of(
                "0", "*2\r\n$1\r\n7\r\n*2\r\n$1\r\na\r\n$1\r\nb\r\n",
                "7", "*2\r\n$1\r\n0\r\n*1\r\n$1\r\nc\r\n"));
        ScriptedScans b = new ScriptedScans(java.util.Map.of(
                "0", "*2\r\n$1\r\n0\r\n*2\r\n$1\r\na\r\n$1\r\nb\r\n"));
        Command sscan = Command.of("SSCAN", "k", "0");
        assertThat(comparator.compare(sscan, a.call(sscan), b.call(sscan), sides(a, b))).isEqualTo(Outcome.MISMATCH);
    }

    @Test
    void execRepliesAreComparedElementByElementByTheRuleOfEachQueuedCommand() {
        assertThat(compare("MULTI", "+OK\r\n", "+OK\r\n")).isEqualTo(Outcome.MATCH);
        assertThat(compare("TIME", "+QUEUED\r\n", "+QUEUED\r\n")).isEqualTo(Outcome.MATCH);
        assertThat(compare("GET k", "+QUEUED\r\n", "+QUEUED\r\n")).isEqualTo(Outcome.MATCH);
        String timeThenA = "*2\r\n*2\r\n$10\r\n1700000000\r\n$6\r\n123456\r\n$1\r\na\r\n";
        String laterTimeThenA = "*2\r\n*2\r\n$10\r\n1700000001\r\n$5\r\n12345\r\n$1\r\na\r\n";
        assertThat(compare("EXEC", timeThenA, laterTimeThenA)).isEqualTo(Outcome.MATCH);
    }

    @Test
    void execElementsOutsideTheClockRulesStillCompareExactly() {
        compare("MULTI", "+OK\r\n", "+OK\r\n");
        compare("TIME", "+QUEUED\r\n", "+QUEUED\r\n");
        compare("GET k", "+QUEUED\r\n", "+QUEUED\r\n");
        assertThat(compare("EXEC", "*2\r\n*2\r\n$1\r\n1\r\n$1\r\n2\r\n$1\r\na\r\n",
                "*2\r\n*2\r\n$1\r\n3\r\n$1\r\n4\r\n$1\r\nb\r\n")).isEqualTo(Outcome.MISMATCH);
    }

    @Test
    void execAfterANewMultiUsesOnlyTheCommandsQueuedSinceIt() {
        compare("MULTI", "+OK\r\n", "+OK\r\n");
        compare("TIME", "+QUEUED\r\n", "+QUEUED\r\n");
        compare("DISCARD", "+OK\r\n", "+OK\r\n");
        compare("MULTI", "+OK\r\n", "+OK\r\n");
        compare("ECHO x", "+QUEUED\r\n", "+QUEUED\r\n");
        // one element, queued by ECHO: compared exactly, not as TIME's
        assertThat(compare("EXEC", "*1\r\n$1\r\n1\r\n", "*1\r\n$1\r\n2\r\n")).isEqualTo(Outcome.MISMATCH);
        // no transaction at all: an EXEC reply is compared byte for byte
        assertThat(compare("EXEC", "*1\r\n*2\r\n$1\r\n1\r\n$1\r\n2\r\n", "*1\r\n*2\r\n$1\r\n3\r\n$1\r\n4\r\n"))
                .isEqualTo(Outcome.MISMATCH);
    }

    @Test
    void aScanPageInsideExecNeedOnlyBeAPageOnBothSides() {
        compare("MULTI", "+OK\r\n", "+OK\r\n");
        compare("SCAN 0 MATCH 0 COUNT 1", "+QUEUED\r\n", "+QUEUED\r\n");
        assertThat(compare("EXEC", "*1\r\n*2\r\n$1\r\n2\r\n*1\r\n$1\r\n0\r\n", "*1\r\n*2\r\n$1\r\n3\r\n*0\r\n"))
                .isEqualTo(Outcome.MATCH);
        compare("MULTI", "+OK\r\n", "+OK\r\n");
        compare("SCAN x", "+QUEUED\r\n", "+QUEUED\r\n");
        assertThat(compare("EXEC", "*1\r\n-ERR invalid cursor\r\n", "*1\r\n*2\r\n$1\r\n0\r\n*0\r\n"))
                .isEqualTo(Outcome.MISMATCH);
    }

    /** Both targets answer TYPE and OBJECT ENCODING of every key alike. */
    private static LiveSides holding(String type, String encoding) {
        return new LiveSides() {
            @Override
            public RespReply callA(Command command) {
                return command.arg(0).equals("TYPE") ? reply("+" + type + "\r\n")
                        : reply("$" + encoding.length() + "\r\n" + encoding + "\r\n");
            }

            @Override
            public RespReply callB(Command command) {
                return callA(command);
            }
        };
    }

    private Outcome sort(String command, String a, String b, LiveSides sides) {
        return comparator.compare(Command.of(command.split(" ")), reply(a), reply(b), sides);
    }

    @Test
    void sortOfAHashTableSetByAMissingPatternWithAlphaIsComparedAsAMultiset() {
        String abc = "*3\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n";
        String cab = "*3\r\n$1\r\nc\r\n$1\r\na\r\n$1\r\nb\r\n";
        String cad = "*3\r\n$1\r\nc\r\n$1\r\na\r\n$1\r\nd\r\n";
        LiveSides set = holding("set", "hashtable");
        assertThat(sort("SORT k BY nokey_* ALPHA", abc, cab, set)).isEqualTo(Outcome.MATCH);
        assertThat(sort("SORT_RO k BY nosort", abc, cab, set)).isEqualTo(Outcome.MATCH);
        assertThat(sort("SORT k BY nokey_* ALPHA", abc, cad, set)).isEqualTo(Outcome.MISMATCH);
        assertThat(sort("SORT k BY nokey_* ALPHA", abc, cab, holding("zset", "skiplist"))).isEqualTo(Outcome.MATCH);
    }

    @Test
    void sortKeepsItsOrderWhereRedisDefinesIt() {
        String abc = "*3\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n";
        String cab = "*3\r\n$1\r\nc\r\n$1\r\na\r\n$1\r\nb\r\n";
        // a list keeps its own order; an intset iterates in order; a sorted set without sorting keeps its scores' order
        assertThat(sort("SORT k BY nokey_* ALPHA", abc, cab, holding("list", "listpack"))).isEqualTo(Outcome.MISMATCH);
        assertThat(sort("SORT k BY nosort", abc, cab, holding("set", "intset"))).isEqualTo(Outcome.MISMATCH);
        assertThat(sort("SORT k BY nosort", abc, cab, holding("zset", "skiplist"))).isEqualTo(Outcome.MISMATCH);
        // numeric sorting breaks ties by the element; no BY sorts by the element
        assertThat(sort("SORT k BY nokey_*", abc, cab, holding("set", "hashtable"))).isEqualTo(Outcome.MISMATCH);
        assertThat(sort("SORT k ALPHA", abc, cab, holding("set", "hashtable"))).isEqualTo(Outcome.MISMATCH);
    }

    @Test
    void sortWithGetKeepsEachElementWithItsLookups() {
        LiveSides set = holding("set", "hashtable");
        String aThenB = "*4\r\n$1\r\na\r\n$2\r\nva\r\n$1\r\nb\r\n$2\r\nvb\r\n";
        String bThenA = "*4\r\n$1\r\nb\r\n$2\r\nvb\r\n$1\r\na\r\n$2\r\nva\r\n";
        String crossed = "*4\r\n$1\r\nb\r\n$2\r\nva\r\n$1\r\na\r\n$2\r\nvb\r\n";
        assertThat(sort("SORT k BY w_* ALPHA GET # GET v_*", aThenB, bThenA, set)).isEqualTo(Outcome.MATCH);
        assertThat(sort("SORT k BY w_* ALPHA GET # GET v_*", aThenB, crossed, set)).isEqualTo(Outcome.MISMATCH);
    }

    @Test
    void sortWithLimitFromAnUnorderedSourceComparesSizesAndStoreEndsTheSequence() {
        LiveSides set = holding("set", "hashtable");
        assertThat(sort("SORT k BY w_* ALPHA LIMIT 0 1", "*1\r\n$1\r\na\r\n", "*1\r\n$1\r\nb\r\n", set))
                .isEqualTo(Outcome.MATCH);
        assertThat(sort("SORT k BY w_* ALPHA STORE d", ":3\r\n", ":3\r\n", set)).isEqualTo(Outcome.MATCH);
        assertThat(comparator.lastDivergesState()).isTrue();
        assertThat(table.ruleFor(Command.of("SORT", "k", "BY", "w_*", "ALPHA")).needsLiveSides(
                Command.of("SORT", "k", "BY", "w_*", "ALPHA"))).isTrue();
        assertThat(table.ruleFor(Command.of("SORT", "k", "ALPHA")).needsLiveSides(Command.of("SORT", "k", "ALPHA")))
                .isFalse();
    }
}
