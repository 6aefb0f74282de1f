package dev.verdict.reports.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The oracle's command table (tools/capture-command-table.py's JSON): every Redis 7.0 command
 * and subcommand, each with its group from COMMAND DOCS. It gives the matrix its rows, so that
 * commands no suite touched still appear.
 */
public final class CommandTable {

    private static final int INFO_NAME = 0;
    private static final int INFO_SUBCOMMANDS = 9;

    private final String redisVersion;
    private final Map<String, CommandEntry> byName;

    private CommandTable(String redisVersion, Map<String, CommandEntry> byName) {
        this.redisVersion = redisVersion;
        this.byName = byName;
    }

    public static CommandTable empty() {
        return new CommandTable("unknown", new LinkedHashMap<>());
    }

    public static CommandTable read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the command table " + file, e);
        }
        Map<String, Map<String, JsonNode>> docs = docsByName(root.path("docs"));
        Map<String, CommandEntry> entries = new LinkedHashMap<>();
        for (JsonNode info : root.path("info")) {
            String name = info.path(INFO_NAME).asText();
            Map<String, JsonNode> doc = docs.getOrDefault(name, Map.of());
            String family = text(doc.get("group"), "other");
            entries.put(display(name), new CommandEntry(display(name), family, null, text(doc.get("summary"), ""), true));
            Map<String, Map<String, JsonNode>> subDocs = docsByName(doc.get("subcommands"));
            // A command without subcommands carries an empty RESP3 set ({"~": []}) here, not a list.
            JsonNode subcommands = info.path(INFO_SUBCOMMANDS);
            for (JsonNode sub : subcommands.isArray() ? subcommands : MissingNode.getInstance()) {
                String subName = sub.path(INFO_NAME).asText();
                Map<String, JsonNode> subDoc = subDocs.getOrDefault(subName, Map.of());
                entries.put(display(subName), new CommandEntry(display(subName), text(subDoc.get("group"), family),
                        display(name), text(subDoc.get("summary"), ""), true));
            }
        }
        return new CommandTable(root.path("redis_version").asText("unknown"), entries);
    }

    public String redisVersion() {
        return redisVersion;
    }

    public Optional<CommandEntry> find(String name) {
        return Optional.ofNullable(byName.get(name.toUpperCase(Locale.ROOT)));
    }

    public int size() {
        return byName.size();
    }

    public long topLevelCount() {
        return byName.values().stream().filter(e -> !e.isSubcommand()).count();
    }

    /**
     * Rows ordered by family, then command, each command followed by its subcommands; commands the
     * results name but the oracle does not know are added under their suite's family.
     */
    public List<CommandEntry> rows(Map<String, String> extraCommandsWithFamily) {
        Map<String, CommandEntry> all = new LinkedHashMap<>(byName);
        extraCommandsWithFamily.forEach((name, family) ->
                all.putIfAbsent(name, new CommandEntry(name, family == null || family.isBlank() ? "other" : family,
                        null, "", false)));
        List<CommandEntry> rows = new ArrayList<>(all.values());
        rows.sort(Comparator.comparing(CommandEntry::family)
                .thenComparing(e -> e.isSubcommand() ? e.parent() : e.name())
                .thenComparing(CommandEntry::isSubcommand)
                .thenComparing(CommandEntry::name));
        return rows;
    }

    /** "config|get" becomes "CONFIG GET", as the results name subcommands. */
    static String display(String oracleName) {
        return oracleName.replace('|', ' ').toUpperCase(Locale.ROOT);
    }

    /** RESP3 maps are captured as {"%": [[key, value], ...]}. */
    private static Map<String, Map<String, JsonNode>> docsByName(JsonNode docs) {
        Map<String, Map<String, JsonNode>> result = new HashMap<>();
        if (docs == null) {
            return result;
        }
        for (JsonNode pair : docs.path("%")) {
            Map<String, JsonNode> fields = new HashMap<>();
            for (JsonNode field : pair.path(1).path("%")) {
                fields.put(field.path(0).asText(), field.path(1));
            }
            result.put(pair.path(0).asText(), fields);
        }
        return result;
    }

    private static String text(JsonNode node, String fallback) {
        return node == null || node.isNull() || node.isMissingNode() ? fallback : node.asText(fallback);
    }
}
