package dev.verdict.reports.results;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads a results folder as docs/results-format.md describes it. Missing folders are empty;
 * a file that does not parse is listed as unreadable rather than stopping the report.
 */
public final class ResultsReader {

    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, false);

    public Results read(Path resultsDir) {
        List<String> unreadable = new ArrayList<>();
        List<SpecCase> cases = new ArrayList<>();
        for (Path file : jsonFiles(resultsDir.resolve("spec"))) {
            SpecFile spec = parse(file, SpecFile.class, unreadable);
            if (spec != null) {
                spec.cases().forEach(c -> cases.add(c.withSuite(spec.suite(), spec.family())));
            }
        }
        List<DiffRun> diffRuns = new ArrayList<>();
        for (Path file : jsonFiles(resultsDir.resolve("diff"))) {
            DiffRun run = parse(file, DiffRun.class, unreadable);
            if (run != null) {
                diffRuns.add(run);
            }
        }
        List<ChaosExperiment> chaos = new ArrayList<>();
        for (Path file : jsonFiles(resultsDir.resolve("chaos"))) {
            ChaosExperiment experiment = parse(file, ChaosExperiment.class, unreadable);
            if (experiment != null) {
                chaos.add(experiment);
            }
        }
        return new Results(resultsDir, List.copyOf(cases), List.copyOf(diffRuns), List.copyOf(chaos), List.copyOf(unreadable));
    }

    private <T> T parse(Path file, Class<T> type, List<String> unreadable) {
        try {
            return json.readValue(file.toFile(), type);
        } catch (IOException e) {
            unreadable.add(file + ": " + e.getMessage().lines().findFirst().orElse(""));
            return null;
        }
    }

    /** Only *.json directly in the folder: chaos histories (*.jsonl) sit beside them. */
    private static List<Path> jsonFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json") && Files.isRegularFile(f))
                    .sorted(Comparator.comparing(Path::toString))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
