package dev.verdict.reports.gate;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** summary.json on disk: written by this run, read back as the next run's baseline. */
public final class SummaryJson {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private SummaryJson() {}

    public static void write(Path file, Summary summary) throws IOException {
        JSON.writeValue(file.toFile(), summary);
    }

    public static Summary read(Path file) {
        try {
            return JSON.readValue(file.toFile(), Summary.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the baseline summary " + file, e);
        }
    }
}
