package dev.verdict.chaos.experiment;

import dev.verdict.chaos.fault.NodeFaults;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Sentinel experiments on local processes at 127.0.0.x behind fault proxies, as they run where no Docker engine is. */
@Tag("chaos")
@ExtendWith({ProcessNodesOnly.class, NoLeftovers.class})
class ProcessFallbackExperimentTest {

    @Test
    void sentinelFailoverAfterKillingTheMasterWorksOnLocalProcesses() {
        ExperimentReport report = SentinelExperiments.killMaster("sentinel-kill-master-processes",
                SentinelExperiments.Settings.quick());

        System.out.println(report);
        assertThat(report.failedChecks()).isEmpty();
        assertThat(report.figures().get("failoverMs").longValue()).isPositive();
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
