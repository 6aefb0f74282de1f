package dev.verdict.server.server;

import dev.verdict.server.ServerContext;
import dev.verdict.server.client.Client;
import dev.verdict.server.command.Args;
import dev.verdict.server.command.CommandFamily;
import dev.verdict.server.command.CommandSpec;
import dev.verdict.server.command.CommandTable;
import dev.verdict.server.command.Help;
import dev.verdict.server.config.ConfigException;
import dev.verdict.server.config.ConfigRewriter;
import dev.verdict.server.config.ConfigSchema;
import dev.verdict.server.config.ServerConfig;
import dev.verdict.server.pubsub.NotifyFlags;
import dev.verdict.server.util.GlobPattern;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** CONFIG GET (globs, several patterns), SET (several parameters, all or nothing), RESETSTAT, REWRITE. */
public final class ConfigCommand implements CommandFamily {

    @Override
    public void register(CommandTable table) {
        table.bind("config|get", ConfigCommand::get);
        table.bind("config|set", ConfigCommand::set);
        table.bind("config|resetstat", ConfigCommand::resetStat);
        table.bind("config|rewrite", ConfigCommand::rewrite);
        table.bind("config|help", (c, argv) -> Help.reply(c, "CONFIG",
                "GET <pattern>",
                "    Return parameters matching the glob-like <pattern> and their values.",
                "SET <directive> <value>",
                "    Set the configuration <directive> to <value>.",
                "RESETSTAT",
                "    Reset statistics reported by the INFO command.",
                "REWRITE",
                "    Rewrite the configuration file."));
    }

    private static void get(Client client, byte[][] argv) {
        ServerConfig config = client.server().config();
        Set<String> matched = new LinkedHashSet<>();
        for (int i = 2; i < argv.length; i++) {
            String pattern = Args.utf8(argv[i]).toLowerCase(Locale.ROOT);
            if (!hasGlob(pattern)) {
                if (config.contains(pattern)) matched.add(pattern);
                continue;
            }
            for (String name : config.names()) {
                if (GlobPattern.matches(pattern, name, true)) matched.add(name);
            }
        }
        client.reply().mapHeader(matched.size());
        for (String name : matched) {
            client.reply().bulk(name);
            client.reply().bulk(config.get(name));
        }
    }

    private static boolean hasGlob(String pattern) {
        return pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0 || pattern.indexOf('[') >= 0;
    }

    private static void set(Client client, byte[][] argv) {
        if (argv.length % 2 != 0) {
            client.reply().error("ERR wrong number of arguments for 'config|set' command");
            return;
        }
        ServerContext server = client.server();
        ServerConfig config = server.config();
        Map<String, String> changes = new LinkedHashMap<>();
        Set<String> canonical = new LinkedHashSet<>();
        for (int i = 2; i < argv.length; i += 2) {
            String name = Args.utf8(argv[i]).toLowerCase(Locale.ROOT);
            if (!config.contains(name)) {
                client.reply().error("ERR Unknown option or number of arguments for CONFIG SET - '" + Args.cString(argv[i]) + "'");
                return;
            }
            if (ConfigSchema.immutable(name)) {
                client.reply().error(failed(name, "can't set immutable config"));
                return;
            }
            if (!canonical.add(ServerConfig.canonicalName(name))) {
                client.reply().error(failed(name, "duplicate parameter"));
                return;
            }
            changes.put(name, Args.utf8(argv[i + 1]));
        }
        Map<String, String> previous = new LinkedHashMap<>();
        String failedName = null;
        String reason = null;
        for (Map.Entry<String, String> change : changes.entrySet()) {
            String name = change.getKey();
            try {
                String value = normalize(name, change.getValue(), config.defaultValue(name));
                previous.put(name, config.get(name));
                config.set(name, value);
                if (!server.configChanged(name)) throw new ConfigException(specialError(name));
            } catch (ConfigException e) {
                failedName = name;
                reason = e.getMessage();
                break;
            }
        }
        if (failedName != null) {
            for (Map.Entry<String, String> old : previous.entrySet()) {
                config.set(old.getKey(), old.getValue());
                server.configChanged(old.getKey());
            }
            client.reply().error(failed(failedName, reason));
            return;
        }
        client.reply().ok();
    }

    private static String normalize(String name, String value, String defaultValue) {
        if (name.equals("notify-keyspace-events")) {
            int flags = NotifyFlags.parse(value);
            if (flags < 0) throw new ConfigException(NotifyFlags.INVALID);
            return NotifyFlags.format(flags);
        }
        if (name.equals("dir")) {
            if (!java.nio.file.Files.isDirectory(java.nio.file.Path.of(value))) {
                throw new ConfigException("No such file or directory");
            }
            return java.nio.file.Path.of(value).toAbsolutePath().normalize().toString();
        }
        return ConfigSchema.normalize(name, value, defaultValue);
    }

    private static String specialError(String name) {
        return switch (name) {
            case "client-output-buffer-limit" -> "Invalid client class specified in buffer limit configuration.";
            case "notify-keyspace-events" -> NotifyFlags.INVALID;
            case "appendonly" -> "Unable to turn on AOF. Check server logs.";
            default -> "argument is invalid";
        };
    }

    private static String failed(String name, String reason) {
        return "ERR CONFIG SET failed (possibly related to argument '" + name + "') - " + reason;
    }

    private static void resetStat(Client client, byte[][] argv) {
        ServerContext server = client.server();
        server.stats().reset();
        server.keyspace().stats().reset();
        for (CommandSpec spec : server.commands().all()) {
            spec.stats().reset();
            for (CommandSpec sub : spec.subcommands().values()) sub.stats().reset();
        }
        client.reply().ok();
    }

    private static void rewrite(Client client, byte[][] argv) {
        ServerConfig config = client.server().config();
        if (config.configFile() == null) {
            client.reply().error("ERR The server is running without a config file");
            return;
        }
        try {
            ConfigRewriter.rewrite(config);
            dev.verdict.server.Log.notice("CONFIG REWRITE executed with success.");
            client.reply().ok();
        } catch (IOException e) {
            client.reply().error("ERR Rewriting config file: " + e.getMessage());
        }
    }
}
