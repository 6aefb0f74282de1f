package dev.verdict.conformance.spec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The outcomes of one suite class in this JVM, written as {@code spec/<Suite>-<pid>.json} (docs/results-format.md). */
final class SpecResults {

    enum Status { passed, failed, not_implemented, skipped }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final String suite;
    private final String family;
    private final List<Map<String, Object>> cases = new ArrayList<>();

    SpecResults(String suite, String family) {
        this.suite = suite;
        this.family = family;
    }

    String family() {
        return family;
    }

    synchronized void add(String command, String caseName, SpecTarget target, String client, String protocol,
                          Status status, String message, long durationMs, String acceptedReason) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("command", command);
        c.put("case", caseName);
        c.put("target", target.name());
        c.put("targetKind", target.kind());
        c.put("client", client);
        c.put("protocol", protocol);
        c.put("status", status.name());
        c.put("message", message);
        c.put("durationMs", durationMs);
        if (acceptedReason != null) {
            c.put("accepted", true);
            c.put("reason", acceptedReason);
        }
        cases.add(c);
    }

    synchronized void write() {
        if (cases.isEmpty()) {
            return;
        }
        Path dir = Path.of(System.getProperty("verdict.results.dir", "target/verdict-results"), "spec");
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("suite", suite);
        doc.put("family", family);
        doc.put("cases", cases);
        try {
            Files.createDirectories(dir);
            JSON.writeValue(dir.resolve(suite + "-" + ManagementFactory.getRuntimeMXBean().getPid() + ".json").toFile(), doc);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write spec results for " + suite, e);
        }
    }
}
