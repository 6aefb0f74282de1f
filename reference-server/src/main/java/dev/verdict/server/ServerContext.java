package dev.verdict.server;

import dev.verdict.server.blocking.BlockedClients;
import dev.verdict.server.client.Client;
import dev.verdict.server.command.CommandTable;
import dev.verdict.server.command.Dispatcher;
import dev.verdict.server.config.ServerConfig;
import dev.verdict.server.db.Database;
import dev.verdict.server.db.KeyspaceListener;
import dev.verdict.server.db.Keyspace;
import dev.verdict.server.pubsub.KeyspaceEvents;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The server-wide state every command can reach (Redis's {@code redisServer} struct):
 * configuration, command table, keyspace, connected clients. Owned by the event-loop thread.
 */
public final class ServerContext implements KeyspaceListener {

    public static final String REDIS_VERSION = "7.0.15";

    private final ServerConfig config;
    private final CommandTable commands;
    private final Dispatcher dispatcher;
    private final Keyspace keyspace;
    private final ServerClock clock = new ServerClock();
    private final KeyspaceEvents events = new KeyspaceEvents();
    private final BlockedClients blocked = new BlockedClients();
    private final Map<Long, Client> clients = new LinkedHashMap<>();
    private final Set<Client> pendingWrites = new LinkedHashSet<>();
    private final long startedAtMillis = System.currentTimeMillis();
    private long nextClientId = 1;

    public ServerContext(ServerConfig config) {
        this.config = config;
        this.commands = CommandTable.load();
        CommandFamilies.registerAll(commands);
        this.dispatcher = new Dispatcher(this);
        this.keyspace = new Keyspace(config.getInt("databases"), this, clock::millis);
        blocked.attach(this);
    }

    public ServerConfig config() {
        return config;
    }

    public CommandTable commands() {
        return commands;
    }

    public Dispatcher dispatcher() {
        return dispatcher;
    }

    public Keyspace keyspace() {
        return keyspace;
    }

    public KeyspaceEvents events() {
        return events;
    }

    public BlockedClients blocked() {
        return blocked;
    }

    public ServerClock clock() {
        return clock;
    }

    public long startedAtMillis() {
        return startedAtMillis;
    }

    public boolean requiresPassword() {
        String pass = config.get("requirepass");
        return pass != null && !pass.isEmpty();
    }

    // ---- clients

    public Client connect(Channel channel) {
        Client client = new Client(nextClientId++, this, channel);
        clients.put(client.id(), client);
        return client;
    }

    public void disconnect(Client client) {
        clients.remove(client.id());
        pendingWrites.remove(client);
        blocked.disconnected(client);
        client.reply().discardOutput();
    }

    public Map<Long, Client> clients() {
        return clients;
    }

    /** Marks a client whose replies must be written at the end of the current batch. */
    public void markPendingWrite(Client client) {
        pendingWrites.add(client);
    }

    /**
     * Writes and flushes every pending client's output, once per read batch (and after timers),
     * then closes those that asked to close after their reply.
     */
    public void flushPendingWrites() {
        if (pendingWrites.isEmpty()) return;
        for (Client client : pendingWrites) {
            ByteBuf out = client.reply().takeOutput();
            Channel channel = client.channel();
            if (out != null) {
                if (client.closingAfterReply()) {
                    channel.writeAndFlush(out).addListener(f -> channel.close());
                    continue;
                }
                channel.writeAndFlush(out);
            } else if (client.closingAfterReply()) {
                channel.close();
            }
        }
        pendingWrites.clear();
    }

    // ---- keyspace events (WATCH, notifications and propagation hook in here)

    @Override
    public void keyModified(Database db, byte[] key) {
        // A key created or replaced (RENAME, RESTORE, SORT STORE, ...) may serve blocked clients.
        blocked.signalKeyAsReady(db, key);
    }

    @Override
    public void keyExpired(Database db, byte[] key) {
    }
}
