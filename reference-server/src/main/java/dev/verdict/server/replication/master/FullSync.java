package dev.verdict.server.replication.master;

import dev.verdict.server.Log;
import dev.verdict.server.ServerContext;
import dev.verdict.server.client.Client;
import dev.verdict.server.persistence.Persistence;
import dev.verdict.server.persistence.RdbFiles;
import dev.verdict.server.persistence.rdb.RdbOutput;
import dev.verdict.server.persistence.rdb.RdbWriter;
import dev.verdict.server.replication.ReplicationIds;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.DefaultFileRegion;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Full resynchronization, as Redis 7.0's master does it: a replica that cannot continue waits
 * for a BGSAVE (WAIT_BGSAVE_START), is told {@code +FULLRESYNC <replid> <offset>} when the
 * snapshot begins at that offset (WAIT_BGSAVE_END; from then on the stream is held for it),
 * receives the RDB, from the file ({@code $<len>} and the file: SEND_BULK) or, diskless,
 * straight from the snapshot's serializer ({@code $EOF:<mark>}, the payload, the mark), and then
 * the held stream (ONLINE; after a diskless transfer only once it ACKs). The snapshot is the
 * server's background snapshot (BGSAVE's), so the event loop is never held for the dataset.
 */
final class FullSync {

    private final ServerContext server;
    private final ReplicationMaster master;

    FullSync(ServerContext server, ReplicationMaster master) {
        this.server = server;
        this.master = master;
    }

    private Persistence persistence() {
        return server.persistence();
    }

    /** hasActiveChildProcess: the keyspace's one snapshot is taken (BGSAVE, diskless sync, AOF rewrite). */
    private boolean snapshotBusy() {
        return persistence().bgsaveInProgress() || persistence().aof().snapshotBusy();
    }

    /** syncCommand after the partial resync failed: the replica waits for an RDB. */
    void start(Replica r) {
        r.state = Replica.State.WAIT_BGSAVE_START;
        r.waitingSinceMillis = System.currentTimeMillis();
        master.attach(r);
        master.createBacklogIfNeeded();
        if (persistence().bgsaveInProgress() && !persistence().socketSaveInProgress()) {
            // CASE 1: a BGSAVE to disk runs: usable when another replica registers differences since it began
            Replica other = null;
            for (Replica o : master.replicas()) {
                if (o != r && o.state == Replica.State.WAIT_BGSAVE_END) {
                    other = o;
                    break;
                }
            }
            if (other != null && (!other.capaEof || r.capaEof) && (!other.capaPsync2 || r.capaPsync2)) {
                r.copyHeldFrom(other);
                setupForFullResync(r, other.psyncInitialOffset);
                Log.notice("Waiting for end of BGSAVE for SYNC");
            } else {
                Log.notice("Can't attach the replica to the current BGSAVE. Waiting for next BGSAVE for SYNC");
            }
        } else if (persistence().socketSaveInProgress()) {
            Log.notice("Current BGSAVE has socket target. Waiting for next BGSAVE for SYNC");
        } else if (diskless() && r.capaEof && server.config().getLong("repl-diskless-sync-delay") > 0) {
            Log.notice("Delay next BGSAVE for diskless SYNC");
        } else if (!snapshotBusy()) {
            startBgsaveForReplication(r.capaEof);
        } else {
            Log.notice("No BGSAVE in progress, but another BG operation is active. BGSAVE for replication delayed");
        }
    }

    private boolean diskless() {
        return server.config().getBool("repl-diskless-sync");
    }

    /**
     * replicationSetupSlaveForFullResync: the replica's RDB stands for {@code offset}; the stream
     * from here is held for it, and the next command selects its database again.
     */
    private void setupForFullResync(Replica r, long offset) {
        r.psyncInitialOffset = offset;
        r.state = Replica.State.WAIT_BGSAVE_END;
        master.stream().forceSelect();
        if (!r.preSync) {
            writeNow(r.client(), ("+FULLRESYNC " + server.replication().replid() + " " + offset + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** Bytes written to the socket now, after any reply still pending (connWrite). */
    static void writeNow(Client client, byte[] bytes) {
        writeNow(client, Unpooled.wrappedBuffer(bytes));
    }

    private static void writeNow(Client client, ByteBuf bytes) {
        Channel ch = client.channel();
        ByteBuf pending = client.reply().takeOutput();
        if (pending != null) ch.write(pending, ch.voidPromise());
        ch.writeAndFlush(bytes, ch.voidPromise());
    }

    /**
     * startBgsaveForReplication: a socket target when diskless sync is on and the replicas
     * understand EOF marks, else a BGSAVE to the RDB file; replicas waiting to start are set up
     * at the offset where the snapshot begins, or dropped when it cannot start.
     */
    private void startBgsaveForReplication(boolean allCapaEof) {
        boolean toSockets = diskless() && allCapaEof;
        Log.notice("Starting BGSAVE for SYNC with target: " + (toSockets ? "replicas sockets" : "disk"));
        boolean started = toSockets ? startDiskless() : persistence().startBackgroundSave();
        if (!started) {
            Log.warning("BGSAVE for replication failed");
            for (Replica r : new ArrayList<>(master.replicas())) {
                if (r.state != Replica.State.WAIT_BGSAVE_START) continue;
                r.state = Replica.State.NONE;
                master.replicas().remove(r);
                r.client().reply().error("ERR BGSAVE failed, replication can't continue");
                r.client().closeAfterReply();
                server.markPendingWrite(r.client());
            }
            return;
        }
        if (!toSockets) {
            long offset = server.replication().masterReplOffset();
            for (Replica r : master.replicas()) {
                if (r.state == Replica.State.WAIT_BGSAVE_START) setupForFullResync(r, offset);
            }
        }
    }

    /**
     * rdbSaveToSlavesSockets: every replica waiting to start is told +FULLRESYNC at this offset,
     * and the snapshot that begins now is serialized, between EOF marks, to all their sockets.
     */
    private boolean startDiskless() {
        List<Replica> targets = new ArrayList<>();
        for (Replica r : master.replicas()) if (r.state == Replica.State.WAIT_BGSAVE_START) targets.add(r);
        List<Channel> channels = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Replica r : targets) {
            channels.add(r.client().channel());
            names.add(r.name());
        }
        long timeoutMillis = server.config().getLong("repl-timeout") * 1000;
        byte[] mark = ReplicationIds.random().getBytes(StandardCharsets.US_ASCII);
        RdbWriter.AuxFields aux = RdbFiles.auxFields(server, false);
        List<byte[]> functions = new ArrayList<>(persistence().functions());
        boolean compress = server.config().getBool("rdbcompression");
        boolean checksum = server.config().getBool("rdbchecksum");
        // +FULLRESYNC before anything of the payload: each is written now, the payload comes from the saver thread
        long offset = server.replication().masterReplOffset();
        for (Replica r : targets) setupForFullResync(r, offset);
        boolean started = persistence().startSocketSave(snapshot -> {
            SocketRdbStream out = new SocketRdbStream(channels, names, timeoutMillis, server.stats());
            out.write(("$EOF:" + new String(mark, StandardCharsets.US_ASCII) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            RdbWriter.write(new RdbOutput(out, compress), snapshot, aux, functions, checksum);
            out.write(mark);
            out.flush();
            return out.written();
        });
        if (!started) {
            for (Replica r : targets) r.state = Replica.State.WAIT_BGSAVE_START;
        }
        return started;
    }

    /**
     * replicationStartPendingFork / shouldStartChildForReplication: replicas waiting to start get
     * a BGSAVE once no snapshot runs, a diskless one after {@code repl-diskless-sync-delay}
     * (or as soon as {@code repl-diskless-sync-max-replicas} wait).
     */
    void startPendingIfDue(long nowMillis) {
        if (snapshotBusy()) return;
        int waiting = 0;
        boolean allEof = true;
        long maxIdle = 0;
        for (Replica r : master.replicas()) {
            if (r.state != Replica.State.WAIT_BGSAVE_START) continue;
            waiting++;
            allEof &= r.capaEof;
            maxIdle = Math.max(maxIdle, nowMillis - r.waitingSinceMillis);
        }
        if (waiting == 0) return;
        int maxReplicas = server.config().getInt("repl-diskless-sync-max-replicas");
        if (!diskless() || (maxReplicas > 0 && waiting >= maxReplicas)
                || maxIdle >= server.config().getLong("repl-diskless-sync-delay") * 1000) {
            startBgsaveForReplication(allEof);
        }
    }

    /** replicationCron: a newline to replicas waiting for a BGSAVE to disk, so they do not time out meanwhile. */
    void keepPreSyncAlive() {
        boolean socket = persistence().socketSaveInProgress();
        for (Replica r : master.replicas()) {
            if (r.state == Replica.State.WAIT_BGSAVE_START || (r.state == Replica.State.WAIT_BGSAVE_END && !socket)) {
                writeNow(r.client(), new byte[] {'\n'});
            }
        }
    }

    /** updateSlavesWaitingBgsave. */
    void backgroundSaveDone(boolean ok, boolean toSockets) {
        for (Replica r : new ArrayList<>(master.replicas())) {
            if (r.state != Replica.State.WAIT_BGSAVE_END) continue;
            if (!ok) {
                Log.warning("SYNC failed. BGSAVE child returned an error");
                master.closeAsync(r);
                continue;
            }
            if (toSockets) {
                Log.notice("Streamed RDB transfer with replica " + r.name()
                        + " succeeded (socket). Waiting for REPLCONF ACK from slave to enable streaming");
                // the stream must not be glued to the payload's end mark: it starts on the first ACK
                putOnline(r);
                r.startStreamOnAck = true;
            } else {
                sendFile(r);
            }
        }
    }

    /** The RDB file, opened now (a later BGSAVE renames a new one over it), sent as a bulk. */
    private void sendFile(Replica r) {
        FileChannel file;
        long size;
        try {
            file = FileChannel.open(persistence().rdbPath(), StandardOpenOption.READ);
            size = file.size();
        } catch (IOException e) {
            Log.warning("SYNC failed. Can't open/stat DB after BGSAVE: " + e.getMessage());
            master.closeAsync(r);
            return;
        }
        r.state = Replica.State.SEND_BULK;
        Channel ch = r.client().channel();
        writeNow(r.client(), ("$" + size + "\r\n").getBytes(StandardCharsets.US_ASCII));
        ch.writeAndFlush(new DefaultFileRegion(file, 0, size)).addListener(f -> {
            if (!f.isSuccess()) {
                Log.warning("Write error sending DB to replica: " + f.cause());
                master.closeAsync(r);
                return;
            }
            server.stats().netReplOutputBytes += size;
            if (r.state != Replica.State.SEND_BULK || !server.clients().containsKey(r.client().id())) return;
            putOnline(r);
            r.startStreaming();
            // this listener may run inside a write: the held stream goes out with the loop's next flush
            server.flushAfterReads(ch.eventLoop());
        });
    }

    /** replicaPutOnline. */
    private void putOnline(Replica r) {
        r.state = Replica.State.ONLINE;
        r.ackTimeSeconds = System.currentTimeMillis() / 1000;
        master.refreshGoodReplicas();
        Log.notice("Synchronization with replica " + r.name() + " succeeded");
    }
}
