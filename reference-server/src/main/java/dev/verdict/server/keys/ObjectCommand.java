package dev.verdict.server.keys;

import dev.verdict.server.client.Client;
import dev.verdict.server.command.CommandTable;
import dev.verdict.server.db.Keyspace;
import dev.verdict.server.db.RedisObject;
import dev.verdict.server.type.string.SharedIntegers;

/** OBJECT ENCODING | FREQ | IDLETIME | REFCOUNT | HELP: inspection that does not count as access. */
final class ObjectCommand {

    private static final String LFU_SELECTED = "ERR An LFU maxmemory policy is selected, idle time not tracked."
            + " Please note that when switching between policies at runtime LRU and LFU data will take some time to adjust.";
    private static final String LFU_NOT_SELECTED = "ERR An LFU maxmemory policy is not selected, access frequency not"
            + " tracked. Please note that when switching between policies at runtime LRU and LFU data will take some"
            + " time to adjust.";
    private static final String[] HELP = {
        "OBJECT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
        "ENCODING <key>",
        "    Return the kind of internal representation used in order to store the value",
        "    associated with a <key>.",
        "FREQ <key>",
        "    Return the access frequency index of the <key>. The returned integer is",
        "    proportional to the logarithm of the recent access frequency of the key.",
        "IDLETIME <key>",
        "    Return the idle time of the <key>, that is the approximated number of",
        "    seconds elapsed since the last access to the key.",
        "REFCOUNT <key>",
        "    Return the number of references of the value associated with the specified",
        "    <key>.",
        "HELP",
        "    Prints this help.",
    };

    private ObjectCommand() {
    }

    static void register(CommandTable table) {
        table.bind("object|encoding", ObjectCommand::encoding);
        table.bind("object|freq", ObjectCommand::freq);
        table.bind("object|idletime", ObjectCommand::idletime);
        table.bind("object|refcount", ObjectCommand::refcount);
        table.bind("object|help", ObjectCommand::help);
    }

    private static RedisObject lookup(Client client, byte[][] argv) {
        RedisObject value = client.db().lookupNoTouch(argv[2]);
        if (value == null) client.reply().nullBulk();
        return value;
    }

    static void encoding(Client client, byte[][] argv) {
        RedisObject value = lookup(client, argv);
        if (value != null) client.reply().bulk(value.encoding().encodingName());
    }

    static void freq(Client client, byte[][] argv) {
        RedisObject value = lookup(client, argv);
        if (value == null) return;
        Keyspace keyspace = client.server().keyspace();
        keyspace.reloadSettings();
        if (!keyspace.policy().lfu()) {
            client.reply().error(LFU_NOT_SELECTED);
            return;
        }
        client.reply().integer(keyspace.accessClock().frequency(value));
    }

    static void idletime(Client client, byte[][] argv) {
        RedisObject value = lookup(client, argv);
        if (value == null) return;
        Keyspace keyspace = client.server().keyspace();
        keyspace.reloadSettings();
        if (keyspace.policy().lfu()) {
            client.reply().error(LFU_SELECTED);
            return;
        }
        client.reply().integer(keyspace.accessClock().idleMillis(value) / 1000);
    }

    /** Small integers are shared objects in Redis unless maxmemory needs per-key access data. */
    static void refcount(Client client, byte[][] argv) {
        RedisObject value = lookup(client, argv);
        if (value == null) return;
        client.reply().integer(SharedIntegers.refcount(client.server().keyspace(), value));
    }

    static void help(Client client, byte[][] argv) {
        client.reply().arrayHeader(HELP.length);
        for (String line : HELP) client.reply().status(line);
    }
}
