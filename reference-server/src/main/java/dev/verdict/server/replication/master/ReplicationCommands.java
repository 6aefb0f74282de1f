package dev.verdict.server.replication.master;

import dev.verdict.server.Log;
import dev.verdict.server.ServerContext;
import dev.verdict.server.blocking.Timeouts;
import dev.verdict.server.client.Client;
import dev.verdict.server.command.Args;
import dev.verdict.server.command.CommandFamily;
import dev.verdict.server.command.CommandTable;
import dev.verdict.server.command.Errors;
import dev.verdict.server.replication.Replication;

import java.nio.charset.StandardCharsets;

/**
 * SYNC, PSYNC, REPLCONF, WAIT, ROLE and FAILOVER on a master (Redis's syncCommand,
 * replconfCommand, waitCommand, roleCommand, failoverCommand).
 */
public final class ReplicationCommands implements CommandFamily {

    private static final String NOT_INTEGER = "ERR value is not an integer or out of range";

    @Override
    public void register(CommandTable table) {
        table.bind("sync", ReplicationCommands::sync);
        table.bind("psync", ReplicationCommands::sync);
        table.bind("replconf", ReplicationCommands::replconf);
        table.bind("wait", ReplicationCommands::waitCommand);
        table.bind("role", ReplicationCommands::role);
        table.bind("failover", ReplicationCommands::failover);
    }

    private static ReplicationMaster master(Client client) {
        return client.server().replicationMaster();
    }

    /** syncCommand: PSYNC continues from the backlog when it can; otherwise (and for SYNC) a full resync. */
    private static void sync(Client client, byte[][] argv) {
        if (client.isReplica()) return; // already a replica: ignored
        ServerContext server = client.server();
        ReplicationMaster master = master(client);
        if (argv.length > 3 && Args.is(argv[0], "psync") && Args.is(argv[3], "failover")) {
            Log.warning("Failover request received for replid " + Args.utf8(argv[1]) + ".");
            if (!server.replication().isReplica()) {
                client.reply().error("ERR PSYNC FAILOVER can't be sent to a master.");
                return;
            }
            if (!Args.utf8(argv[1]).equalsIgnoreCase(server.replication().replid())) {
                client.reply().error("ERR PSYNC FAILOVER replid must match my replid.");
                return;
            }
            // the master hands over: this replica becomes master, and the PSYNC goes on as the old master's
            server.masterLink().unsetMaster();
            Log.notice("MASTER MODE enabled (failover request from '" + ServerContext.describe(client) + "')");
        }
        // replicas do not sync with a master that is failing over
        if (master.failover().state() != Failover.State.NONE) {
            client.reply().error("NOMASTERLINK Can't SYNC while failing over");
            return;
        }
        if (server.replication().isReplica() && !server.masterLink().connected()) {
            client.reply().error("NOMASTERLINK Can't SYNC while not connected with my master");
            return;
        }
        if (client.reply().hasOutput()) {
            client.reply().error("ERR SYNC and PSYNC are invalid with pending output");
            return;
        }
        Replica r = master.replicaOf(client);
        Log.notice("Replica " + r.name() + " asks for synchronization");
        if (Args.is(argv[0], "psync")) {
            Long offset = Args.parseLong(argv[2]);
            if (offset == null) {
                client.reply().error(NOT_INTEGER);
                Log.warning("Replica " + r.name() + " asks for synchronization but with a wrong offset");
                return;
            }
            if (tryPartialResync(master, r, Args.utf8(argv[1]), offset)) {
                master.syncPartialOk++;
                return;
            }
            if (argv[1].length == 0 || argv[1][0] != '?') master.syncPartialErr++;
        } else {
            r.preSync = true;
        }
        master.syncFull++;
        master.fullSync().start(r);
    }

    /** masterTryPartialResynchronization: +CONTINUE and the backlog from the offset, or false for a full resync. */
    private static boolean tryPartialResync(ReplicationMaster master, Replica r, String replid, long offset) {
        Replication rep = master.server().replication();
        boolean ours = replid.equalsIgnoreCase(rep.replid());
        boolean previous = replid.equalsIgnoreCase(rep.replid2());
        if (!ours && (!previous || offset > rep.secondReplOffset())) {
            if (!replid.startsWith("?")) {
                if (!previous) {
                    Log.notice("Partial resynchronization not accepted: Replication ID mismatch (Replica asked for '"
                            + replid + "', my replication IDs are '" + rep.replid() + "' and '" + rep.replid2() + "')");
                } else {
                    Log.notice("Partial resynchronization not accepted: Requested offset for second ID was " + offset
                            + ", but I can reply up to " + rep.secondReplOffset());
                }
            } else {
                Log.notice("Full resync requested by replica " + r.name());
            }
            return false;
        }
        ReplicationBacklog backlog = master.stream().backlog();
        if (backlog == null || !backlog.covers(offset)) {
            Log.notice("Unable to partial resync with replica " + r.name() + " for lack of backlog (Replica request was: "
                    + offset + ").");
            if (offset > rep.masterReplOffset()) {
                Log.warning("Warning: replica " + r.name()
                        + " tried to PSYNC with an offset that is greater than the master replication offset.");
            }
            return false;
        }
        r.state = Replica.State.ONLINE;
        r.ackTimeSeconds = System.currentTimeMillis() / 1000;
        r.startStreamOnAck = false;
        master.attach(r);
        String line = r.capaPsync2 ? "+CONTINUE " + rep.replid() + "\r\n" : "+CONTINUE\r\n";
        FullSync.writeNow(r.client(), line.getBytes(StandardCharsets.US_ASCII));
        byte[] missed = backlog.from(offset);
        r.startStreaming();
        if (missed.length > 0) r.write(missed, 0, missed.length);
        Log.notice("Partial resynchronization request from " + r.name() + " accepted. Sending " + missed.length
                + " bytes of backlog starting from offset " + offset + ".");
        master.refreshGoodReplicas();
        return true;
    }

    /** replconfCommand. */
    private static void replconf(Client client, byte[][] argv) {
        if (argv.length % 2 == 0) {
            client.reply().error(Errors.SYNTAX);
            return;
        }
        ReplicationMaster master = master(client);
        for (int j = 1; j < argv.length; j += 2) {
            byte[] option = argv[j];
            byte[] value = argv[j + 1];
            if (Args.is(option, "listening-port")) {
                Long port = Args.parseLong(value);
                if (port == null) {
                    client.reply().error(NOT_INTEGER);
                    return;
                }
                master.replicaOf(client).listeningPort = port.intValue();
            } else if (Args.is(option, "ip-address")) {
                if (value.length >= 256) {
                    client.reply().error("ERR REPLCONF ip-address provided by replica instance is too long: "
                            + value.length + " bytes");
                    return;
                }
                master.replicaOf(client).announcedIp = Args.utf8(value);
            } else if (Args.is(option, "capa")) {
                // capabilities this master does not know are ignored
                if (Args.is(value, "eof")) master.replicaOf(client).capaEof = true;
                else if (Args.is(value, "psync2")) master.replicaOf(client).capaPsync2 = true;
            } else if (Args.is(option, "ack")) {
                // from a replica about the stream it processed; never answered
                if (!client.isReplica()) return;
                Long offset = Args.parseLong(value);
                if (offset == null) return;
                Replica r = client.replica();
                if (offset > r.ackOffset) r.ackOffset = offset;
                r.ackTimeSeconds = System.currentTimeMillis() / 1000;
                if (r.startStreamOnAck && r.state == Replica.State.ONLINE) {
                    r.startStreamOnAck = false;
                    r.startStreaming();
                }
                return;
            } else if (Args.is(option, "getack")) {
                // asks a replica to ACK; a master has nothing to answer
                return;
            } else {
                client.reply().error("ERR Unrecognized REPLCONF option: " + Args.cString(option));
                return;
            }
        }
        client.reply().ok();
    }

    /** waitCommand: the replicas that acknowledged this client's last write, waiting up to the timeout for enough. */
    private static void waitCommand(Client client, byte[][] argv) {
        ServerContext server = client.server();
        if (server.replication().isReplica()) {
            client.reply().error("ERR WAIT cannot be used with replica instances. Please also note that since Redis 4.0 "
                    + "if a replica is configured to be writable (which is not the default) writes to replicas are "
                    + "just local and are not propagated.");
            return;
        }
        Long numReplicas = Args.parseLong(argv[1]);
        if (numReplicas == null) {
            client.reply().error(NOT_INTEGER);
            return;
        }
        long timeout = Timeouts.millis(client, argv[2]);
        if (timeout == Timeouts.INVALID) return;
        ReplicationMaster master = master(client);
        long offset = client.writeOffset();
        long acked = master.countAcks(offset);
        if (acked >= numReplicas || client.denyBlocking()) {
            client.reply().integer(acked);
            return;
        }
        long deadline = timeout == 0 ? 0 : Timeouts.deadlineAfter(client, timeout);
        master.waiters().block(client, offset, numReplicas, deadline);
    }

    /** failoverCommand: FAILOVER [TO host port [FORCE]] [TIMEOUT ms] | FAILOVER ABORT. */
    private static void failover(Client client, byte[][] argv) {
        ServerContext server = client.server();
        Failover failover = master(client).failover();
        if (argv.length == 2 && Args.is(argv[1], "abort")) {
            if (failover.state() == Failover.State.NONE) {
                client.reply().error("ERR No failover in progress.");
                return;
            }
            failover.abort("Failover manually aborted");
            client.reply().ok();
            return;
        }
        long timeout = 0;
        boolean force = false;
        String host = null;
        long port = 0;
        for (int j = 1; j < argv.length; j++) {
            if (Args.is(argv[j], "timeout") && j + 1 < argv.length && timeout == 0) {
                Long parsed = Args.parseLong(argv[j + 1]);
                if (parsed == null) {
                    client.reply().error(NOT_INTEGER);
                    return;
                }
                if (parsed <= 0) {
                    client.reply().error("ERR FAILOVER timeout must be greater than 0");
                    return;
                }
                timeout = parsed;
                j++;
            } else if (Args.is(argv[j], "to") && j + 2 < argv.length && host == null) {
                Long parsed = Args.parseLong(argv[j + 2]);
                if (parsed == null) {
                    client.reply().error(NOT_INTEGER);
                    return;
                }
                port = parsed;
                host = Args.utf8(argv[j + 1]);
                j += 2;
            } else if (Args.is(argv[j], "force") && !force) {
                force = true;
            } else {
                client.reply().error(Errors.SYNTAX);
                return;
            }
        }
        if (failover.state() != Failover.State.NONE) {
            client.reply().error("ERR FAILOVER already in progress.");
            return;
        }
        if (server.replication().isReplica()) {
            client.reply().error("ERR FAILOVER is not valid when server is a replica.");
            return;
        }
        if (master(client).replicaCount() == 0) {
            client.reply().error("ERR FAILOVER requires connected replicas.");
            return;
        }
        if (force && (timeout == 0 || host == null)) {
            client.reply().error("ERR FAILOVER with force option requires both a timeout and target HOST and IP.");
            return;
        }
        if (host != null) {
            Replica target = master(client).findReplica(host, (int) port);
            if (target == null || port != (int) port) {
                client.reply().error("ERR FAILOVER target HOST and PORT is not a replica.");
                return;
            }
            if (target.state != Replica.State.ONLINE) {
                client.reply().error("ERR FAILOVER target replica is not online.");
                return;
            }
        }
        failover.start(host, (int) port, timeout, force);
        client.reply().ok();
    }

    /** roleCommand: the replica side's form on a replica, the master form otherwise. */
    private static void role(Client client, byte[][] argv) {
        if (client.server().replication().isReplica()) {
            dev.verdict.server.replication.replica.ReplicaCommands.replicaRole(client);
        } else {
            master(client).role(client);
        }
    }
}
