package dev.verdict.reports;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** Runs ReportMain as the gate would, capturing what it prints. */
public record ReportRun(int exitCode, String out) {

    /** Runs against the oracle's command table; Allure results and the screenshot only when {@code extra} asks. */
    public static ReportRun of(Path results, Path site, String... extra) {
        List<String> args = new ArrayList<>(List.of("--results", results.toString(), "--site", site.toString(),
                "--command-table", Samples.commandTableFile().toString()));
        List<String> given = List.of(extra);
        if (!given.contains("--allure-results")) {
            args.addAll(List.of("--allure-results", site.resolveSibling("no-allure-results").toString()));
        }
        if (!given.contains("--screenshot")) {
            args.add("--no-screenshot");
        }
        args.addAll(given);
        StringWriter out = new StringWriter();
        CommandLine cli = ReportMain.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        int code = cli.execute(args.toArray(String[]::new));
        return new ReportRun(code, out.toString());
    }
}
