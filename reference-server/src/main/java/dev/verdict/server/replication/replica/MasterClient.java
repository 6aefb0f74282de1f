package dev.verdict.server.replication.replica;

import dev.verdict.server.Log;
import dev.verdict.server.ServerContext;
import dev.verdict.server.client.Client;
import dev.verdict.server.command.Args;
import dev.verdict.server.resp.MultiBulk;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * The master as a client of this replica (Redis's server.master): each command of the
 * replication stream runs through the dispatcher like any client's, with its replies dropped,
 * and moves the replica's offset by its size once it is applied. A transaction counts only when
 * its EXEC has run, so an ACK never reports half a MULTI block (commandProcessed's reploff).
 * {@code REPLCONF GETACK} is answered here with the offset applied before it.
 */
final class MasterClient extends ChannelInboundHandlerAdapter {

    private final ServerContext server;
    private final MasterLink link;
    private final Client client;
    /** reploff: the stream applied so far. */
    private long applied;
    /** Bytes of every command handed to the dispatcher, a transaction still open included. */
    private long consumed;
    /** read_reploff: the stream received so far. */
    private long received;
    /**
     * The commands consumed but not yet applied (an open transaction), as the master sent them:
     * once applied they go on to this replica's backlog and replicas.
     */
    private byte[] pending = new byte[4096];
    private int pendingLength;

    MasterClient(ServerContext server, MasterLink link, io.netty.channel.Channel channel, int db, long offset) {
        this.server = server;
        this.link = link;
        this.client = server.connect(channel);
        client.markMaster();
        client.authenticated(true);
        client.select(db);
        this.applied = offset;
        this.consumed = offset;
        this.received = offset;
    }

    Client client() {
        return client;
    }

    long applied() {
        return applied;
    }

    long received() {
        return received;
    }

    void read(int bytes) {
        received += bytes;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (link.master() != this) return; // dropped (CLIENT KILL, REPLICAOF) while bytes were still queued
        apply((byte[][]) msg);
    }

    private void apply(byte[][] argv) {
        consumed += Resp.size(argv);
        pendingLength = MultiBulk.encode(pendingBytes(MultiBulk.maxLength(argv)), pendingLength, argv);
        if (isGetAck(argv)) {
            link.sendAck(applied);
        } else {
            long errors = client.reply().errorCount();
            server.keyspace().expiry().masterCommand(true);
            try {
                server.dispatcher().dispatch(client, argv);
            } finally {
                server.keyspace().expiry().masterCommand(false);
            }
            if (client.reply().errorCount() != errors) {
                // the datasets may now differ: Redis logs this, as here, and goes on
                Log.warning("== CRITICAL == This replica is sending an error to its master after processing the command '"
                        + Args.cString(argv[0]) + "'");
            }
        }
        // a command held by CLIENT PAUSE has not run yet: it counts with the first one applied after it
        if (!client.transaction().inMulti() && client.postponed() == null && consumed != applied) {
            server.replicationMaster().proxyMasterStream(pending, pendingLength);
            pendingLength = 0;
            if (pending.length > 1 << 20) pending = new byte[4096];
            applied = consumed;
        }
    }

    /** Room for {@code more} bytes after what is already waiting to be passed on. */
    private byte[] pendingBytes(int more) {
        if (pendingLength + more > pending.length) {
            pending = java.util.Arrays.copyOf(pending, Math.max(pending.length * 2, pendingLength + more));
        }
        return pending;
    }

    private static boolean isGetAck(byte[][] argv) {
        return argv.length >= 2 && Args.is(argv[0], "REPLCONF")
                && Args.is(argv[1], "GETACK");
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Throwable root = cause.getCause() != null ? cause.getCause() : cause;
        Log.warning("Protocol error from master, closing the replication link: " + root.getMessage());
        ctx.close();
    }
}
