package dev.verdict.reports.gate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.verdict.reports.results.DiffRun;
import dev.verdict.reports.results.Finding;
import java.util.List;

/** Differential runs in numbers; an accepted finding is a known, explained difference. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FindingTotals(int runs, long commandsRun, int findings, int open, int accepted) {

    public static FindingTotals of(List<DiffRun> runs) {
        List<Finding> all = runs.stream().flatMap(r -> r.findings().stream()).toList();
        int accepted = (int) all.stream().filter(Finding::accepted).count();
        return new FindingTotals(runs.size(), runs.stream().mapToLong(DiffRun::commandsRun).sum(), all.size(),
                all.size() - accepted, accepted);
    }
}
