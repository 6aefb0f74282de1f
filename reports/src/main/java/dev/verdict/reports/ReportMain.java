package dev.verdict.reports;

import dev.verdict.reports.allure.AllureCommandLine;
import dev.verdict.reports.allure.AllureReport;
import dev.verdict.reports.browser.HeadlessChromium;
import dev.verdict.reports.browser.SiteServer;
import dev.verdict.reports.commands.CommandTable;
import dev.verdict.reports.gate.AllureOutcome;
import dev.verdict.reports.gate.Gate;
import dev.verdict.reports.gate.GateDecision;
import dev.verdict.reports.gate.Summary;
import dev.verdict.reports.gate.SummaryBuilder;
import dev.verdict.reports.gate.SummaryJson;
import dev.verdict.reports.matrix.CompatibilityMatrix;
import dev.verdict.reports.results.Results;
import dev.verdict.reports.results.ResultsReader;
import dev.verdict.reports.site.ConsoleTable;
import dev.verdict.reports.site.SiteWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The gate's report step: reads the results folder (never re-runs anything), builds the site,
 * writes summary.json and summary.md, prints a short table, and decides.
 * Exit code 0: the gate passes; 1: pass rate under the threshold or a regression; 2: no report.
 */
@Command(name = "verdict-report", mixinStandardHelpOptions = true,
        description = "Builds the Verdict report site from a results folder and applies the CI gate.")
public final class ReportMain implements Callable<Integer> {

    static final int GATE_FAILED = 1;
    static final int NO_REPORT = 2;

    @Option(names = "--results", description = "Results folder (default: <repo>/target/verdict-results).")
    Path results;

    @Option(names = "--allure-results", description = "Allure's raw results (default: <repo>/target/allure-results).")
    Path allureResults;

    @Option(names = "--site", description = "Where the site goes (default: <repo>/reports/target/site).")
    Path site;

    @Option(names = "--baseline", description = "A previous run's summary.json: anything that passed there must pass now.")
    Path baseline;

    @Option(names = "--threshold", defaultValue = "0.95",
            description = "Least share (0..1) of spec cases that must pass on each gated target (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--gate-target", description = "A target the threshold applies to (repeatable; default: every "
            + "reference-server target, or every target when there is none).")
    List<String> gateTargets = new ArrayList<>();

    @Option(names = "--command-table", description = "The oracle's command table (default: "
            + "<repo>/reference-server/src/main/resources/commands/redis-7.0.15.json).")
    Path commandTable;

    @Option(names = "--allure-home", description = "An unpacked Allure command line (default: found by the reports build).")
    Path allureHome;

    @Option(names = "--screenshot", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Save a headless-Chromium screenshot of the overview as screenshot.png (default: on).")
    boolean screenshot;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new ReportMain()).setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("verdict-report: " + e);
            return NO_REPORT;
        });
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path repo = RepoDir.find();
        Path resultsDir = orDefault(results, repo.resolve("target/verdict-results"));
        Path allureDir = orDefault(allureResults, repo.resolve("target/allure-results"));
        Path siteDir = orDefault(site, repo.resolve("reports/target/site"));
        Path tableFile = orDefault(commandTable,
                repo.resolve("reference-server/src/main/resources/commands/redis-7.0.15.json"));

        CommandTable table = Files.isRegularFile(tableFile) ? CommandTable.read(tableFile) : CommandTable.empty();
        if (table.size() == 0) {
            out.println("warning: no command table at " + tableFile + "; the matrix shows only commands the results name");
        }
        Results read = new ResultsReader().read(resultsDir);
        CompatibilityMatrix matrix = CompatibilityMatrix.build(table, read.cases());
        Summary draft = SummaryBuilder.draft(matrix, read, threshold, System.currentTimeMillis());
        // The launcher may name the previous run's summary before there was a previous run.
        boolean baselineMissing = baseline != null && !Files.exists(baseline);
        Summary previous = baseline == null || baselineMissing ? null : SummaryJson.read(baseline);
        GateDecision decision = new Gate(threshold, gateTargets).decide(draft, previous);
        if (baselineMissing) {
            decision = decision.withNote("no baseline at " + baseline + ", so nothing was checked for regressions");
        }

        Files.createDirectories(siteDir);
        AllureOutcome allure = AllureReport.generate(allureDir, siteDir, () -> allureHome != null
                ? Optional.of(allureHome.toAbsolutePath())
                : AllureCommandLine.locate(repo.resolve("reports/target/allure-commandline")));
        Summary summary = draft.withDecision(decision).withAllure(allure);
        SiteWriter.write(siteDir, table, matrix, read, summary);
        if (screenshot) {
            out.println(takeScreenshot(siteDir));
        }
        out.print(ConsoleTable.render(summary));
        out.println("site: " + siteDir.resolve("index.html"));
        out.flush();
        return summary.passed() ? 0 : GATE_FAILED;
    }

    private static String takeScreenshot(Path siteDir) {
        var chromium = HeadlessChromium.find();
        if (chromium.isEmpty()) {
            return "note: no chromium on PATH (apt-get install chromium); the site has no screenshot";
        }
        try (SiteServer server = SiteServer.start(siteDir)) {
            Path png = siteDir.resolve("screenshot.png");
            chromium.get().screenshot(server.uri("index.html"), png, 1280, 1400);
            return "screenshot: " + png;
        } catch (IOException e) {
            return "note: the screenshot failed: " + e.getMessage();
        }
    }

    private static Path orDefault(Path given, Path fallback) {
        return (given != null ? given : fallback).toAbsolutePath().normalize();
    }
}
