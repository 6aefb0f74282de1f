package dev.verdict.chaos.experiment;

import dev.verdict.chaos.topology.NodeFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

@Tag("chaos")
@ExtendWith(NoLeftovers.class)
class ClusterFailoverExperimentTest {

    @BeforeEach
    void needsDocker() {
        assumeTrue(NodeFactory.dockerAvailable(), "Cluster topologies run in containers only");
    }

    @Test
    void killingAMasterPromotesItsReplicaForItsSlotRangeAndWritesThereResume() {
        ExperimentReport report = ClusterExperiments.killMaster("cluster-kill-master", ClusterExperiments.Settings.quick());

        System.out.println(report);
        assertThat(report.failedChecks()).isEmpty();
        assertThat(report.figures().get("failoverMs").longValue()).isPositive();
        assertThat(report.figures().get("failedRangeSlots").intValue()).isEqualTo(5461);
        assertThat(report.figures()).containsKeys("ackedWrites", "ackedWritesLost");
    }
}
