package dev.verdict.chaos.checker;

import dev.verdict.chaos.history.Operation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AckedWriteLossTest {

    private final List<Operation> history = List.of(
            Operation.ok(0, "add", "s", "1", 0, 1, null),
            Operation.ok(0, "add", "s", "2", 2, 3, null),
            Operation.ok(1, "add", "s", "3", 2, 4, null),
            Operation.unknown(1, "add", "s", "4", 5, 9),
            Operation.unknown(1, "add", "s", "5", 10, 19),
            Operation.fail(0, "add", "s", "6", 5, 6));

    @Test
    void countsAcknowledgedElementsMissingFromTheFinalRead() {
        AckedWriteLoss.Figures f = AckedWriteLoss.measure(history, Map.of("s", Set.of("1", "3", "4")));
        assertThat(f.acked()).isEqualTo(3);
        assertThat(f.lost()).isEqualTo(1);
        assertThat(f.lostSample()).containsExactly("s:2");
        assertThat(f.unknown()).isEqualTo(2);
        assertThat(f.unknownKept()).isEqualTo(1);
        assertThat(f.failedButPresent()).isZero();
    }

    @Test
    void lossFailsOnlyWhereRedisPromisesNone() {
        AckedWriteLoss.Figures f = AckedWriteLoss.measure(history, Map.of("s", Set.of("1", "3")));
        assertThat(AckedWriteLoss.check(f, false).passed()).isTrue();
        assertThat(AckedWriteLoss.check(f, true).passed()).isFalse();
        assertThat(AckedWriteLoss.check(f, true).detail()).startsWith("1 of 3 acknowledged writes lost");
    }

    @Test
    void aRefusedWriteThatAppearsAnywayAlwaysFails() {
        AckedWriteLoss.Figures f = AckedWriteLoss.measure(history, Map.of("s", Set.of("1", "2", "3", "6")));
        assertThat(f.failedButPresent()).isEqualTo(1);
        assertThat(AckedWriteLoss.check(f, false).passed()).isFalse();
    }

    @Test
    void counterShortOfTheAcknowledgedIncrementsLostThem() {
        List<Operation> incrs = List.of(
                Operation.ok(0, "incr", "c", null, 0, 1, "1"),
                Operation.ok(0, "incr", "c", null, 2, 3, "2"),
                Operation.ok(0, "incr", "c", null, 4, 5, "3"),
                Operation.unknown(1, "incr", "c", null, 4, 9));
        assertThat(AckedWriteLoss.measureCounter(incrs, "c", 1).lost()).isEqualTo(2);
        assertThat(AckedWriteLoss.measureCounter(incrs, "c", 4).lost()).isZero();
        assertThat(AckedWriteLoss.measureCounter(incrs, "c", 4).unknownKept()).isEqualTo(1);
        assertThat(AckedWriteLoss.measureCounter(incrs, "c", 5).failedButPresent()).isEqualTo(1);
    }
}
