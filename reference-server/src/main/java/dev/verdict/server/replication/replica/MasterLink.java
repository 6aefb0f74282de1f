package dev.verdict.server.replication.replica;

import dev.verdict.server.Log;
import dev.verdict.server.ServerContext;
import dev.verdict.server.net.NetworkServer;
import dev.verdict.server.persistence.RdbFiles;
import dev.verdict.server.persistence.rdb.RdbException;
import dev.verdict.server.persistence.rdb.RdbLoader;
import dev.verdict.server.replication.Replication;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A replica's link to its master (Redis 7.0.15's replication.c, replica side): REPLICAOF sets
 * or drops the master; the link connects without blocking on the server's own event loop, runs
 * the {@link Handshake}, receives a full resynchronization's RDB through an {@link RdbTransfer}
 * and loads it, or continues from the cached master after +CONTINUE, then applies the stream
 * through a {@link MasterClient}. Once a second ({@link #cron}, replicationCron) it retries a
 * lost link, enforces {@code repl-timeout} and sends {@code REPLCONF ACK}.
 * <p>
 * The cached master of Redis (what a PSYNC asks to continue) is always this server's own
 * replication id and offset: a replica adopts its master's, and a master turned replica offers
 * its own (replicationCacheMasterUsingMyself); {@link #cachedMaster} says whether there is one.
 * Owned by the event loop.
 */
public final class MasterLink {

    private static final long CRON_PERIOD_MILLIS = 1000;

    private final ServerContext server;
    private LinkState state = LinkState.NONE;
    /** The connection of the current attempt (handshake, transfer or stream), or null. */
    private Channel channel;
    private Handshake handshake;
    private RdbTransfer transfer;
    private Handshake.FullResync fullResync;
    private MasterClient master;
    private boolean cachedMaster;
    /** The database the cached master had selected: a continued stream carries no SELECT for it. */
    private int cachedDb;
    /** repl_transfer_lastio during the handshake and transfer; the master's lastinteraction once connected. */
    private long lastIoMillis;
    /** repl_down_since, 0 when the link never went down (or is up). */
    private long downSinceMillis;
    private long lastCronMillis;

    public MasterLink(ServerContext server) {
        this.server = server;
    }

    private Replication replication() {
        return server.replication();
    }

    public LinkState state() {
        return state;
    }

    /** master_link_status:up. */
    public boolean connected() {
        return state == LinkState.CONNECTED;
    }

    MasterClient master() {
        return master;
    }

    /**
     * rdbPopulateSaveInfo on a replica: the database the master's stream is in (the master
     * client's, or the cached master's), or -1 when there is neither (nothing to continue).
     */
    public int streamDb() {
        if (master != null) return master.client().db().id();
        return cachedMaster ? cachedDb : -1;
    }

    /**
     * loadDataFromDisk on a replica: the replication id, offset and stream database the RDB was
     * saved with become a cached master, so the first PSYNC after a restart can continue.
     */
    public void cacheFromRdb(String replid, long offset, int streamDb) {
        if (!replication().isReplica() || master != null) return;
        replication().adopt(replid, offset);
        Log.notice("Before turning into a replica, using my own master parameters to synthesize a cached master: "
                + "I may be able to synchronize with the new master with just a partial transfer.");
        cachedMaster = true;
        cachedDb = streamDb;
    }

    // ---- REPLICAOF

    /** The {@code replicaof} directive: a replica from the start, without a cached master; the cron connects. */
    public void configureAtStartup(String directive) {
        String[] parts = directive.trim().split("\\s+");
        int port;
        try {
            port = parts.length == 2 ? Integer.parseInt(parts[1]) : -1;
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 0 || port > 65535) {
            Log.warning("Invalid replicaof directive: " + directive);
            return;
        }
        replication().followMaster(parts[0], port);
        server.keyspace().expiry().replica(true);
        Log.role('S');
        state = LinkState.CONNECT;
    }

    /** replicationSetMaster: REPLICAOF host port. */
    public void setMaster(String host, int port) {
        boolean wasMaster = !replication().isReplica();
        if (master != null) dropMaster();
        server.blocked().disconnectAll("UNBLOCKED force unblock from blocking operation, instance state changed (master -> replica?)");
        cancelHandshake();
        replication().followMaster(host, port);
        // CONFIG GET replicaof (and CONFIG REWRITE) show the master REPLICAOF set, as Redis's
        server.config().set("replicaof", host + " " + port);
        server.keyspace().expiry().replica(true);
        Log.role('S');
        if (wasMaster) {
            discardCachedMaster();
            Log.notice("Before turning into a replica, using my own master parameters to synthesize a cached master: "
                    + "I may be able to synchronize with the new master with just a partial transfer.");
            cachedMaster = true;
            cachedDb = 0;
            downSinceMillis = 0;
        }
        state = LinkState.CONNECT;
        Log.notice("Connecting to MASTER " + host + ":" + port);
        connect();
    }

    /** replicationUnsetMaster: REPLICAOF NO ONE; the data stays, the history continues under a new id. */
    public void unsetMaster() {
        if (!replication().isReplica()) return;
        replication().becomeMaster();
        server.config().set("replicaof", "");
        if (master != null) dropMaster();
        discardCachedMaster();
        cancelHandshake();
        String old = replication().replid();
        replication().shiftId();
        Log.warning("Setting secondary replication ID to " + old + ", valid up to offset: "
                + replication().secondReplOffset() + ". New replication ID is " + replication().replid());
        server.replicationMaster().historyChanged();
        state = LinkState.NONE;
        downSinceMillis = 0;
        server.keyspace().expiry().replica(false);
        Log.role('M');
    }

    private void discardCachedMaster() {
        if (!cachedMaster) return;
        Log.notice("Discarding previously cached master state.");
        cachedMaster = false;
    }

    // ---- connecting and the handshake

    private void connect() {
        EventLoop loop = server.loop();
        Log.notice("MASTER <-> REPLICA sync started");
        if (loop == null) return; // an embedded context without a network stays in CONNECT
        state = LinkState.CONNECTING;
        lastIoMillis = System.currentTimeMillis();
        Bootstrap bootstrap = new Bootstrap().group(loop).channel(NetworkServer.clientChannelType())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeoutMillis()))
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new LinkHandler(this));
        java.net.SocketAddress master = java.net.InetSocketAddress.createUnresolved(replication().masterHost(),
                replication().masterPort());
        // bind-source-addr: the link leaves from this address, as connectWithMaster binds it
        String source = server.config().get("bind-source-addr");
        ChannelFuture future = source == null || source.isEmpty()
                ? bootstrap.connect(master)
                : bootstrap.connect(master, new java.net.InetSocketAddress(source, 0));
        channel = future.channel();
        future.addListener(done -> connected(future.channel(), done.isSuccess(), done.cause()));
    }

    private void connected(Channel ch, boolean success, Throwable cause) {
        if (ch != channel) return;
        if (!success) {
            Log.warning("Error condition on socket for SYNC: " + describe(cause));
            channel = null;
            state = LinkState.CONNECT;
            return;
        }
        Log.notice("Non blocking connect for SYNC fired the event.");
        state = LinkState.HANDSHAKE;
        lastIoMillis = System.currentTimeMillis();
        boolean failover = server.replicationMaster().failover().inProgress();
        handshake = cachedMaster
                ? new Handshake(ch, server.config(), replication().replid(), replication().masterReplOffset(), failover)
                : new Handshake(ch, server.config(), null, -1, failover);
        handshake.start();
    }

    private static String describe(Throwable cause) {
        if (cause == null) return "unknown error";
        String message = cause.getMessage();
        if (message != null && message.contains("Connection refused")) return "Connection refused";
        return message == null ? cause.toString() : message;
    }

    /** Bytes arrived on {@code ch} (the master's lastinteraction, repl_transfer_lastio). */
    void arrived(Channel ch) {
        if (ch == channel) lastIoMillis = System.currentTimeMillis();
    }

    /** What the handshake or the transfer can use of {@code in}; the stream's bytes are left for the handler. */
    void consume(ChannelHandlerContext ctx, ByteBuf in) {
        if (ctx.channel() != channel) {
            in.skipBytes(in.readableBytes());
            return;
        }
        while (in.isReadable()) {
            if (state == LinkState.HANDSHAKE) {
                String line = Resp.readLine(in);
                if (line == null) return;
                Handshake.Outcome outcome = handshake.onLine(line);
                if (outcome instanceof Handshake.Failed failed) {
                    cancelHandshake();
                    // a failover's target that refuses the PSYNC ends the failover: this server is a master again
                    if (failed.psyncRefused()) server.replicationMaster().failover().targetAnswered(false);
                    return;
                } else if (outcome instanceof Handshake.FullResync full) {
                    startTransfer(full);
                    server.replicationMaster().failover().targetAnswered(true);
                } else if (outcome instanceof Handshake.Continue cont) {
                    continueCachedMaster(ctx, cont.newReplid());
                    server.replicationMaster().failover().targetAnswered(true);
                    return;
                }
            } else if (state == LinkState.TRANSFER) {
                RdbTransfer.Progress progress;
                try {
                    progress = transfer.consume(in);
                } catch (IOException e) {
                    Log.warning("Write error or short write writing to the DB dump file needed for MASTER <-> REPLICA "
                            + "synchronization: " + e.getMessage());
                    cancelHandshake();
                    return;
                }
                if (progress == RdbTransfer.Progress.FAILED) {
                    cancelHandshake();
                    return;
                }
                if (progress == RdbTransfer.Progress.DONE) loadTransfer(ctx);
                return;
            } else {
                return;
            }
        }
    }

    private void startTransfer(Handshake.FullResync full) {
        handshake = null;
        fullResync = full;
        transfer = new RdbTransfer(Path.of(server.config().get("dir")).toAbsolutePath());
        state = LinkState.TRANSFER;
    }

    /**
     * The RDB has arrived: it becomes this server's dump file and its dataset, as
     * readSyncBulkPayload does it with repl-diskless-load disabled (blocking, as in Redis).
     */
    private void loadTransfer(ChannelHandlerContext ctx) {
        RdbTransfer done = transfer;
        transfer = null;
        server.persistence().killBackgroundSave();
        Path rdb = server.persistence().rdbPath();
        try {
            RdbFiles.publish(done.file(), rdb);
        } catch (IOException e) {
            Log.warning("Failed trying to rename the temp DB into " + rdb.getFileName()
                    + " in MASTER <-> REPLICA synchronization: " + e.getMessage());
            done.discard();
            cancelHandshake();
            return;
        }
        // replicationAttachToNewMaster: only a complete payload ends the old history (a failed transfer can still PSYNC)
        discardCachedMaster();
        server.replicationMaster().attachToNewMaster();
        Log.notice("MASTER <-> REPLICA sync: Flushing old data");
        server.keyspaceFlushing(-1);
        server.keyspace().flushAll();
        Log.notice("MASTER <-> REPLICA sync: Loading DB in memory");
        RdbLoader.Result loaded;
        try {
            loaded = server.persistence().loadRdb(rdb);
        } catch (IOException | RdbException | RuntimeException e) {
            Log.warning("Failed trying to load the MASTER synchronization DB from disk, check server logs. (" + e.getMessage() + ")");
            cancelHandshake();
            return;
        }
        replication().adopt(fullResync.replid(), fullResync.offset());
        server.replicationMaster().ensureBacklog();
        startStream(ctx, streamDb(loaded), fullResync.offset());
        fullResync = null;
        Log.notice("MASTER <-> REPLICA sync: Finished with success");
        if (server.persistence().aof().on()) {
            // restartAOFAfterSYNC: the AOF must start over from the new dataset
            server.persistence().aof().stopAppendOnly();
            server.persistence().aof().startAppendOnly(server.persistence(), false);
        }
        // a diskless master waits for this first ACK before it streams
        if (done.usedEofMark()) sendAck(master.applied());
    }

    /** The database the master's stream continues in without a SELECT (the RDB's repl-stream-db). */
    private int streamDb(RdbLoader.Result loaded) {
        String db = loaded.aux("repl-stream-db");
        if (db == null) return 0;
        try {
            int index = Integer.parseInt(db);
            return index >= 0 && index < server.keyspace().count() ? index : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** replicationResurrectCachedMaster after +CONTINUE. */
    private void continueCachedMaster(ChannelHandlerContext ctx, String newReplid) {
        handshake = null;
        if (newReplid != null && !newReplid.equals(replication().replid())) {
            Log.warning("Master replication ID changed to " + newReplid);
            replication().switchId(newReplid);
            server.replicationMaster().historyChanged();
        }
        // a replica continuing after a restart or a promotion may have no backlog yet
        server.replicationMaster().ensureBacklog();
        cachedMaster = false;
        startStream(ctx, cachedDb, replication().masterReplOffset());
        Log.notice("MASTER <-> REPLICA sync: Master accepted a Partial Resynchronization.");
    }

    private void startStream(ChannelHandlerContext ctx, int db, long offset) {
        master = new MasterClient(server, this, channel, db, offset);
        ((LinkHandler) ctx.handler()).startStream(ctx, master);
        state = LinkState.CONNECTED;
        downSinceMillis = 0;
        lastIoMillis = System.currentTimeMillis();
    }

    /** After a read batch on the link: the master client's (dropped) replies and the AOF are flushed as for any client. */
    void readBatchDone(ChannelHandlerContext ctx) {
        server.flushAfterReads(ctx.executor());
    }

    // ---- losing the link

    /** The connection closed, from either side. */
    void closed(Channel ch) {
        if (ch != channel) return;
        if (master != null) {
            dropMaster();
        } else if (state == LinkState.HANDSHAKE || state == LinkState.TRANSFER || state == LinkState.CONNECTING) {
            Log.warning("Master closed the connection during the synchronization");
            cancelHandshake();
        }
    }

    /**
     * freeClient(server.master) and replicationCacheMaster: the master client goes, an open
     * transaction with it (its commands never counted), and its position is kept for a PSYNC.
     */
    private void dropMaster() {
        MasterClient dropped = master;
        master = null;
        Log.warning("Connection with master lost.");
        Log.notice("Caching the disconnected master state.");
        cachedDb = dropped.client().db().id();
        if (dropped.client().transaction().inMulti()) {
            dev.verdict.server.transaction.TransactionCommands.discardTransaction(dropped.client());
        }
        server.disconnect(dropped.client());
        cachedMaster = true;
        Channel ch = channel;
        channel = null;
        if (ch != null) ch.close();
        state = LinkState.CONNECT;
        downSinceMillis = System.currentTimeMillis();
    }

    /** cancelReplicationHandshake: the attempt is abandoned; the next replication tick tries again. */
    private void cancelHandshake() {
        if (transfer != null) {
            transfer.discard();
            transfer = null;
        }
        handshake = null;
        fullResync = null;
        Channel ch = channel;
        channel = null;
        if (ch != null) ch.close();
        if (state != LinkState.NONE && state != LinkState.CONNECTED) state = LinkState.CONNECT;
    }

    /** The server is closing: the connection to the master goes without ceremony (no caching, no retry). */
    public void close() {
        if (master != null) server.disconnect(master.client());
        master = null;
        if (transfer != null) transfer.discard();
        transfer = null;
        handshake = null;
        Channel ch = channel;
        channel = null;
        if (ch != null) ch.close();
    }

    // ---- replicationCron

    /** Called by the server cron; runs once a second. */
    public void cron(long nowMillis) {
        if (nowMillis - lastCronMillis < CRON_PERIOD_MILLIS) return;
        lastCronMillis = nowMillis;
        if (!replication().isReplica()) return;
        long timeout = timeoutMillis();
        long now = System.currentTimeMillis();
        if ((state == LinkState.CONNECTING || state == LinkState.HANDSHAKE) && now - lastIoMillis > timeout) {
            Log.warning("Timeout connecting to the MASTER...");
            cancelHandshake();
        }
        if (state == LinkState.TRANSFER && now - lastIoMillis > timeout) {
            Log.warning("Timeout receiving bulk data from MASTER... If the problem persists try to set the "
                    + "'repl-timeout' parameter in redis.conf to a larger value.");
            cancelHandshake();
        }
        if (state == LinkState.CONNECTED && now - lastIoMillis > timeout) {
            Log.warning("MASTER timeout: no data nor PING received...");
            dropMaster();
        }
        if (state == LinkState.CONNECT) {
            Log.notice("Connecting to MASTER " + replication().masterHost() + ":" + replication().masterPort());
            connect();
        }
        if (master != null) sendAck(master.applied());
    }

    private long timeoutMillis() {
        return server.config().getLong("repl-timeout") * 1000;
    }

    /** replicationSendAck: REPLCONF ACK with the offset applied so far. */
    void sendAck(long offset) {
        Channel ch = channel;
        if (ch == null || !ch.isActive()) return;
        ch.writeAndFlush(Resp.command("REPLCONF", "ACK", Long.toString(offset)), ch.voidPromise());
    }

    // ---- ROLE and INFO

    /** The offset ROLE shows: the master client's, -1 while there is none. */
    public long roleOffset() {
        return master != null ? master.applied() : -1;
    }

    /** The replica fields of INFO replication, after role:slave, in Redis 7.0.15's order. */
    public void info(StringBuilder out) {
        long now = System.currentTimeMillis();
        long applied;
        long received;
        if (master != null) {
            applied = master.applied();
            received = master.received();
        } else if (cachedMaster) {
            applied = replication().masterReplOffset();
            received = applied;
        } else {
            applied = 1;
            received = 1;
        }
        field(out, "master_host", replication().masterHost());
        field(out, "master_port", replication().masterPort());
        field(out, "master_link_status", state == LinkState.CONNECTED ? "up" : "down");
        field(out, "master_last_io_seconds_ago", master != null ? (now - lastIoMillis) / 1000 : -1);
        field(out, "master_sync_in_progress", state == LinkState.TRANSFER ? 1 : 0);
        field(out, "slave_read_repl_offset", received);
        field(out, "slave_repl_offset", applied);
        if (state == LinkState.TRANSFER) {
            long size = transfer.size();
            long read = transfer.bytesRead();
            // before the header the size is -1, which Redis divides by all the same: -0.00
            double perc = size != 0 ? (double) read / size * 100 : 0;
            field(out, "master_sync_total_bytes", size);
            field(out, "master_sync_read_bytes", read);
            field(out, "master_sync_left_bytes", size - read);
            field(out, "master_sync_perc", String.format(java.util.Locale.ROOT, "%.2f", perc));
            field(out, "master_sync_last_io_seconds_ago", (now - lastIoMillis) / 1000);
        }
        if (state != LinkState.CONNECTED) {
            field(out, "master_link_down_since_seconds", downSinceMillis != 0 ? (now - downSinceMillis) / 1000 : -1);
        }
        field(out, "slave_priority", server.config().getInt("replica-priority"));
        field(out, "slave_read_only", server.config().getBool("replica-read-only") ? 1 : 0);
        field(out, "replica_announced", server.config().getBool("replica-announced") ? 1 : 0);
    }

    private static void field(StringBuilder out, String name, Object value) {
        out.append(name).append(':').append(value).append("\r\n");
    }
}
