package dev.verdict.reports.results;

import java.util.List;

/** Everything the suites wrote into one results folder, plus files that could not be read. */
public record Results(
        List<SpecCase> cases, List<DiffRun> diffRuns, List<ChaosExperiment> chaos, List<String> unreadable) {

    public List<Finding> findings() {
        return diffRuns.stream().flatMap(r -> r.findings().stream()).toList();
    }
}
