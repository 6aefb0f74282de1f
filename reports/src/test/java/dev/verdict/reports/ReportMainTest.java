package dev.verdict.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate's report step end to end, on synthetic result folders. */
class ReportMainTest {

    @TempDir
    Path dir;

    @Test
    void buildsTheSiteAndPassesWhenThePassRateIsAtTheThreshold() throws IOException {
        Run run = report(Samples.results(), dir.resolve("site"), "--threshold", "0.875");

        assertThat(run.exitCode).isZero();
        for (String file : new String[] {"index.html", "matrix.html", "failures.html", "findings.html", "chaos.html",
                "style.css", "summary.json", "summary.md"}) {
            assertThat(dir.resolve("site").resolve(file)).isRegularFile();
        }
        assertThat(run.out).contains("reference (in-JVM)").contains("87.5%").contains("gate: PASS")
                .contains("site: " + dir.resolve("site").resolve("index.html"));
        JsonNode summary = new ObjectMapper().readTree(dir.resolve("site/summary.json").toFile());
        assertThat(summary.path("verdict").asText()).isEqualTo("pass");
        assertThat(summary.path("commands").path("reference (in-JVM)").path("APPEND").asText()).isEqualTo("failed");
        assertThat(summary.path("allure").path("generated").asBoolean()).isFalse();
        assertThat(Files.readString(dir.resolve("site/summary.md"))).contains("PASS").contains("| reference (in-JVM) |");
        assertThat(Files.readString(dir.resolve("site/index.html"))).contains("No Allure report");
        assertThat(dir.resolve("site/histories/sentinel-kill-master.history.jsonl")).isRegularFile();
        assertThat(Files.readString(dir.resolve("site/chaos.html")))
                .contains("href=\"histories/sentinel-kill-master.history.jsonl\"");
    }

    @Test
    void failsUnderTheDefaultThresholdAndSaysWhy() {
        Run run = report(Samples.results(), dir.resolve("site"));

        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.out).contains("GATE pass rate 87.5% on reference (in-JVM) is under the threshold 95.0%")
                .contains("gate: FAIL");
    }

    @Test
    void breakingOneCommandFailsTheGateAndNamesItAsARegressionAgainstThePreviousSummary() throws IOException {
        Run before = report(Samples.results(), dir.resolve("before"), "--threshold", "0.8");
        assertThat(before.exitCode).isZero();

        Path broken = copy(Samples.results(), dir.resolve("broken-results"));
        Path strings = broken.resolve("spec/StringsSpec-1.json");
        String text = Files.readString(strings);
        // The first case of the file is SET on the reference server over raw RESP2.
        Files.writeString(strings, text.replaceFirst("\"status\": \"passed\"", "\"status\": \"failed\""));

        Run after = report(broken, dir.resolve("after"), "--threshold", "0.8",
                "--baseline", dir.resolve("before/summary.json").toString());

        assertThat(after.exitCode).isEqualTo(1);
        assertThat(after.out).contains("REGRESSION SET on reference (in-JVM)")
                .contains("raw/RESP2 StringsSpec.setWithGetReturnsOldValueAndOverwrites failed");
        JsonNode summary = new ObjectMapper().readTree(dir.resolve("after/summary.json").toFile());
        assertThat(summary.path("regressions").get(0).path("name").asText()).isEqualTo("SET");
        assertThat(Files.readString(dir.resolve("after/index.html"))).contains("Regressions against the baseline")
                .contains("<code>SET</code>");
        assertThat(Files.readString(dir.resolve("after/summary.md"))).contains("**SET** on reference (in-JVM)");
    }

    @Test
    void aBaselineThatDoesNotExistYetIsNotedAndChecksNothing() {
        Run run = report(Samples.results(), dir.resolve("site"), "--threshold", "0.8",
                "--baseline", dir.resolve("site/summary.json").toString());

        assertThat(run.exitCode).isZero();
        assertThat(run.out).contains("note: no baseline at " + dir.resolve("site/summary.json"));
    }

    @Test
    void anUnreadableBaselineStopsTheReportWithExitCode2() throws IOException {
        Files.writeString(dir.resolve("corrupt.json"), "{ not json");

        Run run = report(Samples.results(), dir.resolve("site"), "--baseline", dir.resolve("corrupt.json").toString());

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.out).contains("cannot read the baseline summary");
    }

    @Test
    void anEmptyResultsFolderStillGivesASiteAndAFailingGate() {
        Run run = report(dir.resolve("nothing-here"), dir.resolve("site"));

        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.out).contains("no spec-suite case");
        assertThat(dir.resolve("site/matrix.html")).isRegularFile();
    }

    private Run report(Path results, Path site, String... extra) {
        ReportRun run = ReportRun.of(results, site, extra);
        return new Run(run.exitCode(), run.out());
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        return to;
    }

    private record Run(int exitCode, String out) {}
}
