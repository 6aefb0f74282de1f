package dev.verdict.reports.site;

import dev.verdict.reports.results.ChaosExperiment;
import java.util.List;

/** chaos.html: each experiment's verdict, figures, checks, faults and timeline chart. */
final class ChaosPage {

    /** Where the site keeps copies of the experiments' histories. */
    static final String HISTORIES = "histories";

    private ChaosPage() {}

    static String anchor(int index) {
        return "experiment-" + (index + 1);
    }

    static Html body(Site site) {
        Html h = new Html();
        List<ChaosExperiment> experiments = site.results().chaos();
        if (experiments.isEmpty()) {
            h.element("p", "No chaos experiment in the results.", "class", "empty");
            return h;
        }
        for (int i = 0; i < experiments.size(); i++) {
            experiment(h, experiments.get(i), anchor(i), site);
        }
        return h;
    }

    private static void experiment(Html h, ChaosExperiment e, String anchor, Site site) {
        h.open("section", "class", "experiment", "id", anchor)
                .open("h2").text(e.name() + " ")
                .element("span", e.verdict(), "class", "badge " + (e.passed() ? "pass" : "fail")).close("h2")
                .element("p", "Topology " + e.topology() + " \u00b7 implementation " + e.implementation() + " \u00b7 "
                        + Figures.value("durationMs", e.durationMs()), "class", "muted");
        if (!e.figures().isEmpty()) {
            h.open("table", "class", "data figures");
            for (String key : Figures.orderedKeys(e.figures())) {
                h.open("tr").element("th", Figures.label(key))
                        .element("td", Figures.value(key, e.figures().get(key)), "class", "num").close("tr");
            }
            h.close("table");
        }
        if (!e.checks().isEmpty()) {
            h.open("ul", "class", "checks");
            for (ChaosExperiment.Check c : e.checks()) {
                h.open("li", "class", c.passed() ? "pass" : "fail").text((c.passed() ? "\u2713 " : "\u2717 ") + c.name());
                if (c.detail() != null && !c.detail().isBlank()) {
                    h.element("span", " \u2014 " + c.detail(), "class", "muted");
                }
                h.close("li");
            }
            h.close("ul");
        }
        if (!e.faults().isEmpty()) {
            h.open("p").text("Faults: ");
            for (ChaosExperiment.Fault f : e.faults()) {
                h.element("span", f.name() + (f.node() == null ? "" : " on " + f.node()) + " at "
                        + Figures.value("startMs", f.startMs()) + (f.end() > f.startMs()
                        ? " to " + Figures.value("endMs", f.end()) : ""), "class", "fault-chip");
            }
            h.close("p");
        }
        if (e.timeline().buckets().isEmpty()) {
            h.element("p", "No timeline was recorded.", "class", "empty");
        } else {
            h.open("figure", "class", "chart").raw(TimelineChart.render(e)).close("figure");
        }
        site.results().historyOf(e).ifPresent(history -> h.open("p", "class", "muted").text("History (one operation per line): ")
                .link(HISTORIES + "/" + history.getFileName(), history.getFileName().toString()).close("p"));
        h.close("section");
    }
}
