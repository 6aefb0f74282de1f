package dev.verdict.chaos.checker;

import dev.verdict.chaos.history.Operation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.verdict.chaos.checker.PersistenceRecovery.Mode.AOF_ALWAYS;
import static dev.verdict.chaos.checker.PersistenceRecovery.Mode.AOF_EVERYSEC;
import static dev.verdict.chaos.checker.PersistenceRecovery.Mode.RDB_ONLY;
import static org.assertj.core.api.Assertions.assertThat;

class PersistenceRecoveryTest {

    // Killed at 10_000; the last save completed at 5_000.
    private final List<Operation> adds = List.of(
            Operation.ok(0, "add", "s", "early", 1000, 1001, null),
            Operation.ok(0, "add", "s", "middle", 7000, 7001, null),
            Operation.ok(0, "add", "s", "late", 9500, 9501, null));

    private PersistenceRecovery.Figures measure(PersistenceRecovery.Mode mode, Set<String> recovered) {
        return PersistenceRecovery.measure(adds, Map.of("s", recovered), mode, 10_000, 5_000, 1_500);
    }

    @Test
    void appendfsyncAlwaysMayLoseNothing() {
        assertThat(PersistenceRecovery.check(AOF_ALWAYS, measure(AOF_ALWAYS, Set.of("early", "middle", "late"))).passed()).isTrue();
        assertThat(PersistenceRecovery.check(AOF_ALWAYS, measure(AOF_ALWAYS, Set.of("early", "middle"))).passed()).isFalse();
    }

    @Test
    void everysecMayLoseOnlyTheLastSecondOrSo() {
        assertThat(PersistenceRecovery.check(AOF_EVERYSEC, measure(AOF_EVERYSEC, Set.of("early", "middle"))).passed()).isTrue();
        assertThat(PersistenceRecovery.check(AOF_EVERYSEC, measure(AOF_EVERYSEC, Set.of("early", "late"))).passed()).isFalse();
    }

    @Test
    void rdbOnlyHoldsExactlyWhatWasThereAtTheLastSave() {
        assertThat(PersistenceRecovery.check(RDB_ONLY, measure(RDB_ONLY, Set.of("early"))).passed()).isTrue();
        assertThat(PersistenceRecovery.check(RDB_ONLY, measure(RDB_ONLY, Set.of())).passed()).isFalse();
        assertThat(PersistenceRecovery.check(RDB_ONLY, measure(RDB_ONLY, Set.of("early", "late"))).passed()).isFalse();
    }
}
