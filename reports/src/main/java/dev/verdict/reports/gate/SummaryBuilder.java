package dev.verdict.reports.gate;

import dev.verdict.reports.commands.CommandEntry;
import dev.verdict.reports.matrix.CompatibilityMatrix;
import dev.verdict.reports.matrix.Status;
import dev.verdict.reports.results.Results;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Turns one run's results into a summary without a verdict yet; the gate adds that. */
public final class SummaryBuilder {

    private SummaryBuilder() {}

    public static Summary draft(CompatibilityMatrix matrix, Results results, double threshold, long now) {
        Map<String, Map<String, String>> commands = new LinkedHashMap<>();
        for (String target : matrix.targets()) {
            Map<String, String> statuses = new TreeMap<>();
            for (CommandEntry row : matrix.rows()) {
                Status status = matrix.statusOn(row.name(), target);
                if (status != Status.UNTESTED) {
                    statuses.put(row.name(), status.wireName());
                }
            }
            commands.put(target, statuses);
        }
        return new Summary(Summary.SCHEMA, now, null, threshold, List.of(), List.of(), List.of(), List.of(),
                matrix.targets().stream().map(matrix::totals).toList(),
                commands,
                matrix.cases().stream().map(CaseResult::of).toList(),
                FindingTotals.of(results.diffRuns()),
                results.chaos().stream().map(ChaosResult::of).toList(),
                null);
    }
}
