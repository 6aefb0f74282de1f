package dev.verdict.server.type.zset;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class SkipListTest {

    private record E(double score, String member) {
    }

    private static final Comparator<E> ORDER = Comparator.comparingDouble(E::score).thenComparing(E::member);

    @Test
    void ranksAndSpansAgreeWithASortedModelUnderRandomInsertsAndDeletes() {
        Random random = new Random(42);
        SkipList sl = new SkipList();
        List<E> model = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            if (model.isEmpty() || random.nextInt(3) > 0) {
                E e = new E(random.nextInt(100), "m" + random.nextInt(100000));
                if (model.stream().anyMatch(x -> x.member().equals(e.member()))) continue;
                sl.insert(e.score(), e.member().getBytes());
                model.add(e);
            } else {
                E e = model.remove(random.nextInt(model.size()));
                assertThat(sl.delete(e.score(), e.member().getBytes())).isTrue();
            }
        }
        model.sort(ORDER);
        assertThat(sl.length()).isEqualTo(model.size());
        assertThat(sl.isConsistent()).isTrue();
        for (int r = 0; r < model.size(); r += 37) {
            E e = model.get(r);
            assertThat(sl.rank(e.score(), e.member().getBytes())).isEqualTo(r);
            assertThat(new String(sl.byRank(r).member())).isEqualTo(e.member());
        }
    }

    @Test
    void countWhileFindsScoreRangeBoundaries() {
        SkipList sl = new SkipList();
        for (int i = 0; i < 100; i++) sl.insert(i / 10, ("m" + i).getBytes());
        assertThat(sl.countWhile(n -> n.score() < 3)).isEqualTo(30);
        assertThat(sl.countWhile(n -> n.score() <= 3)).isEqualTo(40);
        assertThat(sl.countWhile(n -> n.score() < 100)).isEqualTo(100);
    }

    @Test
    void equalScoresOrderByMemberBytesUnsigned() {
        SkipList sl = new SkipList();
        sl.insert(1, new byte[] {(byte) 0xff});
        sl.insert(1, new byte[] {'a'});
        sl.insert(1, new byte[] {'a', 'a'});
        assertThat(sl.first().member()).containsExactly('a');
        assertThat(sl.last().member()).containsExactly((byte) 0xff);
    }
}
