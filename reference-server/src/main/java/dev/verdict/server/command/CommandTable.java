package dev.verdict.server.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The command table as data: every Redis 7.0.15 command and subcommand, loaded from the
 * oracle's captured COMMAND INFO/DOCS, with handlers bound by name by the command families.
 */
public final class CommandTable {

    public static final String RESOURCE = "/commands/redis-7.0.15.json";

    private final Map<String, CommandSpec> commands = new LinkedHashMap<>();

    private CommandTable() {
    }

    /** The oracle's table with no handler bound yet. */
    public static CommandTable load() {
        CommandTable table = new CommandTable();
        try (InputStream in = CommandTable.class.getResourceAsStream(RESOURCE)) {
            JsonNode root = new ObjectMapper().readTree(in);
            for (JsonNode entry : root.get("info")) {
                CommandSpec spec = parse(entry, null);
                table.commands.put(spec.name(), spec);
                for (JsonNode sub : elements(entry.get(9))) spec.addSubcommand(parse(sub, spec));
            }
            for (JsonNode pair : root.get("docs").get("%")) {
                CommandSpec spec = table.commands.get(pair.get(0).asText());
                if (spec == null) continue;
                spec.docs(pair.get(1));
                JsonNode subDocs = mapValue(pair.get(1), "subcommands");
                if (subDocs == null) continue;
                for (JsonNode subPair : subDocs.get("%")) {
                    String fullName = subPair.get(0).asText();
                    CommandSpec sub = spec.subcommand(fullName.substring(fullName.indexOf('|') + 1));
                    if (sub != null) sub.docs(subPair.get(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return table;
    }

    /** Binds a handler to a command ({@code "get"}) or a subcommand ({@code "config|get"}). */
    public void bind(String fullName, CommandHandler handler) {
        CommandSpec spec = find(fullName);
        if (spec == null) throw new IllegalArgumentException("Redis 7.0 has no command " + fullName);
        spec.handler(handler);
    }

    /** The command or subcommand by lower-case full name, or null. */
    public CommandSpec find(String fullName) {
        int bar = fullName.indexOf('|');
        if (bar < 0) return commands.get(fullName);
        CommandSpec container = commands.get(fullName.substring(0, bar));
        return container == null ? null : container.subcommand(fullName.substring(bar + 1));
    }

    /** The top-level command named by {@code name} (any case), or null; no allocation on the hot path. */
    public CommandSpec lookup(byte[] name) {
        if (byName == null) buildIndex();
        int mask = byName.length - 1;
        for (int i = caseFoldedHash(name) & mask; ; i = (i + 1) & mask) {
            CommandSpec spec = byName[i];
            if (spec == null) return null;
            if (Args.is(name, spec.name())) return spec;
        }
    }

    /** Open addressing over case-folded names, built once after loading. */
    private CommandSpec[] byName;

    private void buildIndex() {
        CommandSpec[] table = new CommandSpec[Integer.highestOneBit(commands.size() * 4)];
        int mask = table.length - 1;
        for (CommandSpec spec : commands.values()) {
            int i = caseFoldedHash(spec.name().getBytes(StandardCharsets.US_ASCII)) & mask;
            while (table[i] != null) i = (i + 1) & mask;
            table[i] = spec;
        }
        byName = table;
    }

    private static int caseFoldedHash(byte[] name) {
        int h = 0;
        for (byte b : name) {
            int c = b & 0xff;
            if (c >= 'A' && c <= 'Z') c += 32;
            h = 31 * h + c;
        }
        return h ^ (h >>> 16);
    }

    /** Every top-level command of Redis 7.0.15, implemented or not. */
    public Collection<CommandSpec> all() {
        return Collections.unmodifiableCollection(commands.values());
    }

    public static String lowerAscii(byte[] bytes) {
        char[] chars = new char[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            chars[i] = (char) (b >= 'A' && b <= 'Z' ? b + 32 : b);
        }
        return new String(chars);
    }

    static JsonNode mapValue(JsonNode typedMap, String key) {
        if (typedMap == null || !typedMap.has("%")) return null;
        for (JsonNode pair : typedMap.get("%")) {
            if (pair.get(0).asText().equals(key)) return pair.get(1);
        }
        return null;
    }

    private static CommandSpec parse(JsonNode entry, CommandSpec parent) {
        Set<String> flags = new LinkedHashSet<>();
        for (JsonNode flag : elements(entry.get(2))) flags.add(flag.get("+").asText());
        return new CommandSpec(entry.get(0).asText(), entry.get(1).asInt(), Collections.unmodifiableSet(flags),
                entry.get(3).asInt(), entry.get(4).asInt(), entry.get(5).asInt(), entry, parent);
    }

    /** The elements of a typed JSON array or set ({@code [...]} or {@code {"~": [...]}}). */
    static JsonNode elements(JsonNode node) {
        return node.has("~") ? node.get("~") : node;
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
