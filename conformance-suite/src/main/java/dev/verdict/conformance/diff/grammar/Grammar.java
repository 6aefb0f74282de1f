package dev.verdict.conformance.diff.grammar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every command of the oracle with its argument grammar, read from the captured COMMAND INFO and COMMAND DOCS
 * ({@code commands/redis-7.0.15.json}, format in tools/capture-command-table.py). A container command such as
 * CONFIG contributes its subcommands, not itself.
 */
public final class Grammar {

    public static final String CLASSPATH_TABLE = "commands/redis-7.0.15.json";

    private final Map<String, CommandSpec> byName;

    private Grammar(Map<String, CommandSpec> byName) {
        this.byName = byName;
    }

    public static Grammar fromClasspath() {
        try (InputStream in = Grammar.class.getClassLoader().getResourceAsStream(CLASSPATH_TABLE)) {
            if (in == null) {
                throw new IllegalStateException(CLASSPATH_TABLE + " is not on the classpath (reference-server jar)");
            }
            return parse(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Grammar parse(JsonNode table) {
        Map<String, JsonNode> info = new HashMap<>();
        for (JsonNode entry : table.get("info")) {
            info.put(entry.get(0).asText(), entry);
            JsonNode subs = entry.get(9);
            if (subs != null && subs.isArray()) {
                for (JsonNode sub : subs) {
                    info.put(sub.get(0).asText(), sub);
                }
            }
        }
        Map<String, CommandSpec> commands = new LinkedHashMap<>();
        for (JsonNode pair : table.get("docs").get("%")) {
            addCommand(pair.get(0).asText(), pair.get(1), info, commands);
        }
        return new Grammar(commands);
    }

    private static void addCommand(String docsName, JsonNode docsMap, Map<String, JsonNode> info,
                                   Map<String, CommandSpec> out) {
        Map<String, JsonNode> docs = map(docsMap);
        JsonNode subcommands = docs.get("subcommands");
        if (subcommands != null) {
            for (JsonNode pair : subcommands.get("%")) {
                addCommand(pair.get(0).asText(), pair.get(1), info, out);
            }
            return;
        }
        JsonNode infoEntry = info.get(docsName);
        if (infoEntry == null) {
            return; // documented but not in COMMAND INFO: nothing the server would accept
        }
        List<String> words = List.of(docsName.toUpperCase(Locale.ROOT).split("\\|"));
        Set<String> flags = new HashSet<>();
        infoEntry.get(2).get("~").forEach(f -> flags.add(f.get("+").asText()));
        List<Argument> args = new ArrayList<>();
        JsonNode arguments = docs.get("arguments");
        if (arguments != null) {
            arguments.forEach(a -> args.add(argument(a)));
        }
        CommandSpec spec = new CommandSpec(words, docs.get("group").asText(), infoEntry.get(1).asInt(), flags, args);
        out.put(spec.name(), spec);
    }

    private static Argument argument(JsonNode node) {
        Map<String, JsonNode> m = map(node);
        Set<String> flags = new HashSet<>();
        JsonNode f = m.get("flags");
        if (f != null) {
            f.get("~").forEach(x -> flags.add(x.get("+").asText()));
        }
        List<Argument> children = new ArrayList<>();
        JsonNode args = m.get("arguments");
        if (args != null) {
            args.forEach(a -> children.add(argument(a)));
        }
        JsonNode token = m.get("token");
        return new Argument(m.get("name").asText(), ArgType.fromDocs(m.get("type").asText()),
                token == null ? null : token.asText(), flags.contains("optional"), flags.contains("multiple"),
                flags.contains("multiple_token"), children);
    }

    private static Map<String, JsonNode> map(JsonNode resp3Map) {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        for (JsonNode pair : resp3Map.get("%")) {
            m.put(pair.get(0).asText(), pair.get(1));
        }
        return m;
    }

    public Collection<CommandSpec> commands() {
        return byName.values();
    }

    /** By display name, case-insensitive: "get", "CONFIG GET". */
    public Optional<CommandSpec> command(String name) {
        return Optional.ofNullable(byName.get(name.trim().toUpperCase(Locale.ROOT)));
    }
}
