package dev.verdict.chaos.checker;

import dev.verdict.chaos.history.Operation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FailoverTest {

    @Test
    void failoverTimeRunsFromTheFaultToTheFirstAcknowledgedWriteOnAnotherNode() {
        List<Operation> writes = List.of(
                Operation.ok(0, "write", "k", "1", 900, 1010, null).servedBy("old:6379"),
                Operation.unknown(0, "write", "k", "2", 1010, 1500),
                Operation.fail(0, "write", "k", "3", 1500, 1600),
                Operation.ok(0, "write", "k", "4", 3000, 3050, null).servedBy("new:6379"),
                Operation.ok(0, "write", "k", "5", 3100, 3110, null).servedBy("new:6379"));
        assertThat(Failover.failoverMs(writes, 1000, "old:6379")).hasValue(2050);
        assertThat(Failover.checkResumed(writes, 1000, "old:6379", 2000).passed()).isFalse();
        assertThat(Failover.checkResumed(writes, 1000, "old:6379", 5000).passed()).isTrue();
    }

    @Test
    void noWriteAfterTheFaultMeansWritesNeverResumed() {
        List<Operation> writes = List.of(Operation.ok(0, "write", "k", "1", 0, 10, null));
        assertThat(Failover.failoverMs(writes, 100, null)).isEmpty();
        assertThat(Failover.checkResumed(writes, 100, null, 10_000).passed()).isFalse();
    }

    @Test
    void eligibleReplicaHasTheLowestPriorityThenTheHighestOffset() {
        List<Failover.Candidate> candidates = List.of(
                new Failover.Candidate("a", 100, 500, true),
                new Failover.Candidate("b", 100, 700, true),
                new Failover.Candidate("c", 50, 100, true),
                new Failover.Candidate("d", 10, 900, false),
                new Failover.Candidate("e", 0, 1000, true));
        assertThat(Failover.eligible(candidates)).containsExactly("c");
        assertThat(Failover.eligible(candidates.subList(0, 2))).containsExactly("b");
        assertThat(Failover.checkPromoted(candidates.subList(0, 2), "a").passed()).isFalse();
        assertThat(Failover.checkPromoted(candidates.subList(0, 2), "b").passed()).isTrue();
    }

    @Test
    void replicasTiedOnPriorityAndOffsetAreAllEligible() {
        List<Failover.Candidate> candidates = List.of(
                new Failover.Candidate("a", 100, 700, true), new Failover.Candidate("b", 100, 700, true));
        assertThat(Failover.eligible(candidates)).containsExactly("a", "b");
    }

    @Test
    void longestWriteGapSpansTheFailover() {
        List<Operation> writes = List.of(
                Operation.ok(0, "write", "k", "1", 0, 100, null),
                Operation.fail(0, "write", "k", "2", 100, 200),
                Operation.ok(0, "write", "k", "3", 2000, 2100, null),
                Operation.ok(0, "write", "k", "4", 2100, 2200, null));
        assertThat(Failover.longestWriteGapMs(writes, 0, 2500)).isEqualTo(2000);
        assertThat(Failover.longestWriteGapMs(writes, 0, 5000)).isEqualTo(2800);
    }
}
