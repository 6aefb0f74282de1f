package dev.verdict.server.replication.replica;

import dev.verdict.server.Log;
import dev.verdict.server.ServerContext;
import dev.verdict.server.client.Client;
import dev.verdict.server.command.Args;
import dev.verdict.server.command.CommandFamily;
import dev.verdict.server.command.CommandTable;
import dev.verdict.server.replication.Replication;
import dev.verdict.server.resp.ReplyWriter;

/**
 * REPLICAOF (and its old name SLAVEOF) and ROLE. Refusals that come from the command table's
 * flags (inside MULTI: no_multi; arity) are the dispatcher's.
 */
public final class ReplicaCommands implements CommandFamily {

    @Override
    public void register(CommandTable table) {
        table.bind("replicaof", ReplicaCommands::replicaof);
        table.bind("slaveof", ReplicaCommands::replicaof);
    }

    /** replicaofCommand. */
    static void replicaof(Client client, byte[][] argv) {
        ServerContext server = client.server();
        Replication replication = server.replication();
        if (server.replicationMaster().failover().state() != dev.verdict.server.replication.master.Failover.State.NONE) {
            client.reply().error("ERR REPLICAOF not allowed while failing over.");
            return;
        }
        if (Args.is(argv[1], "no") && Args.is(argv[2], "one")) {
            if (replication.isReplica()) {
                server.masterLink().unsetMaster();
                Log.notice("MASTER MODE enabled (user request from '" + ServerContext.describe(client) + "')");
            }
            client.reply().ok();
            return;
        }
        Long port = Args.parseLong(argv[2]);
        if (port == null || port < 0 || port > 65535) {
            client.reply().error("ERR Invalid master port");
            return;
        }
        String host = Args.utf8(argv[1]);
        if (replication.isReplica() && host.equalsIgnoreCase(replication.masterHost())
                && port == replication.masterPort()) {
            Log.notice("REPLICAOF would result into synchronization with the master we are already connected with. "
                    + "No operation performed.");
            client.reply().status("OK Already connected to specified master");
            return;
        }
        server.masterLink().setMaster(host, port.intValue());
        Log.notice("REPLICAOF " + host + ":" + port + " enabled (user request from '" + ServerContext.describe(client) + "')");
        client.reply().ok();
    }

    /** ROLE on a replica: slave, the master's host and port, the link's state, the applied offset (-1 without a link). */
    public static void replicaRole(Client client) {
        ServerContext server = client.server();
        Replication replication = server.replication();
        ReplyWriter reply = client.reply();
        MasterLink link = server.masterLink();
        reply.arrayHeader(5);
        reply.bulk("slave");
        reply.bulk(replication.masterHost());
        reply.integer(replication.masterPort());
        reply.bulk(link.state().roleName());
        reply.integer(link.roleOffset());
    }
}
