package dev.verdict.reports.site;

import dev.verdict.reports.gate.ChaosResult;
import dev.verdict.reports.gate.Regression;
import dev.verdict.reports.gate.Summary;
import dev.verdict.reports.matrix.TargetTotals;
import java.util.Locale;

/** The short table the gate prints. */
public final class ConsoleTable {

    private ConsoleTable() {}

    public static String render(Summary s) {
        StringBuilder out = new StringBuilder();
        int width = Math.max(6, s.targets().stream().mapToInt(t -> t.name().length()).max().orElse(6));
        String row = "%-" + width + "s  %7s  %7s  %7s  %9s%n";
        out.append(String.format(Locale.ROOT, row, "target", "passed", "failed", "not-impl", "pass rate"));
        for (TargetTotals t : s.targets()) {
            out.append(String.format(Locale.ROOT, row, t.name(), t.casesPassed(), t.casesFailed(),
                    t.casesNotImplemented(), String.format(Locale.ROOT, "%.1f%%", 100 * t.passRate())));
        }
        out.append(String.format(Locale.ROOT, "differential findings: %d open, %d accepted (%d runs)%n",
                s.findings().open(), s.findings().accepted(), s.findings().runs()));
        for (ChaosResult c : s.chaos()) {
            out.append(String.format(Locale.ROOT, "chaos %-40s %-24s %s%n", c.name(), c.implementation(), c.verdict()));
        }
        for (Regression r : s.regressions()) {
            out.append("REGRESSION ").append(r.headline()).append(": ").append(r.detail()).append('\n');
        }
        s.reasons().stream().filter(r -> !r.startsWith("regression: ")).forEach(r -> out.append("GATE ").append(r).append('\n'));
        s.notes().forEach(n -> out.append("note: ").append(n).append('\n'));
        out.append("gate: ").append(s.passed() ? "PASS" : "FAIL").append('\n');
        return out.toString();
    }
}
