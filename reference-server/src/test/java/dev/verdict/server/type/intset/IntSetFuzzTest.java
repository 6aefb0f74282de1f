package dev.verdict.server.type.intset;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

class IntSetFuzzTest {

    /** Adds and removes agree with a sorted set, and the blob reparses to the same bytes. */
    @FuzzTest
    void behavesLikeASortedSetAndRoundTrips(FuzzedDataProvider data) {
        IntSet s = new IntSet();
        TreeSet<Long> model = new TreeSet<>();
        while (data.remainingBytes() > 0) {
            long v = data.consumeBoolean() ? data.consumeLong() : data.consumeShort();
            if (data.consumeBoolean()) assertThat(s.add(v)).isEqualTo(model.add(v));
            else assertThat(s.remove(v)).isEqualTo(model.remove(v));
        }
        assertThat(s.size()).isEqualTo(model.size());
        int i = 0;
        for (long v : model) assertThat(s.get(i++)).isEqualTo(v);
        assertThat(IntSet.fromBytes(s.toBytes()).toBytes()).isEqualTo(s.toBytes());
    }
}
