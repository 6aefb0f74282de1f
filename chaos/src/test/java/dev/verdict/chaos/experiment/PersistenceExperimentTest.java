package dev.verdict.chaos.experiment;

import dev.verdict.chaos.checker.PersistenceRecovery.Mode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

@Tag("chaos")
@ExtendWith(NoLeftovers.class)
class PersistenceExperimentTest {

    @Test
    void killNineWithAppendfsyncAlwaysLosesNothingAcknowledged() {
        ExperimentReport report = PersistenceExperiments.killAndRestart("persistence-aof-always-kill",
                Mode.AOF_ALWAYS, Duration.ofSeconds(3));

        System.out.println(report);
        assertThat(report.failedChecks()).isEmpty();
        assertThat(report.figures().get("ackedWrites").longValue()).isPositive();
        assertThat(report.figures().get("ackedWritesLost").longValue()).isZero();
    }

    @Test
    void killNineWithAppendfsyncEverysecLosesAtMostAboutTheLastSecond() {
        ExperimentReport report = PersistenceExperiments.killAndRestart("persistence-aof-everysec-kill",
                Mode.AOF_EVERYSEC, Duration.ofSeconds(3));

        System.out.println(report);
        assertThat(report.failedChecks()).isEmpty();
        assertThat(report.figures().get("lostOutsideModeWindow").longValue()).isZero();
    }

    @Test
    void killNineWithRdbOnlyComesBackAsTheLastSave() {
        ExperimentReport report = PersistenceExperiments.killAndRestart("persistence-rdb-kill",
                Mode.RDB_ONLY, Duration.ofSeconds(2));

        System.out.println(report);
        assertThat(report.failedChecks()).isEmpty();
        // Everything written after the save was acknowledged and is gone: the figure shows it.
        assertThat(report.figures().get("ackedWritesLost").longValue()).isPositive();
    }
}
