package dev.verdict.server.keys;

import dev.verdict.server.ServerContext;
import dev.verdict.server.client.Client;
import dev.verdict.server.command.Args;
import dev.verdict.server.command.CommandTable;
import dev.verdict.server.command.Errors;
import dev.verdict.server.db.Database;

/** Whole-database commands: FLUSHDB, FLUSHALL, SWAPDB. */
final class DatabaseCommands {

    private DatabaseCommands() {
    }

    static void register(CommandTable table) {
        table.bind("flushdb", DatabaseCommands::flushdb);
        table.bind("flushall", DatabaseCommands::flushall);
        table.bind("swapdb", DatabaseCommands::swapdb);
    }

    /** getFlushCommandFlags: nothing, ASYNC or SYNC; anything else is a syntax error. */
    private static boolean flushArgumentsValid(Client client, byte[][] argv) {
        if (argv.length == 1 || (argv.length == 2 && (Args.is(argv[1], "ASYNC") || Args.is(argv[1], "SYNC")))) {
            return true;
        }
        client.reply().error(Errors.SYNTAX);
        return false;
    }

    /** Both flavours free synchronously here: a flush is complete when the reply is sent either way. */
    static void flushdb(Client client, byte[][] argv) {
        if (!flushArgumentsValid(client, argv)) return;
        Database db = client.db();
        client.server().keyspaceFlushing(db.id());
        // Redis adds the keys emptyData removed to the changes since the last save
        client.server().persistence().addDirty(db.clear());
        client.reply().ok();
    }

    static void flushall(Client client, byte[][] argv) {
        if (!flushArgumentsValid(client, argv)) return;
        client.server().keyspaceFlushing(-1);
        client.server().persistence().addDirty(client.server().keyspace().flushAll());
        client.server().persistence().flushedAll();
        client.reply().ok();
    }

    static void swapdb(Client client, byte[][] argv) {
        Integer first = dbIndex(client, argv[1], "ERR invalid first DB index");
        if (first == null) return;
        Integer second = dbIndex(client, argv[2], "ERR invalid second DB index");
        if (second == null) return;
        ServerContext server = client.server();
        int count = server.keyspace().count();
        if (first < 0 || first >= count || second < 0 || second >= count) {
            client.reply().error(Errors.DB_INDEX);
            return;
        }
        if (!first.equals(second)) {
            server.keyspace().swap(first, second);
            server.databasesSwapped(first, second);
        }
        server.persistence().addDirty(1); // even SWAPDB 0 0 counts one change in Redis
        client.reply().ok();
    }

    private static Integer dbIndex(Client client, byte[] arg, String error) {
        Long v = Args.parseLong(arg);
        if (v == null || v != v.intValue()) {
            client.reply().error(error);
            return null;
        }
        return v.intValue();
    }
}
