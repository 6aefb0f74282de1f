package dev.verdict.reports.site;

import dev.verdict.reports.commands.CommandTable;
import dev.verdict.reports.gate.Summary;
import dev.verdict.reports.matrix.CompatibilityMatrix;
import dev.verdict.reports.results.Finding;
import dev.verdict.reports.results.Results;
import dev.verdict.reports.results.SpecCase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What every page reads, and the anchors by which pages link to each other's entries. */
record Site(CommandTable table, CompatibilityMatrix matrix, Results results, Summary summary) {

    /** Failed and not-implemented cases in the order the failures page lists them, each with its anchor. */
    Map<SpecCase, String> problemAnchors() {
        Map<SpecCase, String> anchors = new LinkedHashMap<>();
        for (String target : matrix.targets()) {
            for (var row : matrix.rows()) {
                for (var column : matrix.columnsOf(target)) {
                    for (SpecCase c : matrix.cell(row.name(), column).problems()) {
                        anchors.putIfAbsent(c, "case-" + (anchors.size() + 1));
                    }
                }
            }
        }
        return anchors;
    }

    static String findingAnchor(int index) {
        return "finding-" + (index + 1);
    }

    /** Command -> anchors of its findings, in the findings page's order. */
    Map<String, List<String>> findingAnchorsByCommand() {
        Map<String, List<String>> byCommand = new HashMap<>();
        List<Finding> all = results.findings();
        for (int i = 0; i < all.size(); i++) {
            byCommand.computeIfAbsent(all.get(i).command().toUpperCase(Locale.ROOT),
                    k -> new ArrayList<>()).add(findingAnchor(i));
        }
        return byCommand;
    }
}
