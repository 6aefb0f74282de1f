package dev.verdict.chaos.experiment;

import dev.verdict.chaos.checker.CheckResult;

/**
 * Runs an experiment's body and always writes its report, also when the body fails: a run that
 * broke part-way is reported as failed with the error as a check, then the error is rethrown.
 */
public final class Experiment {

    /** The body of an experiment: fills the report. */
    @FunctionalInterface
    public interface Body {
        void run(ExperimentReport report) throws Exception;
    }

    private Experiment() {
    }

    public static ExperimentReport run(String name, String topology, Body body) {
        ExperimentReport report = new ExperimentReport(name, topology, "redis-7.0.15", System.currentTimeMillis());
        try {
            body.run(report);
            return report;
        } catch (Exception e) {
            report.check(CheckResult.fail("experiment completed", e.toString()));
            if (report.durationMs() == 0) {
                report.history(report.history(), System.currentTimeMillis());
            }
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        } finally {
            ResultsWriter.fromSystemProperty().write(report);
        }
    }
}
