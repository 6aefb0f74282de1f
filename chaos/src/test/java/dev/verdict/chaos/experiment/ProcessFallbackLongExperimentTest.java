package dev.verdict.chaos.experiment;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/** Longer experiments on local processes behind fault proxies: run with -Pchaos. */
@Tag("chaos")
@Tag("long")
@ExtendWith({ProcessNodesOnly.class, NoLeftovers.class})
class ProcessFallbackLongExperimentTest {

    @Test
    void minorityPartitionOfTheMasterThroughFaultProxiesLosesItsAcknowledgedWrites() {
        ExperimentReport report = SentinelExperiments.isolateMaster("sentinel-minority-partition-processes",
                SentinelExperiments.Settings.quick());

        System.out.println(report);
        assertThat(report.failedChecks()).isEmpty();
        assertThat(report.figures().get("minorityAckedWritesLost").longValue()).isPositive();
    }
}
