package dev.verdict.chaos.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verdict.chaos.checker.CheckResult;
import dev.verdict.chaos.checker.Timeline;
import dev.verdict.chaos.fault.FaultWindow;
import dev.verdict.chaos.history.HistoryFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Writes chaos/&lt;name&gt;.json and its history beside it, as docs/results-format.md describes. */
public final class ResultsWriter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path chaosDir;

    public ResultsWriter(Path resultsDir) {
        this.chaosDir = resultsDir.resolve("chaos");
    }

    /** The folder the build names in {@code verdict.results.dir}, else target/verdict-results. */
    public static ResultsWriter fromSystemProperty() {
        return new ResultsWriter(Path.of(System.getProperty("verdict.results.dir", "target/verdict-results")));
    }

    public Path write(ExperimentReport report) {
        String historyName = report.name() + ".history.jsonl";
        HistoryFile.write(report.history(), chaosDir.resolve(historyName));
        Path file = chaosDir.resolve(report.name() + ".json");
        try {
            Files.createDirectories(chaosDir);
            JSON.writeValue(file.toFile(), toJson(report, historyName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    static ObjectNode toJson(ExperimentReport report, String historyName) {
        ObjectNode root = JSON.createObjectNode();
        root.put("name", report.name());
        root.put("topology", report.topology());
        root.put("implementation", report.implementation());
        root.put("startedAt", report.startedAt());
        root.put("durationMs", report.durationMs());
        root.put("verdict", report.passed() ? "pass" : "fail");
        ObjectNode figures = root.putObject("figures");
        for (Map.Entry<String, Number> f : report.orderedFigures().entrySet()) {
            figures.putPOJO(f.getKey(), f.getValue());
        }
        ArrayNode checks = root.putArray("checks");
        for (CheckResult c : report.checks()) {
            checks.addObject().put("name", c.name()).put("passed", c.passed()).put("detail", c.detail());
        }
        ArrayNode faults = root.putArray("faults");
        for (FaultWindow w : report.faultWindows()) {
            faults.addObject().put("name", w.name()).put("node", w.node())
                    .put("startMs", w.startMs() - report.startedAt()).put("endMs", w.endMs() - report.startedAt());
        }
        ObjectNode timeline = root.putObject("timeline");
        timeline.put("bucketMs", ExperimentReport.BUCKET_MS);
        ArrayNode buckets = timeline.putArray("buckets");
        for (Timeline.Bucket b : report.timeline()) {
            buckets.addObject().put("t", b.t()).put("ok", b.ok()).put("fail", b.fail()).put("unknown", b.unknown())
                    .put("p50Ms", b.p50Ms()).put("p99Ms", b.p99Ms());
        }
        root.put("history", historyName);
        return root;
    }
}
