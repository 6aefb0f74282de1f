package dev.verdict.reports.allure;

import dev.verdict.reports.gate.AllureOutcome;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Generates the Allure report with Allure's own tooling, in a child JVM, as one self-contained
 * file (--single-file) so that it opens from disk as well as over HTTP.
 */
public final class AllureReport {

    private static final long TIMEOUT_SECONDS = 180;

    private AllureReport() {}

    /** Generates into {@code siteDir/allure}; an empty or missing results folder is reported, not fatal. */
    public static AllureOutcome generate(Path allureResults, Path siteDir, Supplier<Optional<Path>> findAllureHome) {
        Path out = siteDir.resolve("allure");
        deleteRecursively(out); // a report left from an earlier run must not pass for this one's
        int files = countResultFiles(allureResults);
        if (files == 0) {
            return AllureOutcome.notGenerated(0, "the Allure results folder " + allureResults + " is empty or missing.");
        }
        Optional<Path> allureHome = findAllureHome.get();
        if (allureHome.isEmpty()) {
            return AllureOutcome.notGenerated(files, "Allure's command line was not found: build the reports module"
                    + " once (mvn -pl reports compile) so that Maven fetches io.qameta.allure:allure-commandline.");
        }
        Path home = allureHome.get();
        Path log = siteDir.resolve("allure-generate.log");
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp", home.resolve("lib") + File.separator + "*" + File.pathSeparator + home.resolve("lib").resolve("config"),
                "io.qameta.allure.CommandLine",
                "generate", "--clean", "--single-file", "-o", out.toString(), allureResults.toString());
        try {
            Files.createDirectories(siteDir);
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                return AllureOutcome.notGenerated(files, "Allure did not finish within " + TIMEOUT_SECONDS + " s.");
            }
            if (process.exitValue() != 0 || !Files.isRegularFile(out.resolve("index.html"))) {
                return AllureOutcome.notGenerated(files, "Allure failed (exit " + process.exitValue() + "): "
                        + lastLine(log));
            }
            Files.deleteIfExists(log);
            return new AllureOutcome(true, "allure/index.html", files, null);
        } catch (IOException e) {
            return AllureOutcome.notGenerated(files, "Allure could not run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return AllureOutcome.notGenerated(files, "interrupted while Allure ran");
        }
    }

    static int countResultFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return (int) files.filter(f -> f.getFileName().toString().endsWith("-result.json")).count();
        } catch (IOException e) {
            return 0;
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the old Allure report " + dir, e);
        }
    }

    private static String lastLine(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1);
    }
}
