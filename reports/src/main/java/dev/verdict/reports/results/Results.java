package dev.verdict.reports.results;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Everything the suites wrote into one results folder, plus files that could not be read. */
public record Results(Path dir,
        List<SpecCase> cases, List<DiffRun> diffRuns, List<ChaosExperiment> chaos, List<String> unreadable) {

    /** The experiment's history file (operations as JSON lines) beside its result file, if it is there. */
    public Optional<Path> historyOf(ChaosExperiment experiment) {
        if (dir == null || experiment.history() == null || experiment.history().isBlank()) {
            return Optional.empty();
        }
        Path name = Path.of(experiment.history()).getFileName();
        Path file = dir.resolve("chaos").resolve(name.toString());
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    public List<Finding> findings() {
        return diffRuns.stream().flatMap(r -> r.findings().stream()).toList();
    }
}
