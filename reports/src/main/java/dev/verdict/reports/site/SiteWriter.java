package dev.verdict.reports.site;

import dev.verdict.reports.commands.CommandTable;
import dev.verdict.reports.gate.Summary;
import dev.verdict.reports.gate.SummaryJson;
import dev.verdict.reports.matrix.CompatibilityMatrix;
import dev.verdict.reports.results.Results;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes the static site (pages, stylesheet) and the machine-readable summaries beside it. */
public final class SiteWriter {

    private SiteWriter() {}

    public static void write(Path siteDir, CommandTable table, CompatibilityMatrix matrix, Results results,
            Summary summary) {
        Site site = new Site(table, matrix, results, summary);
        boolean allure = summary.allure() != null && summary.allure().generated();
        try {
            Files.createDirectories(siteDir);
            page(siteDir, "index.html", "Overview", OverviewPage.body(site), allure);
            page(siteDir, "matrix.html", "Compatibility matrix", MatrixPage.body(site), allure);
            page(siteDir, "failures.html", "Failing cases", FailuresPage.body(site), allure);
            page(siteDir, "findings.html", "Differential findings", FindingsPage.body(site), allure);
            page(siteDir, "chaos.html", "Chaos experiments", ChaosPage.body(site), allure);
            try (InputStream css = SiteWriter.class.getResourceAsStream("style.css")) {
                if (css == null) {
                    throw new IllegalStateException("style.css is missing from the reports jar");
                }
                Files.copy(css, siteDir.resolve("style.css"), StandardCopyOption.REPLACE_EXISTING);
            }
            for (var experiment : results.chaos()) {
                var history = results.historyOf(experiment);
                if (history.isPresent()) {
                    Files.createDirectories(siteDir.resolve(ChaosPage.HISTORIES));
                    Files.copy(history.get(), siteDir.resolve(ChaosPage.HISTORIES).resolve(history.get().getFileName()),
                            StandardCopyOption.REPLACE_EXISTING);
                }
            }
            SummaryJson.write(siteDir.resolve("summary.json"), summary);
            Files.writeString(siteDir.resolve("summary.md"), MarkdownSummary.render(summary, siteDir),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the site into " + siteDir, e);
        }
    }

    private static void page(Path dir, String file, String title, Html body, boolean allure) throws IOException {
        Files.writeString(dir.resolve(file), Page.render(file, title, body, allure), StandardCharsets.UTF_8);
    }
}
