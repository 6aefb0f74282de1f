package dev.verdict.reports.site;

import dev.verdict.reports.results.DiffRun;
import dev.verdict.reports.results.Finding;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** findings.html: every differential finding, its seed, its minimal reproduction and both replies. */
final class FindingsPage {

    private FindingsPage() {}

    static Html body(Site site) {
        Html h = new Html();
        List<DiffRun> runs = site.results().diffRuns();
        if (runs.isEmpty()) {
            h.element("p", "No differential run in the results.", "class", "empty");
            return h;
        }
        int index = 0;
        for (DiffRun run : runs) {
            h.open("section", "class", "diff-run").element("h2", run.name())
                    .open("p", "class", "muted").text(run.targetA() + " vs " + run.targetB() + " \u00b7 " + run.client()
                            + "/" + run.protocol() + " \u00b7 seed " + run.seed() + " \u00b7 " + run.commandsRun()
                            + " commands \u00b7 " + run.findings().size() + " finding(s)").close("p");
            String mismatched = run.perCommand().entrySet().stream().filter(e -> e.getValue().mismatched() > 0)
                    .sorted(Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + " (" + e.getValue().mismatched() + " of " + e.getValue().run() + ")")
                    .collect(Collectors.joining(", "));
            if (!mismatched.isEmpty()) {
                h.element("p", "Commands with mismatched replies: " + mismatched);
            }
            if (run.findings().isEmpty()) {
                h.element("p", "No mismatch.", "class", "empty");
            }
            for (Finding f : run.findings()) {
                finding(h, run, f, Site.findingAnchor(index++));
            }
            h.close("section");
        }
        return h;
    }

    private static void finding(Html h, DiffRun run, Finding f, String anchor) {
        h.open("article", "class", f.accepted() ? "finding accepted" : "finding", "id", anchor)
                .open("h3").element("code", f.command()).text(" ")
                .element("span", f.accepted() ? "accepted" : "open", "class", "badge " + (f.accepted() ? "ni" : "fail"))
                .element("span", " " + f.id(), "class", "muted").close("h3")
                .open("p").text("Family " + f.family() + " \u00b7 seed ").element("code", String.valueOf(f.seed() != null ? f.seed() : run.seed()));
        if (f.accepted() && f.reason() != null) {
            h.text(" \u00b7 accepted because: " + f.reason());
        }
        h.close("p").element("h4", "Minimal reproduction (redis-cli, one command per line)")
                .element("pre", String.join("\n", f.reproduction()), "class", "repro");
        String[] a = visible(f.replyA()).split("\n", -1);
        String[] b = visible(f.replyB()).split("\n", -1);
        h.open("div", "class", "replies");
        reply(h, run.targetA(), a, b);
        reply(h, run.targetB(), b, a);
        h.close("div").close("article");
    }

    /** One side of the comparison; lines that differ from the other side are marked. */
    private static void reply(Html h, String target, String[] lines, String[] other) {
        h.open("div", "class", "reply").element("h4", "Reply of " + target).open("pre");
        for (int i = 0; i < lines.length; i++) {
            boolean differs = i >= other.length || !lines[i].equals(other[i]);
            h.element("span", lines[i] + (i + 1 < lines.length ? "\n" : ""), "class", differs ? "differs" : null);
        }
        h.close("pre").close("div");
    }

    /** Raw RESP with its CR LF shown, one protocol line per line. */
    static String visible(String raw) {
        return raw.replace("\r\n", "\\r\\n\n").replace("\r", "\\r");
    }
}
