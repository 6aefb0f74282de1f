package dev.verdict.server.client;

import dev.verdict.server.ServerContext;
import dev.verdict.server.db.Database;
import dev.verdict.server.pubsub.Subscriptions;
import dev.verdict.server.resp.ReplyWriter;
import dev.verdict.server.transaction.Transaction;
import io.netty.channel.Channel;

import java.util.ArrayDeque;

/**
 * One connection's state (Redis's {@code client} struct): selected database, protocol,
 * authentication, name, transaction, subscriptions, and its pending replies. Touched only by
 * the event-loop thread.
 */
public final class Client {

    /** CLIENT REPLY modes. */
    public enum ReplyMode { ON, OFF, SKIP }

    private final long id;
    private final ServerContext server;
    private final Channel channel;
    private final ReplyWriter reply;
    private final long createdAtMillis;
    private final Transaction transaction = new Transaction();
    private final Subscriptions subscriptions = new Subscriptions();
    private Database db;
    private boolean authenticated;
    private String name = "";
    private boolean closeAfterReply;
    private long lastInteractionMillis;
    private ReplyMode replyMode = ReplyMode.ON;
    private boolean skipNextReply;
    private boolean skipCurrentReply;
    private boolean denyBlocking;
    private boolean monitor;
    private boolean noEvict;
    private boolean master;
    private String lastCommand = "NULL";
    private long outputSoftLimitSince;
    private ArrayDeque<byte[][]> postponed;
    private boolean pendingWrite;
    /** Replication state of a client that sent REPLCONF or SYNC/PSYNC (Redis's slave_* fields), or null. */
    private dev.verdict.server.replication.master.Replica replica;
    /** The replication offset right after this client's last propagated write (Redis's woff, for WAIT). */
    private long writeOffset;
    /** CLIENT TRACKING state while tracking is on, else null (one field check on the read path). */
    private dev.verdict.server.tracking.ClientTracking tracking;

    public Client(long id, ServerContext server, Channel channel) {
        this.id = id;
        this.server = server;
        this.channel = channel;
        this.reply = new ReplyWriter(channel.alloc());
        this.reply.onError(server.stats()::countError);
        this.createdAtMillis = server.clock().millis();
        this.lastInteractionMillis = createdAtMillis;
        this.db = server.keyspace().db(0);
        this.authenticated = !server.requiresPassword();
    }

    public long id() {
        return id;
    }

    public ServerContext server() {
        return server;
    }

    public Channel channel() {
        return channel;
    }

    /** Where this client's replies are written. */
    public ReplyWriter reply() {
        return reply;
    }

    public Database db() {
        return db;
    }

    public void select(int index) {
        db = server.keyspace().db(index);
    }

    public int protocol() {
        return reply.protocol();
    }

    public boolean authenticated() {
        return authenticated;
    }

    public void authenticated(boolean authenticated) {
        this.authenticated = authenticated;
    }

    public String name() {
        return name;
    }

    public void name(String name) {
        this.name = name;
    }

    public Transaction transaction() {
        return transaction;
    }

    public Subscriptions subscriptions() {
        return subscriptions;
    }

    /** The connection closes once the replies written so far are sent (QUIT, protocol errors). */
    public void closeAfterReply() {
        closeAfterReply = true;
    }

    public boolean closingAfterReply() {
        return closeAfterReply;
    }

    public long createdAtMillis() {
        return createdAtMillis;
    }

    public long lastInteractionMillis() {
        return lastInteractionMillis;
    }

    public void touch(long nowMillis) {
        lastInteractionMillis = nowMillis;
    }

    public ReplyMode replyMode() {
        return replyMode;
    }

    public void replyMode(ReplyMode mode) {
        this.replyMode = mode;
    }

    /** CLIENT REPLY SKIP: the next command's reply is dropped. */
    public void skipNextReply(boolean skip) {
        this.skipNextReply = skip;
    }

    public boolean skippingNextReply() {
        return skipNextReply;
    }

    /** The reply of the command now running is dropped (the one after CLIENT REPLY SKIP). */
    public boolean skippingCurrentReply() {
        return skipCurrentReply;
    }

    public void skipCurrentReply(boolean skip) {
        this.skipCurrentReply = skip;
    }

    /** True while nothing written to this client may reach it (CLIENT REPLY OFF). */
    public boolean repliesOff() {
        return replyMode == ReplyMode.OFF;
    }

    /**
     * Blocking commands must not block (inside EXEC, scripts): BLPOP and friends answer as if
     * their timeout expired at once (Redis's CLIENT_DENY_BLOCKING).
     */
    public boolean denyBlocking() {
        return denyBlocking;
    }

    public void denyBlocking(boolean deny) {
        this.denyBlocking = deny;
    }

    public boolean monitor() {
        return monitor;
    }

    public void monitor(boolean monitor) {
        this.monitor = monitor;
    }

    /**
     * The connection to this replica's master (CLIENT_MASTER): it applies the replication
     * stream, its replies are dropped, and it passes the read-only and stale-data checks.
     */
    public boolean isMaster() {
        return master;
    }

    public void markMaster() {
        this.master = true;
    }

    public boolean noEvict() {
        return noEvict;
    }

    public void noEvict(boolean noEvict) {
        this.noEvict = noEvict;
    }

    /** The full name of the last command looked up, "NULL" for an unknown one (CLIENT LIST's cmd=). */
    public String lastCommand() {
        return lastCommand;
    }

    public void lastCommand(String fullName) {
        this.lastCommand = fullName;
    }

    /** When the output buffer first passed its soft limit (0 while below it). */
    public long outputSoftLimitSince() {
        return outputSoftLimitSince;
    }

    public void outputSoftLimitSince(long millis) {
        this.outputSoftLimitSince = millis;
    }

    /** Commands held back while the server is paused (CLIENT PAUSE), oldest first; null when none. */
    public ArrayDeque<byte[][]> postponed() {
        return postponed;
    }

    public void postpone(byte[][] argv) {
        if (postponed == null) postponed = new ArrayDeque<>();
        postponed.add(argv);
    }

    public void clearPostponed() {
        postponed = null;
    }

    /** Whether the client is on the server's list of outputs to flush at the end of the batch. */
    public boolean pendingWrite() {
        return pendingWrite;
    }

    public void pendingWrite(boolean pending) {
        this.pendingWrite = pending;
    }

    public dev.verdict.server.replication.master.Replica replica() {
        return replica;
    }

    public void replica(dev.verdict.server.replication.master.Replica replica) {
        this.replica = replica;
    }

    /** True for a client attached as a replica of this server (Redis's CLIENT_SLAVE). */
    public boolean isReplica() {
        return replica != null && replica.attached();
    }

    public long writeOffset() {
        return writeOffset;
    }

    public void writeOffset(long offset) {
        this.writeOffset = offset;
    }

    /**
     * Bytes of replies not yet handed to the kernel: our buffer plus Netty's outbound queue, plus
     * for a replica the stream held while its RDB is produced and sent.
     */
    public long outputBytes() {
        long pending = reply.pendingBytes();
        if (replica != null) pending += replica.heldBytes();
        io.netty.channel.ChannelOutboundBuffer outbound = channel.unsafe().outboundBuffer();
        if (outbound != null) pending += outbound.totalPendingWriteBytes();
        return pending;
    }

    public dev.verdict.server.tracking.ClientTracking tracking() {
        return tracking;
    }

    public void tracking(dev.verdict.server.tracking.ClientTracking tracking) {
        this.tracking = tracking;
    }
}
