package dev.verdict.reports.site;

import dev.verdict.reports.results.SpecCase;
import java.util.Map;

/** failures.html: every failed or not-implemented case with its message; the matrix links here. */
final class FailuresPage {

    private FailuresPage() {}

    static Html body(Site site) {
        Map<SpecCase, String> anchors = site.problemAnchors();
        Html h = new Html();
        if (anchors.isEmpty()) {
            h.element("p", "No failing case.", "class", "empty");
            return h;
        }
        h.element("p", anchors.size() + " case(s) failed or met an unknown command.");
        h.open("table", "class", "data failures").open("tr").element("th", "Command").element("th", "Target")
                .element("th", "Client").element("th", "Protocol").element("th", "Case").element("th", "Status")
                .element("th", "Message").close("tr");
        anchors.forEach((c, anchor) -> h.open("tr", "id", anchor)
                .open("td").open("a", "href", "matrix.html#cmd-" + c.command().replace(' ', '-'))
                .element("code", c.command()).close("a").close("td")
                .element("td", c.target()).element("td", c.client()).element("td", c.protocol())
                .element("td", (c.suite() == null ? "" : c.suite() + ".") + c.caseName())
                .open("td").element("span", c.status().replace('_', ' '), "class", "badge " + (c.failed() ? "fail" : "ni"))
                .close("td")
                .open("td").element("pre", c.message() == null ? "" : c.message(), "class", "message").close("td")
                .close("tr"));
        h.close("table");
        return h;
    }
}
