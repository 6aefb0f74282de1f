package dev.verdict.server.config;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What CONFIG SET accepts for each parameter and the error Redis gives otherwise: booleans,
 * enums, bounded integers, memory amounts, immutable parameters. Parameters not described here
 * are booleans when their default is yes/no, integers when it is a number, free text otherwise.
 */
public final class ConfigSchema {

    private static final Set<String> IMMUTABLE = Set.of(
            "daemonize", "io-threads-do-reads", "always-show-logo", "syslog-enabled", "cluster-enabled",
            "disable-thp", "set-proc-title", "supervised", "syslog-facility", "pidfile", "syslog-ident",
            "unixsocket", "logfile", "aclfile", "unixsocketperm", "databases", "io-threads", "tcp-backlog",
            "cluster-config-file", "cluster-port", "enable-protected-configs", "enable-debug-command",
            "enable-module-command", "appendfilename", "appenddirname", "cluster-announce-tls-port", "replicaof", "slaveof");

    private static final Set<String> MEMORY = Set.of(
            "maxmemory", "proto-max-bulk-len", "client-query-buffer-limit", "active-defrag-ignore-bytes",
            "repl-backlog-size", "auto-aof-rewrite-min-size", "hash-max-listpack-value", "hash-max-ziplist-value",
            "zset-max-listpack-value", "zset-max-ziplist-value", "stream-node-max-bytes", "maxmemory-clients");

    private static final Map<String, List<String>> ENUMS = Map.ofEntries(
            Map.entry("maxmemory-policy", List.of("volatile-lru", "volatile-lfu", "volatile-random", "volatile-ttl",
                    "allkeys-lru", "allkeys-lfu", "allkeys-random", "noeviction")),
            Map.entry("loglevel", List.of("debug", "verbose", "notice", "warning")),
            Map.entry("appendfsync", List.of("everysec", "always", "no")),
            Map.entry("repl-diskless-load", List.of("disabled", "on-empty-db", "swapdb")),
            Map.entry("sanitize-dump-payload", List.of("no", "yes", "clients")),
            Map.entry("acl-pubsub-default", List.of("allchannels", "resetchannels")),
            Map.entry("oom-score-adj", List.of("no", "yes", "relative", "absolute")),
            Map.entry("propagation-error-behavior", List.of("ignore", "panic", "panic-on-replicas")),
            Map.entry("cluster-preferred-endpoint-type", List.of("ip", "hostname", "unknown-endpoint")));

    /** [min, max] for integers whose bounds clients hit in practice; others take any long. */
    private static final Map<String, long[]> BOUNDS = Map.ofEntries(
            Map.entry("port", new long[] {0, 65535}),
            Map.entry("tls-port", new long[] {0, 65535}),
            Map.entry("timeout", new long[] {0, Integer.MAX_VALUE}),
            Map.entry("tcp-keepalive", new long[] {0, Integer.MAX_VALUE}),
            Map.entry("hz", new long[] {0, Integer.MAX_VALUE}),
            Map.entry("maxclients", new long[] {1, Integer.MAX_VALUE}),
            Map.entry("slowlog-max-len", new long[] {0, Long.MAX_VALUE}),
            Map.entry("latency-monitor-threshold", new long[] {0, Long.MAX_VALUE}),
            Map.entry("list-max-listpack-size", new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE}),
            Map.entry("list-max-ziplist-size", new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE}),
            Map.entry("list-compress-depth", new long[] {0, Integer.MAX_VALUE}),
            Map.entry("active-expire-effort", new long[] {1, 10}),
            Map.entry("lfu-log-factor", new long[] {0, Integer.MAX_VALUE}),
            Map.entry("lfu-decay-time", new long[] {0, Integer.MAX_VALUE}),
            Map.entry("maxmemory-samples", new long[] {1, Integer.MAX_VALUE}),
            Map.entry("maxmemory-eviction-tenacity", new long[] {0, 100}));

    private ConfigSchema() {
    }

    public static boolean immutable(String name) {
        return IMMUTABLE.contains(name);
    }

    /**
     * The value as CONFIG GET will show it afterwards (memory amounts in bytes, enums in lower
     * case), or throws {@link ConfigException} with Redis's reason.
     */
    public static String normalize(String name, String value, String defaultValue) {
        if (MEMORY.contains(name)) {
            long bytes = MemoryUnits.parse(value);
            if (bytes < 0 && !(name.equals("maxmemory-clients") && value.endsWith("%"))) {
                throw new ConfigException("argument must be a memory value");
            }
            return bytes < 0 ? value : Long.toString(bytes);
        }
        List<String> options = ENUMS.get(name);
        if (options != null) {
            String lower = value.toLowerCase(java.util.Locale.ROOT);
            if (!options.contains(lower)) {
                throw new ConfigException("argument(s) must be one of the following: " + String.join(", ", options));
            }
            return lower;
        }
        if (name.equals("save")) return normalizeSave(value);
        if (defaultValue != null && (defaultValue.equals("yes") || defaultValue.equals("no"))) {
            String lower = value.toLowerCase(java.util.Locale.ROOT);
            if (!lower.equals("yes") && !lower.equals("no")) throw new ConfigException("argument must be 'yes' or 'no'");
            return lower;
        }
        long[] bounds = BOUNDS.get(name);
        if (bounds != null || (defaultValue != null && defaultValue.matches("-?\\d+"))) {
            long parsed;
            try {
                parsed = Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new ConfigException("argument couldn't be parsed into an integer");
            }
            long min = bounds == null ? Long.MIN_VALUE : bounds[0];
            long max = bounds == null ? Long.MAX_VALUE : bounds[1];
            if (parsed < min || parsed > max) {
                throw new ConfigException("argument must be between " + min + " and " + max + " inclusive");
            }
            return Long.toString(parsed);
        }
        return value;
    }

    private static String normalizeSave(String value) {
        String trimmed = value.trim();
        if (trimmed.isEmpty()) return "";
        String[] parts = trimmed.split("\\s+");
        if (parts.length % 2 != 0) throw new ConfigException("Invalid save parameters");
        for (String part : parts) {
            try {
                if (Long.parseLong(part) < 0) throw new ConfigException("Invalid save parameters");
            } catch (NumberFormatException e) {
                throw new ConfigException("Invalid save parameters");
            }
        }
        return String.join(" ", parts);
    }
}
