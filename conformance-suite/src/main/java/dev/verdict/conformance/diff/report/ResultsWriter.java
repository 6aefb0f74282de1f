package dev.verdict.conformance.diff.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.qameta.allure.Allure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a run as {@code <results>/diff/<name>.json} and, inside a test, attaches each finding's reproduction
 * and the run summary to the Allure result.
 */
public final class ResultsWriter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultsWriter() {
    }

    /** The folder from {@code verdict.results.dir}, or {@code target/verdict-results} when it is not set. */
    public static Path resultsDir() {
        return Path.of(System.getProperty("verdict.results.dir", "target/verdict-results"));
    }

    public static Path write(RunReport report) {
        Path file = resultsDir().resolve("diff").resolve(report.name() + ".json");
        try {
            Files.createDirectories(file.getParent());
            JSON.writeValue(file.toFile(), report);
            for (Finding f : report.findings()) {
                Files.writeString(file.resolveSibling(report.name() + "." + f.id() + ".redis-cli.txt"),
                        Reproduction.script(f, report.targetA(), report.targetB()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }

    /** Attaches the run to the current Allure test, if there is one (outside a test Allure ignores it). */
    public static void attachToAllure(RunReport report) {
        try {
            Allure.addAttachment(report.name() + " summary", "application/json",
                    JSON.writeValueAsString(report), ".json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Finding f : report.findings()) {
            Allure.addAttachment(f.id() + (f.accepted() ? " (accepted)" : "") + " reproduction", "text/plain",
                    Reproduction.script(f, report.targetA(), report.targetB()), ".txt");
        }
    }
}
