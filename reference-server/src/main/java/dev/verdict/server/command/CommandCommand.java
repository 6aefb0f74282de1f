package dev.verdict.server.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.verdict.server.client.Client;
import dev.verdict.server.resp.ReplyWriter;
import dev.verdict.server.util.GlobPattern;

import java.util.ArrayList;
import java.util.List;

/**
 * COMMAND and its subcommands, answered from the oracle's captured table. Only commands we
 * implement are listed or counted: the others answer "unknown command", so advertising them
 * would be a lie.
 */
public final class CommandCommand implements CommandFamily {

    @Override
    public void register(CommandTable table) {
        table.bind("command", (c, argv) -> {
            List<CommandSpec> all = implemented(c.server().commands());
            c.reply().arrayHeader(all.size());
            for (CommandSpec spec : all) TypedJson.write(c.reply(), infoOf(spec));
        });
        table.bind("command|count", (c, argv) -> c.reply().integer(implemented(c.server().commands()).size()));
        table.bind("command|info", CommandCommand::info);
        table.bind("command|docs", CommandCommand::docs);
        table.bind("command|list", CommandCommand::list);
        table.bind("command|getkeys", (c, argv) -> getKeys(c, argv, false));
        table.bind("command|getkeysandflags", (c, argv) -> getKeys(c, argv, true));
        table.bind("command|help", (c, argv) -> Help.reply(c, "COMMAND",
                "(no subcommand)",
                "    Return details about all Redis commands.",
                "COUNT",
                "    Return the total number of commands in this Redis server.",
                "LIST",
                "    Return a list of all commands in this Redis server.",
                "INFO [<command-name> ...]",
                "    Return details about multiple Redis commands.",
                "    If no command names are given, documentation details for all",
                "    commands are returned.",
                "DOCS [<command-name> ...]",
                "    Return documentation details about multiple Redis commands.",
                "    If no command names are given, documentation details for all",
                "    commands are returned.",
                "GETKEYS <full-command>",
                "    Return the keys from a full Redis command.",
                "GETKEYSANDFLAGS <full-command>",
                "    Return the keys and the access flags from a full Redis command."));
    }

    private static List<CommandSpec> implemented(CommandTable table) {
        List<CommandSpec> out = new ArrayList<>();
        for (CommandSpec spec : table.all()) if (spec.implemented()) out.add(spec);
        return out;
    }

    /** The info entry with unimplemented subcommands left out of its subcommand list. */
    private static JsonNode infoOf(CommandSpec spec) {
        if (!spec.hasSubcommands()) return spec.info();
        com.fasterxml.jackson.databind.node.ArrayNode copy = spec.info().deepCopy();
        JsonNode subs = copy.get(9);
        com.fasterxml.jackson.databind.node.ArrayNode items =
                (com.fasterxml.jackson.databind.node.ArrayNode) CommandTable.elements(subs);
        for (int i = items.size() - 1; i >= 0; i--) {
            String full = items.get(i).get(0).asText();
            CommandSpec sub = spec.subcommand(full.substring(full.indexOf('|') + 1));
            if (sub == null || sub.handler() == null) items.remove(i);
        }
        return copy;
    }

    private static void info(Client client, byte[][] argv) {
        CommandTable table = client.server().commands();
        if (argv.length == 2) {
            List<CommandSpec> all = implemented(table);
            client.reply().arrayHeader(all.size());
            for (CommandSpec spec : all) TypedJson.write(client.reply(), infoOf(spec));
            return;
        }
        client.reply().arrayHeader(argv.length - 2);
        for (int i = 2; i < argv.length; i++) {
            CommandSpec spec = find(table, argv[i]);
            if (spec == null) client.reply().nullBulk();
            else TypedJson.write(client.reply(), infoOf(spec));
        }
    }

    private static void docs(Client client, byte[][] argv) {
        CommandTable table = client.server().commands();
        List<CommandSpec> chosen = new ArrayList<>();
        if (argv.length == 2) {
            chosen.addAll(implemented(table));
        } else {
            for (int i = 2; i < argv.length; i++) {
                CommandSpec spec = find(table, argv[i]);
                if (spec != null) chosen.add(spec);
            }
        }
        ReplyWriter reply = client.reply();
        reply.mapHeader(chosen.size());
        for (CommandSpec spec : chosen) {
            reply.bulk(spec.fullName());
            TypedJson.write(reply, spec.docs());
        }
    }

    private static void list(Client client, byte[][] argv) {
        CommandTable table = client.server().commands();
        String aclCategory = null;
        byte[] pattern = null;
        boolean moduleFilter = false;
        if (argv.length == 5 && Args.is(argv[2], "FILTERBY")) {
            if (Args.is(argv[3], "MODULE")) moduleFilter = true;
            else if (Args.is(argv[3], "ACLCAT")) aclCategory = "@" + Args.utf8(argv[4]).toLowerCase(java.util.Locale.ROOT);
            else if (Args.is(argv[3], "PATTERN")) pattern = argv[4];
            else {
                client.reply().error(Errors.SYNTAX);
                return;
            }
        } else if (argv.length != 2) {
            client.reply().error(Errors.SYNTAX);
            return;
        }
        List<String> names = new ArrayList<>();
        if (!moduleFilter) {
            for (CommandSpec spec : implemented(table)) {
                addListed(names, spec, aclCategory, pattern);
                for (CommandSpec sub : spec.subcommands().values()) {
                    if (sub.handler() != null) addListed(names, sub, aclCategory, pattern);
                }
            }
        }
        client.reply().arrayHeader(names.size());
        for (String name : names) client.reply().bulk(name);
    }

    private static void addListed(List<String> names, CommandSpec spec, String aclCategory, byte[] pattern) {
        if (aclCategory != null && !hasAclCategory(spec, aclCategory)) return;
        if (pattern != null && !GlobPattern.matches(pattern, Args.bytes(spec.fullName()), true)) return;
        names.add(spec.fullName());
    }

    private static boolean hasAclCategory(CommandSpec spec, String category) {
        for (JsonNode c : CommandTable.elements(spec.info().get(6))) {
            if (c.get("+").asText().equals(category)) return true;
        }
        return false;
    }

    private static void getKeys(Client client, byte[][] argv, boolean withFlags) {
        byte[][] target = java.util.Arrays.copyOfRange(argv, 2, argv.length);
        CommandSpec spec = resolve(client.server().commands(), target);
        if (spec == null) {
            client.reply().error("ERR Invalid command specified");
            return;
        }
        if (!KeySpecs.hasKeys(spec)) {
            client.reply().error("ERR The command has no key arguments");
            return;
        }
        if (!spec.arityAccepts(target.length)) {
            client.reply().error("ERR Invalid number of arguments specified for command");
            return;
        }
        List<KeySpecs.KeyPosition> keys = KeySpecs.find(spec, target);
        if (keys == null || keys.isEmpty()) {
            if (spec.hasFlag(CommandFlag.NO_MANDATORY_KEYS)) client.reply().emptyArray();
            else client.reply().error("ERR Invalid arguments specified for command");
            return;
        }
        ReplyWriter reply = client.reply();
        reply.arrayHeader(keys.size());
        for (KeySpecs.KeyPosition key : keys) {
            if (withFlags) {
                reply.arrayHeader(2);
                reply.bulk(target[key.index()]);
                TypedJson.write(reply, KeySpecs.resolvedFlags(spec, target, key.flags()));
            } else {
                reply.bulk(target[key.index()]);
            }
        }
    }

    /** A command or container|subcommand by name as COMMAND INFO/DOCS accept it, if implemented. */
    private static CommandSpec find(CommandTable table, byte[] name) {
        CommandSpec spec = table.find(CommandTable.lowerAscii(name));
        if (spec == null || !spec.implemented()) return null;
        return spec;
    }

    /**
     * The command GETKEYS asks about. Key specs are the oracle's data, so this answers for every
     * Redis 7.0 command, implemented here or not: the positions are Redis's either way.
     */
    private static CommandSpec resolve(CommandTable table, byte[][] argv) {
        if (argv.length == 0) return null;
        CommandSpec base = table.lookup(argv[0]);
        if (base == null) return null;
        if (!base.hasSubcommands()) return base;
        if (argv.length < 2) return null;
        return base.subcommand(CommandTable.lowerAscii(argv[1]));
    }
}
