package dev.verdict.reports.gate;

import dev.verdict.reports.matrix.TargetOrder;
import dev.verdict.reports.matrix.TargetTotals;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The CI gate. It fails when a gated target's case pass rate is under the threshold, when no
 * spec case ran at all, when a differential finding is not in accepted-differences.txt, or when
 * anything that passed in the baseline summary does not pass now
 * (a regression), naming each regressed command and experiment.
 *
 * <p>Gated targets are the ones asked for; by default every reference-server target in the run,
 * or every target when the run has none (real Redis is expected to pass its own spec).
 */
public final class Gate {

    private final double threshold;
    private final List<String> requestedTargets;

    public Gate(double threshold, List<String> requestedTargets) {
        if (threshold < 0 || threshold > 1) {
            throw new IllegalArgumentException("threshold must be between 0 and 1, was " + threshold);
        }
        this.threshold = threshold;
        this.requestedTargets = requestedTargets == null ? List.of() : List.copyOf(requestedTargets);
    }

    public GateDecision decide(Summary current, Summary baseline) {
        List<String> reasons = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> gated = gatedTargets(current.targets());
        Map<String, TargetTotals> totals = current.targets().stream()
                .collect(Collectors.toMap(TargetTotals::name, Function.identity()));
        if (current.cases().isEmpty()) {
            reasons.add("no spec-suite case in the results: nothing was tested");
        }
        for (String target : gated) {
            TargetTotals t = totals.get(target);
            if (t == null) {
                reasons.add("gated target " + target + " has no results");
            } else if (t.casesCounted() == 0) {
                reasons.add("gated target " + target + " has no case that passed, failed or was not implemented"
                        + " (" + t.casesSkipped() + " skipped)");
            } else if (t.passRate() < threshold) {
                reasons.add(String.format(Locale.ROOT, "pass rate %.1f%% on %s is under the threshold %.1f%% (%d of %d cases)",
                        100 * t.passRate(), target, 100 * threshold, t.casesPassed(), t.casesCounted()));
            }
        }
        if (current.findings().open() > 0) {
            // Issue 6: the gate fails on any differential finding not in accepted-differences.txt.
            reasons.add(current.findings().open() + " differential finding(s) not in accepted-differences.txt");
        }
        List<Regression> regressions = baseline == null ? List.of() : regressions(current, baseline, notes);
        for (Regression r : regressions) {
            reasons.add("regression: " + r.headline() + " passed in the baseline and fails now");
        }
        return new GateDecision(gated, reasons, regressions, notes);
    }

    private List<String> gatedTargets(List<TargetTotals> targets) {
        if (!requestedTargets.isEmpty()) {
            return requestedTargets;
        }
        List<String> reference = targets.stream().filter(t -> TargetOrder.isReference(t.kind()))
                .map(TargetTotals::name).toList();
        return reference.isEmpty() ? targets.stream().map(TargetTotals::name).toList() : reference;
    }

    private static List<Regression> regressions(Summary current, Summary baseline, List<String> notes) {
        // target -> command -> cases that passed in the baseline and are broken now
        Map<String, Map<String, List<CaseResult>>> broken = new LinkedHashMap<>();
        Map<String, CaseResult> now = current.cases().stream()
                .collect(Collectors.toMap(CaseResult::key, Function.identity(), Gate::worse, LinkedHashMap::new));
        int vanished = 0;
        for (CaseResult before : baseline.cases()) {
            if (!before.passed()) {
                continue;
            }
            CaseResult after = now.get(before.key());
            if (after == null) {
                vanished++;
            } else if (after.broken()) {
                broken.computeIfAbsent(after.target(), t -> new LinkedHashMap<>())
                        .computeIfAbsent(after.command(), c -> new ArrayList<>()).add(after);
            }
        }
        if (vanished > 0) {
            notes.add(vanished + " case(s) that passed in the baseline did not run now");
        }
        // A baseline may carry command statuses without cases (or cases renamed since): compare those too.
        baseline.commands().forEach((target, commands) -> commands.forEach((command, status) -> {
            String nowStatus = current.commands().getOrDefault(target, Map.of()).get(command);
            if ("passed".equals(status) && ("failed".equals(nowStatus) || "not_implemented".equals(nowStatus))) {
                broken.computeIfAbsent(target, t -> new LinkedHashMap<>()).computeIfAbsent(command, c -> new ArrayList<>());
            }
        }));
        List<Regression> result = new ArrayList<>();
        broken.forEach((target, byCommand) -> byCommand.forEach((command, cases) -> {
            String status = current.commands().getOrDefault(target, Map.of()).getOrDefault(command, "failed");
            String detail = cases.isEmpty()
                    ? "now " + status.replace('_', ' ')
                    : cases.stream().map(CaseResult::describe).collect(Collectors.joining("; "));
            result.add(new Regression(Regression.COMMAND, target, command, detail));
        }));
        Map<String, ChaosResult> chaosNow = current.chaos().stream()
                .collect(Collectors.toMap(ChaosResult::key, Function.identity(), (a, b) -> a.passed() ? b : a));
        Set<String> seen = new HashSet<>();
        for (ChaosResult before : baseline.chaos()) {
            ChaosResult after = chaosNow.get(before.key());
            if (before.passed() && after != null && !after.passed() && seen.add(before.key())) {
                String detail = after.failedChecks().isEmpty() ? "verdict " + after.verdict()
                        : "failed checks: " + String.join(", ", after.failedChecks());
                result.add(new Regression(Regression.CHAOS, after.implementation(), after.name(), detail));
            }
        }
        return result;
    }

    /** The same case run twice in one run (e.g. by two JVMs) counts by its worse outcome. */
    private static CaseResult worse(CaseResult a, CaseResult b) {
        return b.broken() ? b : a;
    }
}
