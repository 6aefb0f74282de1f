package dev.verdict.server.client;

import dev.verdict.server.ServerContext;
import dev.verdict.server.db.Database;
import dev.verdict.server.resp.ReplyWriter;
import io.netty.channel.Channel;

/**
 * One connection's state (Redis's {@code client} struct): selected database, protocol,
 * authentication, name, and its pending replies. Touched only by the event-loop thread.
 */
public final class Client {

    private final long id;
    private final ServerContext server;
    private final Channel channel;
    private final ReplyWriter reply;
    private final long createdAtMillis;
    private Database db;
    private boolean authenticated;
    private String name = "";
    private boolean closeAfterReply;
    private long lastInteractionMillis;
    private boolean denyBlocking;

    public Client(long id, ServerContext server, Channel channel) {
        this.id = id;
        this.server = server;
        this.channel = channel;
        this.reply = new ReplyWriter(channel.alloc());
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

    /** The connection closes once the replies written so far are sent (QUIT, protocol errors). */
    public void closeAfterReply() {
        closeAfterReply = true;
    }

    public boolean closingAfterReply() {
        return closeAfterReply;
    }

    /**
     * Redis's CLIENT_DENY_BLOCKING: set while EXEC or a script runs the client's commands, so
     * blocking commands answer at once as if they timed out.
     */
    public boolean denyBlocking() {
        return denyBlocking;
    }

    public void denyBlocking(boolean deny) {
        denyBlocking = deny;
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
}
