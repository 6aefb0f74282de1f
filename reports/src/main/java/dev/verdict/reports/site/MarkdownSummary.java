package dev.verdict.reports.site;

import dev.verdict.reports.gate.ChaosResult;
import dev.verdict.reports.gate.Regression;
import dev.verdict.reports.gate.Summary;
import dev.verdict.reports.matrix.TargetTotals;
import java.nio.file.Path;
import java.util.Locale;

/** summary.md: the verdict as a pull-request comment. */
public final class MarkdownSummary {

    private MarkdownSummary() {}

    public static String render(Summary s, Path siteDir) {
        StringBuilder md = new StringBuilder();
        md.append("## Verdict gate: ").append(s.passed() ? "\u2705 PASS" : "\u274c FAIL").append("\n\n");
        md.append(String.format(Locale.ROOT, "Threshold %.1f%% of spec cases on %s.%n%n", 100 * s.threshold(),
                s.gatedTargets().isEmpty() ? "no target" : String.join(", ", s.gatedTargets().stream().map(MarkdownSummary::cell).toList())));
        s.reasons().forEach(r -> md.append("- ").append(cell(r)).append('\n'));
        if (!s.reasons().isEmpty()) {
            md.append('\n');
        }
        if (!s.targets().isEmpty()) {
            md.append("| Target | Passed | Failed | Not implemented | Pass rate | Commands passed / failed / NI |\n");
            md.append("|---|---:|---:|---:|---:|---|\n");
            for (TargetTotals t : s.targets()) {
                md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %.1f%% | %d / %d / %d |%n", cell(t.name()),
                        t.casesPassed(), t.casesFailed(), t.casesNotImplemented(), 100 * t.passRate(),
                        t.commandsPassed(), t.commandsFailed(), t.commandsNotImplemented()));
            }
            md.append('\n');
        }
        if (!s.regressions().isEmpty()) {
            md.append("### Regressions\n\n");
            for (Regression r : s.regressions()) {
                md.append("- **").append(cell(r.name())).append("** on ").append(cell(r.target())).append(": ")
                        .append(cell(r.detail())).append('\n');
            }
            md.append('\n');
        }
        md.append(String.format(Locale.ROOT, "Differential: %d run(s), %d commands, %d open finding(s), %d accepted.%n%n",
                s.findings().runs(), s.findings().commandsRun(), s.findings().open(), s.findings().accepted()));
        if (!s.chaos().isEmpty()) {
            md.append("| Chaos experiment | Implementation | Verdict |\n|---|---|---|\n");
            for (ChaosResult c : s.chaos()) {
                md.append("| ").append(cell(c.name())).append(" | ").append(cell(c.implementation())).append(" | ")
                        .append(c.passed() ? "pass" : "**" + cell(c.verdict()) + "**").append(" |\n");
            }
            md.append('\n');
        }
        md.append("Full report: `").append(siteDir.resolve("index.html")).append("`\n");
        return md.toString();
    }

    /** Result text must not break the table or inject markup into the comment. */
    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ").replace("<", "&lt;").replace(">", "&gt;");
    }
}
