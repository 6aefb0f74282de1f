package dev.verdict.conformance.diff.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The findings we accept for now, each with its reason; shared with the spec suites. One entry per line:
 * {@code <kind> <id-or-command> <target-kind> : <reason>}, kind {@code spec} or {@code diff}, target kind a
 * TargetKind name or {@code *}; {@code #} starts a comment.
 */
public final class AcceptedDifferences {

    public static final String CLASSPATH = "accepted-differences.txt";

    /** One accepted difference. */
    public record Entry(String kind, String idOrCommand, String targetKind, String reason) {
    }

    private final List<Entry> entries;

    public AcceptedDifferences(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static AcceptedDifferences fromClasspath() {
        try (InputStream in = AcceptedDifferences.class.getClassLoader().getResourceAsStream(CLASSPATH)) {
            return in == null ? new AcceptedDifferences(List.of())
                    : parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static AcceptedDifferences parse(String text) {
        List<Entry> entries = new ArrayList<>();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(" : ");
            if (colon < 0) {
                throw new IllegalArgumentException("accepted difference without ' : <reason>': " + line);
            }
            String[] head = line.substring(0, colon).strip().split("\\s+");
            if (head.length < 3) {
                throw new IllegalArgumentException("accepted difference needs <kind> <id-or-command> <target-kind>: " + line);
            }
            String idOrCommand = String.join(" ", java.util.Arrays.copyOfRange(head, 1, head.length - 1));
            entries.add(new Entry(head[0], idOrCommand, head[head.length - 1], line.substring(colon + 3).strip()));
        }
        return new AcceptedDifferences(entries);
    }

    /** The reason a differential finding is accepted, if it is: by finding id or by command, for either target kind. */
    public Optional<String> reasonFor(Finding f, String kindA, String kindB) {
        return entries.stream()
                .filter(e -> e.kind().equals("diff"))
                .filter(e -> e.idOrCommand().equals(f.id()) || e.idOrCommand().equalsIgnoreCase(f.command()))
                .filter(e -> e.targetKind().equals("*") || e.targetKind().equals(kindA) || e.targetKind().equals(kindB))
                .map(Entry::reason)
                .findFirst();
    }
}
