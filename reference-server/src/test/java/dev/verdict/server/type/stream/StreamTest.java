package dev.verdict.server.type.stream;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The stream type API: IDs, node boundaries, deletion and trimming as Redis 7.0 does them. */
class StreamTest {

    private static byte[][] fields(String... kv) {
        byte[][] out = new byte[kv.length][];
        for (int i = 0; i < kv.length; i++) out[i] = kv[i].getBytes(StandardCharsets.UTF_8);
        return out;
    }

    private static Stream streamOf(int entries, long maxEntries) {
        Stream s = new Stream();
        for (int i = 1; i <= entries; i++) {
            s.append(fields("k", Integer.toString(i)), new StreamId(i, 0), true, 0, 4096, maxEntries);
        }
        return s;
    }

    @Test
    void idsCompareAsUnsigned128BitNumbers() {
        assertThat(new StreamId(-1L, 0).compareTo(new StreamId(1, 0))).isPositive();
        assertThat(StreamId.MAX.next()).isNull();
        assertThat(StreamId.MIN.previous()).isNull();
        assertThat(new StreamId(1, -1L).next()).isEqualTo(new StreamId(2, 0));
        assertThat(StreamId.MAX.toString()).isEqualTo("18446744073709551615-18446744073709551615");
    }

    @Test
    void idArgumentsFollowRedisParsing() {
        byte[] b = "5".getBytes();
        assertThat(StreamIdArg.parse(b, -1L, true)).isEqualTo(new StreamId(5, -1L));
        assertThat(StreamIdArg.parse("-".getBytes(), 0, true)).isNull();
        assertThat(StreamIdArg.parse("+".getBytes(), 0, false)).isEqualTo(StreamId.MAX);
        assertThat(StreamIdArg.parse("18446744073709551615-1".getBytes(), 0, true)).isEqualTo(new StreamId(-1L, 1));
        assertThat(StreamIdArg.parse("18446744073709551616-1".getBytes(), 0, true)).isNull();
        assertThat(StreamIdArg.parse("-1".getBytes(), 0, true)).isNull();
        StreamIdArg.Parsed auto = StreamIdArg.parse("7-*".getBytes(), 0, true, true);
        assertThat(auto.seqGiven()).isFalse();
        assertThat(StreamIdArg.parseBound("(3-4".getBytes(), 0)).isEqualTo(new StreamIdArg.Bound(new StreamId(3, 4), true));
    }

    @Test
    void autoSequenceContinuesTheLastIdOfTheSameMillisecond() {
        Stream s = new Stream();
        assertThat(s.append(fields("a", "1"), new StreamId(5, 0), false, 0, 4096, 100)).isEqualTo(new StreamId(5, 0));
        assertThat(s.append(fields("a", "1"), new StreamId(5, 0), false, 0, 4096, 100)).isEqualTo(new StreamId(5, 1));
        assertThat(s.append(fields("a", "1"), new StreamId(4, 9), true, 0, 4096, 100)).isNull();
        assertThat(s.append(fields("a", "1"), null, true, 3, 4096, 100)).isEqualTo(new StreamId(5, 2));
    }

    @Test
    void nodesCloseAtTheEntryLimitAndTheRadixTreeCountsMatchRedis() {
        Stream s = streamOf(59, 7);
        // Values from real Redis 7.0.15 with stream-node-max-entries 7 (streams-small-nodes transcript).
        assertThat(s.radixTreeKeys()).isEqualTo(9);
        assertThat(s.radixTreeNodes()).isEqualTo(20);
    }

    @Test
    void approximateTrimRemovesWholeNodesOnly() {
        Stream s = streamOf(59, 7);
        long removed = s.trim(new TrimArgs(TrimArgs.Strategy.MAXLEN, 20, StreamId.MIN, true, 700, -1, 0, null, true, false));
        assertThat(removed).isEqualTo(35);
        assertThat(s.length()).isEqualTo(24);
        assertThat(s.firstId()).isEqualTo(new StreamId(36, 0));
    }

    @Test
    void exactTrimFlagsEntriesInsideTheFirstNode() {
        Stream s = streamOf(10, 100);
        long removed = s.trim(new TrimArgs(TrimArgs.Strategy.MINID, -1, new StreamId(4, 0), false, 0, -1, 0, null, true, false));
        assertThat(removed).isEqualTo(3);
        assertThat(s.radixTreeKeys()).isEqualTo(1);
        assertThat(s.range(StreamId.MIN, StreamId.MAX, 1, false).get(0).id()).isEqualTo(new StreamId(4, 0));
    }

    @Test
    void deletingTheLastLiveEntryOfANodeDropsTheNode() {
        Stream s = streamOf(3, 2);
        assertThat(s.radixTreeKeys()).isEqualTo(2);
        assertThat(s.delete(new StreamId(3, 0))).isTrue();
        assertThat(s.radixTreeKeys()).isEqualTo(1);
        assertThat(s.delete(new StreamId(3, 0))).isFalse();
        s.afterDelete(List.of(new StreamId(3, 0)));
        assertThat(s.maxDeletedId()).isEqualTo(new StreamId(3, 0));
        assertThat(s.range(StreamId.MIN, StreamId.MAX, 0, true)).extracting(StreamEntry::id)
                .containsExactly(new StreamId(2, 0), new StreamId(1, 0));
    }

    @Test
    void groupLagIsUnknownWhenATombstoneLiesAhead() {
        Stream s = streamOf(5, 100);
        ConsumerGroup g = s.createGroup("g".getBytes(), StreamId.MIN, 0);
        assertThat(s.lag(g)).isEqualTo(5);
        s.delete(new StreamId(3, 0));
        s.afterDelete(List.of(new StreamId(3, 0)));
        assertThat(s.lag(g)).isNull();
    }
}
