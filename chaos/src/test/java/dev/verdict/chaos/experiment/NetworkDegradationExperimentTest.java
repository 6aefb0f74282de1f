package dev.verdict.chaos.experiment;

import dev.verdict.chaos.fault.NodeFaults;
import dev.verdict.chaos.topology.NodeFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The master's traffic degraded by packet loss or a bandwidth limit (iptables / tc in its namespace). */
@Tag("chaos")
@ExtendWith(NoLeftovers.class)
@Tag("long")
class NetworkDegradationExperimentTest {

    @BeforeEach
    void needsDocker() {
        assumeTrue(NodeFactory.dockerAvailable(), "iptables and tc act in container namespaces");
    }

    @Test
    void masterLosingAThirdOfItsPacketsLetsReplicasCatchUpOnceHealed() {
        ExperimentReport report = ReplicationExperiments.degradeMaster("replication-lossy-master",
                master -> NodeFaults.packetLoss(() -> master, 0.3),
                Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(2));

        System.out.println(report);
        assertThat(report.failedChecks()).isEmpty();
    }

    @Test
    void masterBehindAThinLinkLeavesReplicasBehindUntilHealed() {
        ExperimentReport report = ReplicationExperiments.degradeMaster("replication-thin-master",
                master -> NodeFaults.bandwidth(() -> master, "64kbit"),
                Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(2));

        System.out.println(report);
        assertThat(report.failedChecks()).isEmpty();
        // Clients share the thin link, so the write rate drops with it: lag is a figure, not a verdict.
        assertThat(report.figures()).containsKeys("maxReplicaLagBytes", "baselineMaxReplicaLagBytes");
    }
}
