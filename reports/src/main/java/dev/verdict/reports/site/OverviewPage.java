package dev.verdict.reports.site;

import dev.verdict.reports.gate.ChaosResult;
import dev.verdict.reports.gate.FindingTotals;
import dev.verdict.reports.gate.Regression;
import dev.verdict.reports.gate.Summary;
import dev.verdict.reports.matrix.CompatibilityMatrix;
import dev.verdict.reports.matrix.Status;
import dev.verdict.reports.matrix.TargetTotals;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** index.html: the gate's verdict, totals per target, a bar per command family, links onward. */
final class OverviewPage {

    private OverviewPage() {}

    static Html body(Site site) {
        Summary summary = site.summary();
        CompatibilityMatrix matrix = site.matrix();
        Html h = new Html();
        verdict(h, summary);
        if (!site.results().unreadable().isEmpty()) {
            h.open("div", "class", "warning").element("strong", "Result files that could not be read:").open("ul");
            site.results().unreadable().forEach(u -> h.element("li", u));
            h.close("ul").close("div");
        }
        targets(h, summary, site);
        families(h, matrix);
        findings(h, summary.findings());
        chaos(h, summary.chaos());
        allure(h, summary);
        return h;
    }

    private static void verdict(Html h, Summary summary) {
        boolean pass = summary.passed();
        h.open("section", "id", "verdict", "class", "verdict " + (pass ? "pass" : "fail"))
                .element("div", "Gate: " + (pass ? "PASS" : "FAIL"), "class", "verdict-word")
                .open("p").text(String.format(Locale.ROOT, "Threshold: %.1f%% of spec cases passed on each gated target (%s).",
                        100 * summary.threshold(), summary.gatedTargets().isEmpty() ? "none" : String.join(", ", summary.gatedTargets())))
                .close("p")
                .element("p", "Generated " + Instant.ofEpochMilli(summary.generatedAt()).truncatedTo(ChronoUnit.SECONDS)
                        + " from the results of this run.", "class", "generated");
        if (!summary.reasons().isEmpty()) {
            h.open("ul", "class", "reasons");
            summary.reasons().forEach(r -> h.element("li", r));
            h.close("ul");
        }
        h.close("section");
        if (!summary.regressions().isEmpty()) {
            h.element("h2", "Regressions against the baseline").open("table", "class", "data regressions")
                    .open("tr").element("th", "What").element("th", "Target").element("th", "Now").close("tr");
            for (Regression r : summary.regressions()) {
                h.open("tr").open("td").element("code", (r.kind().equals(Regression.CHAOS) ? "chaos: " : "") + r.name())
                        .close("td").element("td", r.target()).element("td", r.detail()).close("tr");
            }
            h.close("table");
        }
        if (!summary.notes().isEmpty()) {
            h.open("ul", "class", "notes");
            summary.notes().forEach(n -> h.element("li", n));
            h.close("ul");
        }
    }

    private static void targets(Html h, Summary summary, Site site) {
        h.element("h2", "Targets");
        if (summary.targets().isEmpty()) {
            h.element("p", "No spec-suite results were found.", "class", "empty");
            return;
        }
        int rows = site.matrix().rows().size();
        h.open("table", "class", "data totals").open("tr")
                .element("th", "Target").element("th", "Kind").element("th", "Cases passed").element("th", "failed")
                .element("th", "not implemented").element("th", "skipped").element("th", "Pass rate")
                .element("th", "Commands passed").element("th", "failed").element("th", "not implemented")
                .element("th", "untested (of " + rows + ")").close("tr");
        for (TargetTotals t : summary.targets()) {
            h.open("tr").element("td", t.name()).element("td", t.kind())
                    .element("td", t.casesPassed(), "class", "num pass").element("td", t.casesFailed(), "class", "num fail")
                    .element("td", t.casesNotImplemented(), "class", "num ni").element("td", t.casesSkipped(), "class", "num")
                    .element("td", String.format(Locale.ROOT, "%.1f%%", 100 * t.passRate()), "class", "num")
                    .element("td", t.commandsPassed(), "class", "num pass").element("td", t.commandsFailed(), "class", "num fail")
                    .element("td", t.commandsNotImplemented(), "class", "num ni").element("td", t.commandsUntested(), "class", "num")
                    .close("tr");
        }
        h.close("table");
        h.open("p").link("matrix.html", "Open the compatibility matrix").text(" \u00b7 ")
                .link("failures.html", "every failing case").close("p");
    }

    /** One bar per family and target: how many of the family's commands passed, failed, are missing. */
    private static void families(Html h, CompatibilityMatrix matrix) {
        if (matrix.targets().isEmpty()) {
            return;
        }
        h.element("h2", "Command families");
        legend(h);
        Map<String, Map<String, Map<Status, Integer>>> byTarget = new LinkedHashMap<>();
        matrix.targets().forEach(t -> byTarget.put(t, matrix.familyCounts(t)));
        TreeSet<String> families = new TreeSet<>();
        byTarget.values().forEach(m -> families.addAll(m.keySet()));
        h.open("table", "class", "families").open("tr").element("th", "Family");
        matrix.targets().forEach(t -> h.element("th", t));
        h.close("tr");
        for (String family : families) {
            h.open("tr").element("td", family, "class", "family");
            for (String target : matrix.targets()) {
                Map<Status, Integer> counts = byTarget.get(target).getOrDefault(family, Map.of());
                int total = counts.values().stream().mapToInt(Integer::intValue).sum();
                h.open("td").open("div", "class", "bar", "title", barTitle(family, target, counts));
                for (Status s : List.of(Status.PASSED, Status.FAILED, Status.NOT_IMPLEMENTED, Status.UNTESTED)) {
                    int n = counts.getOrDefault(s, 0);
                    if (n > 0) {
                        h.element("span", "", "class", "seg " + s.cssClass(),
                                "style", String.format(Locale.ROOT, "width:%.2f%%", 100.0 * n / total));
                    }
                }
                h.close("div").element("span", counts.getOrDefault(Status.PASSED, 0) + "/" + total, "class", "bar-count")
                        .close("td");
            }
            h.close("tr");
        }
        h.close("table");
    }

    static void legend(Html h) {
        h.open("p", "class", "legend");
        for (Status s : Status.values()) {
            h.element("span", s.symbol(), "class", "swatch " + s.cssClass()).text(" " + s.label() + "  ");
        }
        h.close("p");
    }

    private static String barTitle(String family, String target, Map<Status, Integer> counts) {
        StringBuilder sb = new StringBuilder(family + " on " + target + ":");
        counts.forEach((s, n) -> sb.append(' ').append(n).append(' ').append(s.label()).append(','));
        return sb.substring(0, sb.length() - 1);
    }

    private static void findings(Html h, FindingTotals f) {
        h.element("h2", "Differential testing");
        if (f.runs() == 0) {
            h.element("p", "No differential run in the results.", "class", "empty");
            return;
        }
        h.open("p").text(f.runs() + " run(s), " + f.commandsRun() + " commands compared: ")
                .element("strong", f.open() + " open finding(s)").text(", " + f.accepted() + " accepted. ")
                .link("findings.html", "See every finding with its reproduction").close("p");
    }

    private static void chaos(Html h, List<ChaosResult> chaos) {
        h.element("h2", "Chaos experiments");
        if (chaos.isEmpty()) {
            h.element("p", "No chaos experiment in the results.", "class", "empty");
            return;
        }
        h.open("table", "class", "data").open("tr").element("th", "Experiment").element("th", "Implementation")
                .element("th", "Verdict").element("th", "Figures").close("tr");
        for (int i = 0; i < chaos.size(); i++) {
            ChaosResult c = chaos.get(i);
            StringBuilder figures = new StringBuilder();
            Map<String, Object> values = c.figures() == null ? Map.of() : c.figures();
            for (String key : Figures.orderedKeys(values)) {
                figures.append(Figures.label(key)).append(' ').append(Figures.value(key, values.get(key))).append("; ");
            }
            h.open("tr").open("td").link("chaos.html#" + ChaosPage.anchor(i), c.name()).close("td")
                    .element("td", c.implementation())
                    .open("td").element("span", c.verdict(), "class", "badge " + (c.passed() ? "pass" : "fail")).close("td")
                    .element("td", figures.toString()).close("tr");
        }
        h.close("table");
    }

    private static void allure(Html h, Summary summary) {
        h.element("h2", "Allure report");
        if (summary.allure() != null && summary.allure().generated()) {
            h.open("p").link(summary.allure().path(), "Open the Allure report")
                    .text(" (" + summary.allure().resultFiles() + " result files, generated by Allure's own command line).")
                    .close("p");
        } else {
            String note = summary.allure() == null ? "not generated" : summary.allure().note();
            h.element("p", "No Allure report: " + note, "class", "empty");
        }
    }
}
