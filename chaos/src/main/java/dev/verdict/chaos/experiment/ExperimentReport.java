package dev.verdict.chaos.experiment;

import dev.verdict.chaos.checker.CheckResult;
import dev.verdict.chaos.checker.Timeline;
import dev.verdict.chaos.fault.FaultWindow;
import dev.verdict.chaos.history.History;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one experiment found: its figures, its checks, its faults and its history. The verdict is
 * pass exactly when every check passed.
 */
public final class ExperimentReport {

    public static final long BUCKET_MS = 250;

    private final String name;
    private final String topology;
    private final String implementation;
    private long startedAt;
    private long endedAt;
    private final Map<String, Number> figures = new LinkedHashMap<>();
    private final List<CheckResult> checks = new ArrayList<>();
    private final List<FaultWindow> faults = new ArrayList<>();
    private History history = new History();

    public ExperimentReport(String name, String topology, String implementation, long startedAt) {
        this.name = name;
        this.topology = topology;
        this.implementation = implementation;
        this.startedAt = startedAt;
        this.endedAt = startedAt;
    }

    /** Starts the clock of the timeline now, once the topology is up and the workload begins. */
    public ExperimentReport begin() {
        this.startedAt = System.currentTimeMillis();
        this.endedAt = startedAt;
        return this;
    }

    public ExperimentReport figure(String name, Number value) {
        figures.put(name, value);
        return this;
    }

    public CheckResult check(CheckResult check) {
        checks.add(check);
        return check;
    }

    public ExperimentReport faults(List<FaultWindow> windows) {
        faults.addAll(windows);
        return this;
    }

    public ExperimentReport history(History history, long endedAt) {
        this.history = history;
        this.endedAt = endedAt;
        return this;
    }

    public boolean passed() {
        return checks.stream().allMatch(CheckResult::passed);
    }

    public List<CheckResult> failedChecks() {
        return checks.stream().filter(c -> !c.passed()).toList();
    }

    public String name() {
        return name;
    }

    public String topology() {
        return topology;
    }

    public String implementation() {
        return implementation;
    }

    public long startedAt() {
        return startedAt;
    }

    public long durationMs() {
        return endedAt - startedAt;
    }

    public Map<String, Number> figures() {
        return Map.copyOf(figures);
    }

    public Map<String, Number> orderedFigures() {
        return new LinkedHashMap<>(figures);
    }

    public List<CheckResult> checks() {
        return List.copyOf(checks);
    }

    public List<FaultWindow> faultWindows() {
        return List.copyOf(faults);
    }

    public History history() {
        return history;
    }

    public List<Timeline.Bucket> timeline() {
        return Timeline.of(history.operations(), startedAt, endedAt, BUCKET_MS);
    }

    @Override
    public String toString() {
        return name + ": " + (passed() ? "pass" : "fail") + " " + figures + " " + checks;
    }
}
