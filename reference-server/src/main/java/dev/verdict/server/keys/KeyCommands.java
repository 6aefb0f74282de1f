package dev.verdict.server.keys;

import dev.verdict.server.client.Client;
import dev.verdict.server.command.CommandFamily;
import dev.verdict.server.command.CommandTable;

/** Generic key commands. */
public final class KeyCommands implements CommandFamily {

    @Override
    public void register(CommandTable table) {
        table.bind("del", KeyCommands::del);
    }

    static void del(Client client, byte[][] argv) {
        long deleted = 0;
        for (int i = 1; i < argv.length; i++) {
            if (client.db().delete(argv[i])) deleted++;
        }
        client.reply().integer(deleted);
    }
}
