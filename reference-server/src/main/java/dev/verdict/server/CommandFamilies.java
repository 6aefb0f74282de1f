package dev.verdict.server;

import dev.verdict.server.command.CommandFamily;
import dev.verdict.server.command.CommandTable;
import dev.verdict.server.connection.ConnectionCommands;
import dev.verdict.server.keys.KeyCommands;
import dev.verdict.server.command.CommandCommand;
import dev.verdict.server.pubsub.PubSubCommands;
import dev.verdict.server.server.ClientCommands;
import dev.verdict.server.server.ConfigCommand;
import dev.verdict.server.server.DebugCommand;
import dev.verdict.server.server.InfoCommand;
import dev.verdict.server.server.ServerCommands;
import dev.verdict.server.transaction.TransactionCommands;
import dev.verdict.server.type.bitmap.BitmapCommands;
import dev.verdict.server.type.geo.GeoCommands;
import dev.verdict.server.type.hash.HashCommands;
import dev.verdict.server.type.hll.HllCommands;
import dev.verdict.server.type.list.ListCommands;
import dev.verdict.server.type.set.SetCommands;
import dev.verdict.server.type.stream.StreamCommands;
import dev.verdict.server.type.stream.StreamGroupCommands;
import dev.verdict.server.type.stream.StreamInfoCommands;
import dev.verdict.server.type.stream.StreamReadCommands;
import dev.verdict.server.type.string.StringCommands;
import dev.verdict.server.type.zset.ZSetCommands;

import java.util.List;

/** Every command family the server implements; each binds its handlers into the table. */
final class CommandFamilies {

    private static final List<CommandFamily> ALL = List.of(
            new ConnectionCommands(),
            new KeyCommands(),
            new StringCommands(),
            new TransactionCommands(),
            new PubSubCommands(),
            new ClientCommands(),
            new dev.verdict.server.tracking.TrackingCommands(),
            new ServerCommands(),
            new ConfigCommand(),
            new InfoCommand(),
            new DebugCommand(),
            new CommandCommand(),
            new BitmapCommands(),
            new HashCommands(),
            new SetCommands(),
            new ListCommands(),
            new ZSetCommands(),
            new HllCommands(),
            new StreamCommands(),
            new StreamReadCommands(),
            new StreamGroupCommands(),
            new StreamInfoCommands(),
            new GeoCommands(),
            new dev.verdict.server.persistence.PersistenceCommands(),
            new dev.verdict.server.replication.master.ReplicationCommands(),
            new dev.verdict.server.replication.replica.ReplicaCommands());

    private CommandFamilies() {
    }

    static void registerAll(CommandTable table) {
        for (CommandFamily family : ALL) family.register(table);
    }
}
