package dev.verdict.conformance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Known reference-server differences that must not break the build, read from the classpath
 * file {@code accepted-differences.txt}, shared by the spec suites and the differential engine. One per line:
 * {@code <kind> <id-or-command> <target-kind> : <reason>}, kind {@code spec} or {@code diff};
 * {@code #} starts a comment; a target kind ending in {@code *} is a prefix ({@code REFERENCE_*},
 * or {@code *} for every kind).
 */
public final class AcceptedDifferences {

    public static final String RESOURCE = "accepted-differences.txt";

    /** One accepted difference. */
    public record Entry(String kind, String subject, String targetKind, String reason) {
    }

    private final List<Entry> entries;

    public AcceptedDifferences(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static AcceptedDifferences fromClasspath() {
        InputStream in = AcceptedDifferences.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            return new AcceptedDifferences(List.of());
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return parse(r.lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static AcceptedDifferences parse(String text) {
        return parse(List.of(text.split("\n")));
    }

    public static AcceptedDifferences parse(List<String> lines) {
        List<Entry> entries = new ArrayList<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(" : ");
            if (colon < 0) {
                throw new IllegalArgumentException(RESOURCE + ": missing ' : <reason>' in: " + raw);
            }
            String[] head = line.substring(0, colon).strip().split("\\s+");
            if (head.length < 3) {
                throw new IllegalArgumentException(RESOURCE + ": expected '<kind> <id-or-command> <target-kind>' in: " + raw);
            }
            String subject = String.join(" ", Arrays.copyOfRange(head, 1, head.length - 1));
            entries.add(new Entry(head[0], subject, head[head.length - 1], line.substring(colon + 3).strip()));
        }
        return new AcceptedDifferences(entries);
    }

    private static boolean targetKindMatches(String pattern, String targetKind) {
        if (pattern.endsWith("*")) {
            return targetKind.toUpperCase().startsWith(pattern.substring(0, pattern.length() - 1).toUpperCase());
        }
        return pattern.equalsIgnoreCase(targetKind);
    }

    /**
     * The entry accepting a failure of {@code kind} ({@code spec}/{@code diff}) for any of the
     * given subjects (case id such as {@code StringsSpec.setWithGet}, or the command) on a target kind.
     */
    public Optional<Entry> find(String kind, String targetKind, String... subjects) {
        for (Entry e : entries) {
            if (!e.kind().equals(kind) || !targetKindMatches(e.targetKind(), targetKind)) {
                continue;
            }
            for (String s : subjects) {
                if (e.subject().equalsIgnoreCase(s)) {
                    return Optional.of(e);
                }
            }
        }
        return Optional.empty();
    }

    /** The reason a differential finding is accepted, if it is: by finding id or command, for either target's kind. */
    public Optional<String> reasonForFinding(String findingId, String command, String kindA, String kindB) {
        return find("diff", kindA, findingId, command).or(() -> find("diff", kindB, findingId, command)).map(Entry::reason);
    }
}
