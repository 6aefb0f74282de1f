package dev.verdict.chaos.checker;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReplicationConvergenceTest {

    private final List<ReplicationConvergence.Sample> samples = List.of(
            new ReplicationConvergence.Sample(900, 500, Map.of("r1", 500L, "r2", 500L)),
            new ReplicationConvergence.Sample(1100, 800, Map.of("r1", 700L, "r2", 500L)),
            new ReplicationConvergence.Sample(1400, 800, Map.of("r1", 800L, "r2", 790L)),
            new ReplicationConvergence.Sample(1700, 800, Map.of("r1", 800L, "r2", 800L)));

    @Test
    void convergesWhenEveryReplicaReachesTheMastersOffset() {
        assertThat(ReplicationConvergence.convergenceMs(1000, samples)).hasValue(700);
        assertThat(ReplicationConvergence.checkOffsets(1000, samples, 1000).passed()).isTrue();
        assertThat(ReplicationConvergence.checkOffsets(1000, samples, 500).passed()).isFalse();
    }

    @Test
    void aReplicaLeftBehindNeverConverges() {
        assertThat(ReplicationConvergence.checkOffsets(1000, samples.subList(0, 3), 10_000).passed()).isFalse();
    }

    @Test
    void fullResyncWherePartialWasPossibleFails() {
        assertThat(ReplicationConvergence.checkResync(true, 1, 0).passed()).isTrue();
        assertThat(ReplicationConvergence.checkResync(true, 0, 1).passed()).isFalse();
        assertThat(ReplicationConvergence.checkResync(false, 0, 1).passed()).isTrue();
    }

    @Test
    void digestsMustAgree() {
        assertThat(ReplicationConvergence.checkDigests(Map.of("a", "x", "b", "x")).passed()).isTrue();
        assertThat(ReplicationConvergence.checkDigests(Map.of("a", "x", "b", "y")).passed()).isFalse();
    }
}
