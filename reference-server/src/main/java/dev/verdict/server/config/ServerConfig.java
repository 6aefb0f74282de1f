package dev.verdict.server.config;

import dev.verdict.server.resp.InlineSplitter;
import dev.verdict.server.util.Repr;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The server's configuration: every Redis 7.0.15 parameter with its default (captured from the
 * oracle), overridden by a redis.conf file and redis-server style command-line arguments, and
 * changed at run time by CONFIG SET. Values are kept as Redis prints them in CONFIG GET.
 */
public final class ServerConfig {

    private static final String DEFAULTS = "/config/redis-7.0.15-defaults.tsv";

    /** Old names Redis still accepts; reading or writing either changes both. */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("hash-max-ziplist-entries", "hash-max-listpack-entries"),
            Map.entry("hash-max-ziplist-value", "hash-max-listpack-value"),
            Map.entry("zset-max-ziplist-entries", "zset-max-listpack-entries"),
            Map.entry("zset-max-ziplist-value", "zset-max-listpack-value"),
            Map.entry("list-max-ziplist-size", "list-max-listpack-size"),
            Map.entry("slave-announce-ip", "replica-announce-ip"),
            Map.entry("slave-announce-port", "replica-announce-port"),
            Map.entry("slave-ignore-maxmemory", "replica-ignore-maxmemory"),
            Map.entry("slave-lazy-flush", "replica-lazy-flush"),
            Map.entry("slave-priority", "replica-priority"),
            Map.entry("slave-read-only", "replica-read-only"),
            Map.entry("slave-serve-stale-data", "replica-serve-stale-data"),
            Map.entry("slaveof", "replicaof"),
            Map.entry("min-slaves-max-lag", "min-replicas-max-lag"),
            Map.entry("min-slaves-to-write", "min-replicas-to-write"),
            Map.entry("repl-ping-slave-period", "repl-ping-replica-period"),
            Map.entry("cluster-slave-no-failover", "cluster-replica-no-failover"),
            Map.entry("cluster-slave-validity-factor", "cluster-replica-validity-factor"));

    private final Map<String, String> values = new LinkedHashMap<>();
    /**
     * Numbers already parsed, by the name they were asked with: type commands read their
     * encoding thresholds on every call, so each is parsed once per change, not per call. The
     * snapshot writer's thread reads them too: an entry parsed before the last {@link #set}
     * carries an older generation and is parsed again.
     */
    private final Map<String, Parsed> parsedLongs = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Parsed> parsedMemory = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile int generation;

    private record Parsed(long value, int generation) {
    }
    private final Map<String, String> defaults = new LinkedHashMap<>();
    private Path configFile;

    private ServerConfig() {
        try (InputStream in = ServerConfig.class.getResourceAsStream(DEFAULTS)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isEmpty() || line.startsWith("#")) continue;
                int tab = line.indexOf('\t');
                values.put(line.substring(0, tab), line.substring(tab + 1));
                defaults.put(line.substring(0, tab), line.substring(tab + 1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Redis's defaults, nothing overridden. */
    public static ServerConfig defaults() {
        return new ServerConfig();
    }

    /**
     * redis-server's command line: an optional config file first, then {@code --name value...}
     * options, each running to the next {@code --}. {@code --port 0} asks for a free port.
     */
    public static ServerConfig fromArgs(String... args) {
        ServerConfig config = new ServerConfig();
        List<String> lines = new ArrayList<>();
        int i = 0;
        if (args.length > 0 && !args[0].startsWith("--")) {
            config.configFile = Path.of(args[0]).toAbsolutePath();
            try {
                lines.addAll(Files.readAllLines(config.configFile, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new ConfigException("Fatal error, can't open config file '" + config.configFile + "': "
                        + e.getMessage());
            }
            i = 1;
        }
        // Like redis-server: the options become config lines after the file's, one blank line between.
        lines.add("");
        StringBuilder line = null;
        for (; i < args.length; i++) {
            if (args[i].startsWith("--") && args[i].length() > 2) {
                if (line != null) lines.add(line.toString());
                line = new StringBuilder(args[i].substring(2));
            } else {
                if (line == null) throw new ConfigException("Invalid argument '" + args[i] + "'");
                line.append(' ').append(Repr.quote(args[i]));
            }
        }
        if (line != null) lines.add(line.toString());
        for (int n = 0; n < lines.size(); n++) {
            try {
                config.applyLine(lines.get(n));
            } catch (ConfigException e) {
                throw new ConfigException("Reading the configuration file, at line " + (n + 1) + "\n>>> '"
                        + lines.get(n).strip() + "'\n" + e.getMessage());
            }
        }
        return config;
    }

    /** The config file the server was started with, or null (CONFIG REWRITE needs one). */
    public Path configFile() {
        return configFile;
    }

    public void applyFile(Path file) {
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) applyLine(line);
        } catch (IOException e) {
            throw new ConfigException("Fatal error, can't open config file '" + file + "': " + e.getMessage());
        }
    }

    /** One redis.conf line: {@code name arg...}; blank lines and comments are ignored. */
    public void applyLine(String line) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) return;
        List<byte[]> parts = InlineSplitter.split(trimmed.getBytes(StandardCharsets.UTF_8));
        if (parts == null || parts.isEmpty()) throw new ConfigException("Unbalanced quotes in configuration line");
        String name = new String(parts.get(0), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        List<String> args = new ArrayList<>();
        for (int i = 1; i < parts.size(); i++) args.add(new String(parts.get(i), StandardCharsets.UTF_8));
        if (!contains(name) || args.isEmpty()) throw new ConfigException("Bad directive or wrong number of arguments");
        set(name, ConfigSchema.normalize(name, String.join(" ", args), defaultValue(name)));
    }

    /** Redis's default for the parameter (CONFIG REWRITE leaves defaults out of the file). */
    public String defaultValue(String name) {
        return defaults.get(canonical(name));
    }

    /** The parameter an alias stands for; other names are returned as they are. */
    public static String canonicalName(String name) {
        return canonical(name);
    }

    /** True when the name is an old alias of another parameter. */
    public static boolean isAlias(String name) {
        return ALIASES.containsKey(name);
    }

    public boolean contains(String name) {
        return values.containsKey(canonical(name)) || ALIASES.containsKey(name);
    }

    public String get(String name) {
        return values.get(canonical(name));
    }

    /** Sets a parameter (and its alias); callers validate the value first. */
    public void set(String name, String value) {
        values.put(canonical(name), value);
        generation++;
        for (Map.Entry<String, String> alias : ALIASES.entrySet()) {
            if (alias.getValue().equals(canonical(name)) && values.containsKey(alias.getKey())) {
                values.put(alias.getKey(), value);
            }
        }
    }

    /** Every parameter name, aliases included, in CONFIG GET * order of the defaults file. */
    public Set<String> names() {
        return Collections.unmodifiableSet(values.keySet());
    }

    public int getInt(String name) {
        return (int) getLong(name);
    }

    public long getLong(String name) {
        Parsed parsed = parsedLongs.get(name);
        int current = generation;
        if (parsed == null || parsed.generation() != current) {
            parsed = new Parsed(Long.parseLong(get(name)), current);
            parsedLongs.put(name, parsed);
        }
        return parsed.value();
    }

    public boolean getBool(String name) {
        return "yes".equals(get(name));
    }

    /** A memory amount such as {@code 100mb} or {@code 1gb}, in bytes (Redis's memtoull). */
    public long getMemory(String name) {
        Parsed parsed = parsedMemory.get(name);
        int current = generation;
        if (parsed == null || parsed.generation() != current) {
            parsed = new Parsed(MemoryUnits.parse(get(name)), current);
            parsedMemory.put(name, parsed);
        }
        return parsed.value();
    }

    private static String canonical(String name) {
        return ALIASES.getOrDefault(name, name);
    }
}
