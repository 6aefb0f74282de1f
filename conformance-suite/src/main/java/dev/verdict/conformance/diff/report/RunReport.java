package dev.verdict.conformance.diff.report;

import java.util.List;
import java.util.Map;

/**
 * Everything one differential run produced, in the shape of {@code diff/*.json} (docs/results-format.md).
 * {@code budget} is a number of commands, or null when the run had a time budget ({@code budgetTime}, "30s").
 * {@code commandsRun} counts every compared command; {@code keyspaceReads} says how many of them were the reads
 * that compare each sequence's final keyspace, the others being the generated commands.
 */
public record RunReport(String name, long seed, Long budget, String budgetTime, String targetA, String targetB, String targetAKind,
                        String targetBKind, String client, String protocol, long startedAt, long durationMs,
                        long commandsRun, long sequencesRun, long keyspaceReads, List<String> commandsCovered,
                        Map<String, CommandStats> perCommand, List<Finding> findings, Map<String, String> skipped) {

    public List<Finding> unaccepted() {
        return findings.stream().filter(f -> !f.accepted()).toList();
    }

    public double commandsPerSecond() {
        return durationMs == 0 ? 0 : commandsRun * 1000.0 / durationMs;
    }

    /** Generated commands compared per second, the keyspace reads left out. */
    public double generatedPerSecond() {
        return durationMs == 0 ? 0 : (commandsRun - keyspaceReads) * 1000.0 / durationMs;
    }
}
