package dev.verdict.chaos.experiment;

import dev.verdict.chaos.fault.NodeFaults;
import dev.verdict.chaos.topology.NodeFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Sentinel experiments on local processes at 127.0.0.x behind fault proxies, as they run where no Docker engine is. */
@Tag("chaos")
class ProcessFallbackExperimentTest {

    @BeforeEach
    void forceProcesses() {
        System.setProperty(NodeFactory.PROPERTY, "process");
    }

    @AfterEach
    void restoreDetection() {
        System.clearProperty(NodeFactory.PROPERTY);
    }

    @Test
    void sentinelFailoverAfterKillingTheMasterWorksOnLocalProcesses() {
        ExperimentReport report = SentinelExperiments.killMaster("sentinel-kill-master-processes",
                SentinelExperiments.Settings.quick());

        System.out.println(report);
        assertThat(report.failedChecks()).isEmpty();
        assertThat(report.figures().get("failoverMs").longValue()).isPositive();
    }

    @Test
    void minorityPartitionOfTheMasterThroughFaultProxiesLosesItsAcknowledgedWrites() {
        ExperimentReport report = SentinelExperiments.isolateMaster("sentinel-minority-partition-processes",
                SentinelExperiments.Settings.quick());

        System.out.println(report);
        assertThat(report.failedChecks()).isEmpty();
        assertThat(report.figures().get("minorityAckedWritesLost").longValue()).isPositive();
    }

    @Test
    void latencyOnTheMastersLinksLeavesReplicasBehindUntilHealed() {
        ExperimentReport report = ReplicationExperiments.degradeMaster("replication-slow-master-processes",
                master -> NodeFaults.latency(() -> master, Duration.ofMillis(300)),
                Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(1));

        System.out.println(report);
        assertThat(report.failedChecks()).isEmpty();
        assertThat(report.figures()).containsKeys("maxReplicaLagBytes", "baselineMaxReplicaLagBytes");
        // Every client request crossed the 300 ms proxy both ways.
        assertThat(report.figures().get("p99LatencyMs").doubleValue()).isGreaterThanOrEqualTo(600);
    }
}
