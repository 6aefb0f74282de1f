package dev.verdict.reports.site;

import dev.verdict.reports.commands.CommandEntry;
import dev.verdict.reports.matrix.Cell;
import dev.verdict.reports.matrix.Column;
import dev.verdict.reports.matrix.CompatibilityMatrix;
import dev.verdict.reports.matrix.Status;
import dev.verdict.reports.results.SpecCase;
import java.util.List;
import java.util.Map;

/** matrix.html: every command and subcommand against every (target, client, protocol). */
final class MatrixPage {

    private MatrixPage() {}

    static Html body(Site site) {
        CompatibilityMatrix matrix = site.matrix();
        Map<SpecCase, String> anchors = site.problemAnchors();
        Map<String, List<String>> findings = site.findingAnchorsByCommand();
        List<Column> columns = matrix.columns();
        Html h = new Html();
        h.open("p").text(matrix.rows().size() + " rows: the " + site.table().topLevelCount() + " commands of Redis "
                + site.table().redisVersion() + " and their subcommands, against " + matrix.targets().size()
                + " target(s). A failing cell links to its failing case.").close("p");
        OverviewPage.legend(h);
        if (columns.isEmpty()) {
            h.element("p", "No spec-suite results were found, so every command is untested.", "class", "empty");
        }
        h.open("div", "class", "matrix-wrap").open("table", "id", "matrix", "class", "matrix");
        header(h, matrix, columns);
        String family = null;
        for (CommandEntry row : matrix.rows()) {
            if (!row.family().equals(family)) {
                family = row.family();
                h.open("tr", "class", "family-row").element("th", family, "colspan", String.valueOf(columns.size() + 1))
                        .close("tr");
            }
            h.open("tr", "id", "cmd-" + row.name().replace(' ', '-'))
                    .open("th", "class", row.isSubcommand() ? "cmd sub" : "cmd", "title", row.summary());
            h.text(row.name());
            if (!row.inOracleTable()) {
                h.element("span", " (not a Redis 7.0 command)", "class", "muted");
            }
            List<String> commandFindings = findings.getOrDefault(row.name(), List.of());
            if (!commandFindings.isEmpty()) {
                h.text(" ").link("findings.html#" + commandFindings.get(0), "\u2691" + commandFindings.size(),
                        "class", "finding-link", "title", commandFindings.size() + " differential finding(s)");
            }
            h.close("th");
            for (Column column : columns) {
                cell(h, matrix.cell(row.name(), column), anchors);
            }
            h.close("tr");
        }
        h.close("table").close("div");
        return h;
    }

    private static void header(Html h, CompatibilityMatrix matrix, List<Column> columns) {
        h.open("thead").open("tr").element("th", "Command", "rowspan", "3", "class", "corner");
        for (String target : matrix.targets()) {
            h.element("th", target, "colspan", String.valueOf(matrix.columnsOf(target).size()), "class", "target");
        }
        h.close("tr").open("tr");
        for (int i = 0; i < columns.size(); ) {
            Column first = columns.get(i);
            int span = 0;
            while (i + span < columns.size() && columns.get(i + span).target().equals(first.target())
                    && columns.get(i + span).client().equals(first.client())) {
                span++;
            }
            h.element("th", first.client(), "colspan", String.valueOf(span), "class", "client");
            i += span;
        }
        h.close("tr").open("tr");
        columns.forEach(c -> h.element("th", c.protocol(), "class", "protocol"));
        h.close("tr").close("thead");
    }

    private static void cell(Html h, Cell cell, Map<SpecCase, String> anchors) {
        Status status = cell.status();
        String title = status.label() + ": " + cell.passed() + " passed, " + cell.failed() + " failed, "
                + cell.notImplemented() + " not implemented" + (cell.skipped() > 0 ? ", " + cell.skipped() + " skipped" : "");
        h.open("td", "class", status.cssClass(), "title", title);
        List<SpecCase> problems = cell.problems();
        if (problems.isEmpty()) {
            h.text(status.symbol());
        } else {
            h.link("failures.html#" + anchors.get(problems.get(0)), status.symbol());
        }
        h.close("td");
    }
}
