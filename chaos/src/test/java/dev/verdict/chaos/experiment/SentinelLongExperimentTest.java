package dev.verdict.chaos.experiment;

import dev.verdict.chaos.workload.ClientKind;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Longer Sentinel experiments: run with -Pchaos. */
@Tag("chaos")
@ExtendWith(NoLeftovers.class)
@Tag("long")
class SentinelLongExperimentTest {

    @Test
    void faultsOnTheCurrentMasterEveryFewSecondsNeverStopWritesForGood() {
        ExperimentReport report = SentinelExperiments.soak("sentinel-nemesis-soak",
                SentinelExperiments.Settings.quick(), Duration.ofSeconds(12), Duration.ofSeconds(75), Duration.ofSeconds(5));

        System.out.println(report);
        assertThat(report.failedChecks()).isEmpty();
        assertThat(report.figures().get("faults").intValue()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void killingTheMasterUnderLettucesMasterReplicaClientElectsAReplicaAndWritesResume() {
        ExperimentReport report = SentinelExperiments.killMaster("sentinel-kill-master-lettuce",
                SentinelExperiments.Settings.quick().withClient(ClientKind.LETTUCE));

        System.out.println(report);
        assertThat(report.failedChecks()).isEmpty();
        assertThat(report.figures().get("failoverMs").longValue()).isPositive();
    }

    @Test
    void minorityPartitionWithWaitForOneReplicaLeavesMinorityWritesUnacknowledged() {
        ExperimentReport report = SentinelExperiments.isolateMaster("sentinel-minority-partition-wait",
                SentinelExperiments.Settings.quick().withWait(1)
                        // WAIT on the new master succeeds only once the other replica has resynced from it.
                        .withTimes(java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(6), java.time.Duration.ofSeconds(10)));

        System.out.println(report);
        assertThat(report.failedChecks()).isEmpty();
        // WAIT cannot reach a replica from the minority side, so those writes stay unknown, not acknowledged.
        assertThat(report.figures().get("minorityAckedWritesLost").longValue()).isZero();
    }

    @Test
    void minorityPartitionWithMinReplicasToWriteBoundsTheLoss() {
        ExperimentReport report = SentinelExperiments.isolateMaster("sentinel-minority-partition-min-replicas",
                SentinelExperiments.Settings.quick().withConfig(Map.of(
                        "min-replicas-to-write", "1", "min-replicas-max-lag", "2")));

        System.out.println(report);
        assertThat(report.failedChecks()).isEmpty();
    }
}
