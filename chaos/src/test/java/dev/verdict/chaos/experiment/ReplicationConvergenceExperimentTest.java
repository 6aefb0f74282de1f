package dev.verdict.chaos.experiment;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

@Tag("chaos")
@ExtendWith(NoLeftovers.class)
class ReplicationConvergenceExperimentTest {

    @Test
    void replicaCutOffBrieflyCatchesUpByPartialResyncWithIdenticalData() {
        ExperimentReport report = ReplicationExperiments.isolateReplica("replication-isolate-replica",
                Duration.ofSeconds(1), Duration.ofSeconds(4), Duration.ofSeconds(1));

        System.out.println(report);
        assertThat(report.failedChecks()).isEmpty();
        assertThat(report.figures().get("syncPartialOk").longValue()).isPositive();
        assertThat(report.figures().get("syncFull").longValue()).isZero();
    }
}
