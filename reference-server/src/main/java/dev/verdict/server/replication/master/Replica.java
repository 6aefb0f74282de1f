package dev.verdict.server.replication.master;

import dev.verdict.server.client.Client;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.net.InetSocketAddress;

/**
 * One client's replica state (Redis's slave_* fields of the client struct): what it announced
 * with REPLCONF, where its synchronization stands, the offset it acknowledged, and the stream it
 * has not been sent yet. Until it is online the stream is held here, so that nothing is written
 * to its socket between +FULLRESYNC and the end of the RDB payload.
 */
public final class Replica {

    /** Redis's SLAVE_STATE_*; NONE for a client that only sent REPLCONF so far. */
    public enum State {
        NONE(""), WAIT_BGSAVE_START("wait_bgsave"), WAIT_BGSAVE_END("wait_bgsave"), SEND_BULK("send_bulk"),
        ONLINE("online");

        /** replstateToString, as INFO shows it. */
        final String info;

        State(String info) {
            this.info = info;
        }
    }

    private final Client client;
    State state = State.NONE;
    int listeningPort;
    String announcedIp;
    boolean capaEof;
    boolean capaPsync2;
    /** Came with SYNC (CLIENT_PRE_PSYNC): no +FULLRESYNC line, no ACKs expected. */
    boolean preSync;
    long ackOffset;
    long ackTimeSeconds;
    /** The offset its RDB stands for (psync_initial_offset). */
    long psyncInitialOffset;
    /** After a diskless transfer the stream starts on the first ACK (repl_start_cmd_stream_on_ack). */
    boolean startStreamOnAck;
    /** Since when it waits for a delayed diskless sync (lastinteraction of shouldStartChildForReplication). */
    long waitingSinceMillis;
    /** Already scheduled to close (output limit): not scheduled again. */
    boolean closing;
    private ByteBuf held;
    private boolean streaming;

    Replica(Client client) {
        this.client = client;
    }

    public Client client() {
        return client;
    }

    /** Attached as a replica (CLIENT_SLAVE): SYNC or PSYNC was accepted. */
    public boolean attached() {
        return state != State.NONE;
    }

    /** Stream bytes waiting for the end of the synchronization (counted against the replica output limit). */
    public long heldBytes() {
        return held == null ? 0 : held.readableBytes();
    }

    /** Appends stream bytes: written to the socket once online, held until then. */
    void write(byte[] b, int off, int len) {
        if (streaming) {
            client.reply().raw(b, off, len);
            client.server().markPendingWrite(client);
            return;
        }
        if (held == null) held = Unpooled.buffer(Math.max(len, 4096));
        held.writeBytes(b, off, len);
    }

    /** copyReplicaOutputBuffer: a replica joining a running BGSAVE gets what the other one accumulated. */
    void copyHeldFrom(Replica other) {
        if (other.held == null || !other.held.isReadable()) return;
        if (held == null) held = Unpooled.buffer(other.held.readableBytes());
        held.writeBytes(other.held, other.held.readerIndex(), other.held.readableBytes());
    }

    boolean streaming() {
        return streaming;
    }

    /** replicaStartCommandStream: what was held goes out now, and from here on the stream goes straight out. */
    void startStreaming() {
        streaming = true;
        if (held != null) {
            if (held.isReadable()) {
                byte[] b = new byte[held.readableBytes()];
                held.readBytes(b);
                client.reply().raw(b);
            }
            held.release();
            held = null;
        }
        client.server().markPendingWrite(client);
    }

    void release() {
        if (held != null) {
            held.release();
            held = null;
        }
    }

    /** The address INFO and ROLE show: the announced one, else the peer's. */
    String ip() {
        if (announcedIp != null) return announcedIp;
        if (client.channel().remoteAddress() instanceof InetSocketAddress a) return a.getAddress().getHostAddress();
        return "?";
    }

    /** replicationGetSlaveName, for log lines. */
    String name() {
        return listeningPort != 0 ? ip() + ":" + listeningPort : ip() + ":<unknown-replica-port>";
    }
}
