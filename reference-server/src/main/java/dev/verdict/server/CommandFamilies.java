package dev.verdict.server;

import dev.verdict.server.command.CommandFamily;
import dev.verdict.server.command.CommandTable;
import dev.verdict.server.connection.ConnectionCommands;
import dev.verdict.server.keys.KeyCommands;
import dev.verdict.server.type.hash.HashCommands;
import dev.verdict.server.type.hll.HllCommands;
import dev.verdict.server.type.list.ListCommands;
import dev.verdict.server.type.set.SetCommands;
import dev.verdict.server.type.stream.StreamCommands;
import dev.verdict.server.type.string.StringCommands;

import java.util.List;

/** Every command family the server implements; each binds its handlers into the table. */
final class CommandFamilies {

    private static final List<CommandFamily> ALL = List.of(
            new ConnectionCommands(),
            new KeyCommands(),
            new StringCommands(),
            new HashCommands(),
            new SetCommands(),
            new ListCommands(),
            new HllCommands(),
            new StreamCommands());

    private CommandFamilies() {
    }

    static void registerAll(CommandTable table) {
        for (CommandFamily family : ALL) family.register(table);
    }
}
