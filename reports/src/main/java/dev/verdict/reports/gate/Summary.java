package dev.verdict.reports.gate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.verdict.reports.matrix.TargetTotals;
import java.util.List;
import java.util.Map;

/**
 * summary.json: the run in machine-readable form, and the baseline the next run's gate compares
 * against. {@code commands} maps target -> command -> passed|failed|not_implemented (untested
 * commands are left out). Documented in docs/results-format.md.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Summary(
        int schema,
        long generatedAt,
        String verdict,
        double threshold,
        List<String> gatedTargets,
        List<String> reasons,
        List<Regression> regressions,
        List<String> notes,
        List<TargetTotals> targets,
        Map<String, Map<String, String>> commands,
        List<CaseResult> cases,
        FindingTotals findings,
        List<ChaosResult> chaos,
        AllureOutcome allure) {

    public static final int SCHEMA = 1;

    public Summary {
        gatedTargets = gatedTargets == null ? List.of() : gatedTargets;
        reasons = reasons == null ? List.of() : reasons;
        regressions = regressions == null ? List.of() : regressions;
        notes = notes == null ? List.of() : notes;
        targets = targets == null ? List.of() : targets;
        commands = commands == null ? Map.of() : commands;
        cases = cases == null ? List.of() : cases;
        findings = findings == null ? new FindingTotals(0, 0, 0, 0, 0) : findings;
        chaos = chaos == null ? List.of() : chaos;
    }

    public boolean passed() {
        return "pass".equals(verdict);
    }

    public Summary withDecision(GateDecision decision) {
        return new Summary(schema, generatedAt, decision.passed() ? "pass" : "fail", threshold,
                decision.gatedTargets(), decision.reasons(), decision.regressions(), decision.notes(), targets,
                commands, cases, findings, chaos, allure);
    }

    public Summary withAllure(AllureOutcome outcome) {
        return new Summary(schema, generatedAt, verdict, threshold, gatedTargets, reasons, regressions, notes,
                targets, commands, cases, findings, chaos, outcome);
    }
}
