package dev.verdict.chaos.experiment;

import dev.verdict.chaos.workload.ClientKind;
import dev.verdict.chaos.topology.NodeFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Longer Cluster experiments: run with -Pchaos. */
@Tag("chaos")
@ExtendWith(NoLeftovers.class)
@Tag("long")
class ClusterLongExperimentTest {

    @BeforeEach
    void needsDocker() {
        assumeTrue(NodeFactory.dockerAvailable(), "Cluster topologies run in containers only");
    }

    @Test
    void killingAMasterUnderLettucesClusterClientPromotesItsReplicaAndWritesResume() {
        ExperimentReport report = ClusterExperiments.killMaster("cluster-kill-master-lettuce",
                ClusterExperiments.Settings.quick().withClient(ClientKind.LETTUCE));

        System.out.println(report);
        assertThat(report.failedChecks()).isEmpty();
        assertThat(report.figures().get("failoverMs").longValue()).isPositive();
    }

    @Test
    void isolatedMasterStopsTakingWritesAfterTheNodeTimeoutSoItsLossIsBounded() {
        ExperimentReport report = ClusterExperiments.isolateMaster("cluster-minority-partition",
                ClusterExperiments.Settings.quick(), Duration.ofSeconds(8));

        System.out.println(report);
        assertThat(report.failedChecks()).isEmpty();
        assertThat(report.figures().get("minorityAckedWrites").longValue()).isPositive();
    }
}
