package dev.verdict.chaos.experiment;

import dev.verdict.chaos.checker.PersistenceRecovery.Mode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same experiments with the reference server as every data node: real Sentinels watch and
 * fail over our servers, our replicas follow our master through partitions, and kill -9 costs
 * no write that {@code appendfsync always} acknowledged.
 */
@Tag("chaos")
@ExtendWith({ReferenceNodesOnly.class, NoLeftovers.class})
class ReferenceNodesExperimentTest {

    @Test
    void sentinelFailsOverReferenceServersAfterTheMasterIsKilled() {
        ExperimentReport report = SentinelExperiments.killMaster("sentinel-kill-master-reference",
                SentinelExperiments.Settings.quick());

        System.out.println(report);
        assertThat(report.failedChecks()).isEmpty();
        assertThat(report.figures().get("failoverMs").longValue()).isPositive();
    }

    @Test
    void anIsolatedReferenceReplicaContinuesPartiallyOnceHealed() {
        ExperimentReport report = ReplicationExperiments.isolateReplica("replication-isolate-replica-reference",
                Duration.ofSeconds(1), Duration.ofSeconds(4), Duration.ofSeconds(1));

        System.out.println(report);
        assertThat(report.failedChecks()).isEmpty();
        assertThat(report.figures().get("syncPartialOk").longValue()).isPositive();
        assertThat(report.figures().get("syncFull").longValue()).isZero();
    }

    @Test
    void killNineOfAReferenceServerWithAppendfsyncAlwaysLosesNothingAcknowledged() {
        ExperimentReport report = PersistenceExperiments.killAndRestart("persistence-aof-always-kill-reference",
                Mode.AOF_ALWAYS, Duration.ofSeconds(3));

        System.out.println(report);
        assertThat(report.failedChecks()).isEmpty();
        assertThat(report.figures().get("ackedWrites").longValue()).isPositive();
        assertThat(report.figures().get("ackedWritesLost").longValue()).isZero();
    }
}
