package dev.verdict.server.transaction;

import dev.verdict.server.ServerContext;
import dev.verdict.server.client.Client;
import dev.verdict.server.command.CommandFamily;
import dev.verdict.server.command.CommandTable;
import dev.verdict.server.command.Errors;

import java.util.ArrayList;
import java.util.List;

/** MULTI, EXEC, DISCARD, WATCH, UNWATCH (Redis's multi.c). */
public final class TransactionCommands implements CommandFamily {

    @Override
    public void register(CommandTable table) {
        table.bind("multi", TransactionCommands::multi);
        table.bind("exec", TransactionCommands::exec);
        table.bind("discard", TransactionCommands::discard);
        table.bind("watch", TransactionCommands::watch);
        table.bind("unwatch", (client, argv) -> {
            client.server().watchedKeys().unwatchAll(client);
            // a key touched before UNWATCH no longer fails the next EXEC (multi.c clears CLIENT_DIRTY_CAS)
            client.transaction().clearDirtyCas();
            client.reply().ok();
        });
    }

    static void multi(Client client, byte[][] argv) {
        if (client.transaction().inMulti()) {
            client.reply().error("ERR MULTI calls can not be nested");
            return;
        }
        client.transaction().begin();
        client.reply().ok();
    }

    static void discard(Client client, byte[][] argv) {
        if (!client.transaction().inMulti()) {
            client.reply().error("ERR DISCARD without MULTI");
            return;
        }
        discardTransaction(client);
        client.reply().ok();
    }

    static void watch(Client client, byte[][] argv) {
        if (client.transaction().inMulti()) {
            client.reply().error("ERR WATCH inside MULTI is not allowed");
            return;
        }
        // Redis 7.0: watching is pointless once the transaction is known to fail.
        if (!client.transaction().dirtyCas()) {
            ServerContext server = client.server();
            for (int i = 1; i < argv.length; i++) {
                server.watchedKeys().watch(client, client.db(), argv[i], server.clock().millis());
            }
        }
        client.reply().ok();
    }

    static void exec(Client client, byte[][] argv) {
        Transaction tx = client.transaction();
        if (!tx.inMulti()) {
            client.reply().error("ERR EXEC without MULTI");
            return;
        }
        ServerContext server = client.server();
        if (server.watchedKeys().anyExpiredSinceWatch(client, server.keyspace(), server.clock().millis())) {
            tx.markDirty();
        }
        if (tx.dirtyExec() || tx.dirtyCas()) {
            if (tx.dirtyExec()) client.reply().error(Errors.EXECABORT);
            else client.reply().nullArray();
            discardTransaction(client);
            return;
        }
        List<Transaction.Queued> queued = new ArrayList<>(tx.queued());
        server.watchedKeys().unwatchAll(client);
        tx.reset();
        boolean denied = client.denyBlocking();
        client.denyBlocking(true);
        try {
            client.reply().arrayHeader(queued.size());
            for (Transaction.Queued q : queued) server.dispatcher().call(client, q.command(), q.argv());
        } finally {
            client.denyBlocking(denied);
        }
    }

    /** Leaves MULTI, drops the queue and every watched key (Redis's discardTransaction). */
    public static void discardTransaction(Client client) {
        client.transaction().reset();
        client.server().watchedKeys().unwatchAll(client);
    }
}
