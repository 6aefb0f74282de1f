package dev.verdict.server.type.intset;

import dev.verdict.server.type.listpack.RedisVectors;
import org.junit.jupiter.api.Test;

import static dev.verdict.server.type.listpack.RedisVectors.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IntSetTest {

    private static IntSet of(long... values) {
        IntSet s = new IntSet();
        for (long v : values) s.add(v);
        return s;
    }

    @Test
    void layoutMatchesRedisForEachWidth() {
        assertThat(of(5, -3, 100).toBytes()).isEqualTo(bytes(RedisVectors.INTSET16));
        assertThat(of(5, -3, 70000).toBytes()).isEqualTo(bytes(RedisVectors.INTSET32));
        assertThat(of(5, -3, 5000000000L).toBytes()).isEqualTo(bytes(RedisVectors.INTSET64));
    }

    @Test
    void addingAWideValueUpgradesEveryElementAndNeverDowngrades() {
        IntSet s = of(1, 2);
        assertThat(s.encodingWidth()).isEqualTo(2);
        s.add(-5_000_000_000L);
        assertThat(s.encodingWidth()).isEqualTo(8);
        assertThat(s.get(0)).isEqualTo(-5_000_000_000L);
        s.remove(-5_000_000_000L);
        assertThat(s.encodingWidth()).isEqualTo(8);
        assertThat(s.contains(2)).isTrue();
        assertThat(s.add(2)).isFalse();
    }

    @Test
    void redisBlobsReadBackAndUnsortedOnesAreRejected() {
        IntSet s = IntSet.fromBytes(bytes(RedisVectors.INTSET64));
        assertThat(s.size()).isEqualTo(3);
        assertThat(s.get(2)).isEqualTo(5000000000L);
        byte[] unsorted = of(1, 2).toBytes();
        unsorted[8] = 9;
        assertThatThrownBy(() -> IntSet.fromBytes(unsorted)).isInstanceOf(IllegalArgumentException.class);
    }
}
