package dev.verdict.server;

import dev.verdict.server.command.CommandFlag;

import dev.verdict.server.blocking.BlockedClients;
import dev.verdict.server.client.Client;
import dev.verdict.server.command.CommandSpec;
import dev.verdict.server.command.CommandTable;
import dev.verdict.server.command.Dispatcher;
import dev.verdict.server.config.ServerConfig;
import dev.verdict.server.db.Database;
import dev.verdict.server.db.Keyspace;
import dev.verdict.server.db.KeyspaceListener;
import dev.verdict.server.pubsub.KeyspaceEvents;
import dev.verdict.server.pubsub.PubSub;
import dev.verdict.server.server.ClientPause;
import dev.verdict.server.server.LatencyMonitor;
import dev.verdict.server.server.Monitors;
import dev.verdict.server.server.OutputBufferLimits;
import dev.verdict.server.server.ServerStats;
import dev.verdict.server.server.SlowLog;
import dev.verdict.server.transaction.TransactionCommands;
import dev.verdict.server.transaction.WatchedKeys;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The server-wide state every command can reach (Redis's {@code redisServer} struct):
 * configuration, command table, keyspace, clients, pub/sub, watched keys, statistics.
 * Owned by the event-loop thread.
 */
public final class ServerContext implements KeyspaceListener {

    public static final String REDIS_VERSION = "7.0.15";

    private final ServerConfig config;
    private volatile EventLoop loop;
    private final CommandTable commands;
    private final Dispatcher dispatcher;
    private final Keyspace keyspace;
    private final ServerClock clock = new ServerClock();
    private final PubSub pubsub = new PubSub();
    private final KeyspaceEvents events = new KeyspaceEvents(pubsub);
    private final BlockedClients blocked = new BlockedClients();
    private final WatchedKeys watchedKeys;
    private final ServerStats stats = new ServerStats();
    private final SlowLog slowLog = new SlowLog();
    private final LatencyMonitor latency = new LatencyMonitor();
    private final Monitors monitors = new Monitors();
    private final ClientPause pause = new ClientPause();
    private final dev.verdict.server.server.ShutdownSequence shutdownSequence = new dev.verdict.server.server.ShutdownSequence(this);
    private final dev.verdict.server.persistence.Persistence persistence = new dev.verdict.server.persistence.Persistence(this);
    private final OutputBufferLimits outputLimits = new OutputBufferLimits();
    private final Map<Long, Client> clients = new LinkedHashMap<>();
    private final List<Client> pendingWrites = new ArrayList<>();
    private final List<Client> heldByPause = new ArrayList<>();
    private final long startedAtMillis = System.currentTimeMillis();
    private final String runId = dev.verdict.server.replication.ReplicationIds.random();
    private final dev.verdict.server.replication.Replication replication = new dev.verdict.server.replication.Replication();
    private final dev.verdict.server.replication.master.ReplicationMaster replicationMaster;
    private final dev.verdict.server.replication.replica.MasterLink masterLink = new dev.verdict.server.replication.replica.MasterLink(this);
    private final FaultSwitches faults = FaultSwitches.fromSystemProperty();
    private final dev.verdict.server.tracking.Tracking tracking = new dev.verdict.server.tracking.Tracking(this);
    private long nextClientId = 1;
    private long maxmemory;
    private long protoMaxBulkLen;
    private long clientQueryBufferLimit;
    private long slowlogThreshold;
    private int slowlogMaxLen;
    private long latencyThreshold;
    private boolean latencyTracking;
    private boolean shuttingDown;
    private Runnable shutdownHook = () -> { };

    public ServerContext(ServerConfig config) {
        this.config = config;
        this.commands = CommandTable.load();
        CommandFamilies.registerAll(commands);
        this.dispatcher = new Dispatcher(this);
        this.keyspace = new Keyspace(config, this, clock::millis);
        this.watchedKeys = new WatchedKeys(config.getInt("databases"));
        this.replicationMaster = new dev.verdict.server.replication.master.ReplicationMaster(this);
        for (String name : List.of("maxmemory", "proto-max-bulk-len", "client-query-buffer-limit", "notify-keyspace-events", "slowlog-log-slower-than", "slowlog-max-len",
                "latency-monitor-threshold", "latency-tracking", "client-output-buffer-limit", "tracking-table-max-keys")) {
            configChanged(name);
        }
        blocked.attach(this);
        keyspace.expiry().pausedBy(() -> pause.active(System.currentTimeMillis()));
        keyspace.listFactory(elements -> dev.verdict.server.type.list.ListType.of(elements, config));
    }

    public ServerConfig config() {
        return config;
    }

    /** Test-only planted bugs; all off unless the JVM was started with -Dverdict.fault. */
    public FaultSwitches faults() {
        return faults;
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

    public PubSub pubsub() {
        return pubsub;
    }

    /** Client-side caching: who read which key, BCAST prefixes, invalidation messages. */
    public dev.verdict.server.tracking.Tracking tracking() {
        return tracking;
    }

    public BlockedClients blocked() {
        return blocked;
    }

    public WatchedKeys watchedKeys() {
        return watchedKeys;
    }

    public ServerStats stats() {
        return stats;
    }

    public SlowLog slowLog() {
        return slowLog;
    }

    public LatencyMonitor latency() {
        return latency;
    }

    public Monitors monitors() {
        return monitors;
    }

    /** RDB and AOF persistence: dirty counter, SAVE/BGSAVE, loading. */
    public dev.verdict.server.persistence.Persistence persistence() {
        return persistence;
    }

    public ClientPause pause() {
        return pause;
    }

    public OutputBufferLimits outputLimits() {
        return outputLimits;
    }

    public ServerClock clock() {
        return clock;
    }

    public long startedAtMillis() {
        return startedAtMillis;
    }

    public String runId() {
        return runId;
    }

    public dev.verdict.server.replication.Replication replication() {
        return replication;
    }

    /** The master side of replication: attached replicas, the stream and backlog, WAIT. */
    public dev.verdict.server.replication.master.ReplicationMaster replicationMaster() {
        return replicationMaster;
    }

    /** The replica side's link to its master (server.master, repl_state and friends). */
    public dev.verdict.server.replication.replica.MasterLink masterLink() {
        return masterLink;
    }

    /** The {@code maxmemory} limit in bytes, 0 for none (cached: read on every command). */
    public long maxmemory() {
        return maxmemory;
    }

    /** {@code latency-tracking}: per-command latency histograms for INFO latencystats. */
    public boolean latencyTracking() {
        return latencyTracking;
    }

    /** {@code proto-max-bulk-len} in bytes (cached: the decoder reads it for every bulk). */
    public long protoMaxBulkLen() {
        return protoMaxBulkLen;
    }

    /** {@code client-query-buffer-limit} in bytes (cached). */
    public long clientQueryBufferLimit() {
        return clientQueryBufferLimit;
    }

    public boolean requiresPassword() {
        String pass = config.get("requirepass");
        return pass != null && !pass.isEmpty();
    }

    /**
     * Refreshes what the server derives from a parameter after CONFIG SET; false when the value
     * is not acceptable for it (the caller restores the old one).
     */
    public boolean configChanged(String name) {
        replicationMaster.configChanged(ServerConfig.canonicalName(name));
        switch (name) {
            case "maxmemory" -> {
                maxmemory = config.getMemory("maxmemory");
                keyspace.reloadSettings();
            }
            case "maxmemory-policy", "maxmemory-samples", "lfu-log-factor", "lfu-decay-time" -> keyspace.reloadSettings();
            case "proto-max-bulk-len" -> protoMaxBulkLen = config.getMemory(name);
            case "client-query-buffer-limit" -> clientQueryBufferLimit = config.getMemory(name);
            case "notify-keyspace-events" -> {
                return events.configure(config.get(name));
            }
            case "slowlog-log-slower-than" -> slowlogThreshold = config.getLong(name);
            case "slowlog-max-len" -> {
                slowlogMaxLen = config.getInt(name);
                slowLog.trimTo(slowlogMaxLen);
            }
            case "latency-monitor-threshold" -> latencyThreshold = config.getLong(name);
            case "latency-tracking" -> latencyTracking = config.getBool(name);
            case "tracking-table-max-keys" -> tracking.maxKeys(config.getLong(name));
            case "appendonly" -> {
                if (!config.getBool(name)) {
                    persistence.aof().stopAppendOnly();
                    return true;
                }
                return persistence.aof().startAppendOnly(persistence, persistence.insideExec());
            }
            case "client-output-buffer-limit" -> {
                if (!outputLimits.configure(config.get(name))) return false;
                config.set(name, outputLimits.format());
            }
            default -> {
            }
        }
        return true;
    }

    // ---- after every call: slow log, latency, MONITOR

    public void observeCall(Client client, CommandSpec command, byte[][] argv, long micros) {
        if (!command.hasFlag(CommandFlag.SKIP_SLOWLOG)) {
            slowLog.record(argv, micros, slowlogThreshold, slowlogMaxLen, client);
        }
        if (latencyThreshold > 0) {
            latency.addSampleIfNeeded(command.hasFlag(CommandFlag.FAST) ? "fast-command" : "command", micros / 1000,
                    latencyThreshold);
        }
        if (!monitors.isEmpty() && !command.hasFlag(CommandFlag.SKIP_MONITOR) && !command.hasFlag(CommandFlag.ADMIN)) {
            monitors.feed(client, argv);
        }
    }

    // ---- clients

    public Client connect(Channel channel) {
        Client client = new Client(nextClientId++, this, channel);
        clients.put(client.id(), client);
        stats.connectionsReceived++;
        return client;
    }

    public void disconnect(Client client) {
        if (clients.remove(client.id()) == null) return;
        if (client.pendingWrite()) {
            pendingWrites.remove(client);
            client.pendingWrite(false);
        }
        TransactionCommands.discardTransaction(client);
        tracking.disable(client);
        pubsub.forget(client);
        monitors.remove(client);
        blocked.disconnected(client);
        replicationMaster.disconnected(client);
        client.reply().discardOutput();
    }

    public Map<Long, Client> clients() {
        return clients;
    }

    /** Marks a client whose replies must be written at the end of the current batch. */
    public void markPendingWrite(Client client) {
        if (client.pendingWrite()) return;
        client.pendingWrite(true);
        pendingWrites.add(client);
    }

    private boolean flushScheduled;
    private final Runnable scheduledFlush = () -> {
        flushScheduled = false;
        flushPendingWrites();
    };

    /**
     * Redis's beforeSleep: after a read batch, the replies wait until every channel the poller
     * reported ready has been read, and are then written together by one task that the event
     * loop runs after its I/O. Writing each client's replies as soon as its own read completes
     * would wake a waiting peer once per connection instead of once per loop iteration.
     */
    public void flushAfterReads(java.util.concurrent.Executor loop) {
        if (flushScheduled) return;
        flushScheduled = true;
        loop.execute(scheduledFlush);
    }

    /**
     * Writes and flushes every pending client's output, once per loop iteration (and after timers),
     * then closes those that asked to close after their reply or overran their output limit.
     */
    public void flushPendingWrites() {
        // beforeSleep: WAITing clients whose replicas caught up, and the GETACK a WAIT asked for
        replicationMaster.beforeSleep();
        // beforeSleep's flushAppendOnlyFile: with appendfsync always nothing is acknowledged before it is on disk
        persistence.beforeReplies();
        tracking.broadcast();
        if (pendingWrites.isEmpty()) return;
        long now = System.currentTimeMillis();
        List<Client> overLimit = null;
        for (int i = 0; i < pendingWrites.size(); i++) {
            Client client = pendingWrites.get(i);
            client.pendingWrite(false);
            // Like Redis, the limit counts replies not yet sent, so it is checked before writing:
            // a client over its limit gets nothing more and is closed.
            if (!client.closingAfterReply() && outputLimits.exceeded(client, now)) {
                if (overLimit == null) overLimit = new ArrayList<>();
                overLimit.add(client);
                continue;
            }
            ByteBuf out = client.reply().takeOutput();
            Channel channel = client.channel();
            if (out != null) {
                if (client.isReplica()) stats.netReplOutputBytes += out.readableBytes();
                else stats.netOutputBytes += out.readableBytes();
                stats.totalWritesProcessed++;
                if (client.closingAfterReply()) {
                    channel.writeAndFlush(out).addListener(f -> channel.close());
                    continue;
                }
                channel.writeAndFlush(out, channel.voidPromise());
            } else if (client.closingAfterReply()) {
                channel.close();
            }
        }
        pendingWrites.clear();
        if (overLimit != null) for (Client client : overLimit) closeForOutputLimit(client);
    }

    /** The cron's check of clients whose soft limit may have run out while nothing was written. */
    void checkOutputLimits(long now) {
        List<Client> overLimit = null;
        for (Client client : clients.values()) {
            if (client.outputSoftLimitSince() != 0 && outputLimits.exceeded(client, now)) {
                if (overLimit == null) overLimit = new ArrayList<>();
                overLimit.add(client);
            }
        }
        if (overLimit != null) for (Client client : overLimit) closeForOutputLimit(client);
    }

    public void closeForOutputLimit(Client client) {
        Log.warning("Client " + describe(client) + " scheduled to be closed ASAP for overcoming of output buffer limits.");
        stats.clientOutputLimitDisconnections++;
        disconnect(client);
        client.channel().close();
    }

    /** Short client description for log lines (Redis's catClientInfoString, abridged). */
    public static String describe(Client client) {
        return "id=" + client.id() + " addr=" + dev.verdict.server.server.ClientInfo.address(client) + " name=" + client.name();
    }

    /** A client whose command CLIENT PAUSE holds; the cron replays it when the pause ends. */
    public void heldByPause(Client client) {
        if (!heldByPause.contains(client)) heldByPause.add(client);
    }

    /**
     * unpauseClients for one purpose: the clients it held run at the loop's next turn, not inside
     * the command or event that ended the pause (another purpose may still hold them).
     */
    public void unpause(ClientPause.Purpose purpose) {
        pause.unpause(purpose);
        Runnable resume = () -> {
            if (pause.active(System.currentTimeMillis())) return;
            resumePausedClients();
            flushPendingWrites();
        };
        later(resume);
    }

    /** Replays commands held by CLIENT PAUSE once it has ended. */
    void resumePausedClients() {
        if (heldByPause.isEmpty()) return;
        List<Client> waiting = new ArrayList<>(heldByPause);
        heldByPause.clear();
        for (Client client : waiting) {
            if (!clients.containsKey(client.id())) continue;
            var held = client.postponed();
            if (held == null) continue;
            client.clearPostponed();
            while (!held.isEmpty() && client.postponed() == null) dispatcher.dispatch(client, held.poll());
            if (client.postponed() != null) {
                // paused again mid-way: keep the rest in order behind the re-held command
                while (!held.isEmpty()) client.postpone(held.poll());
            } else {
                client.channel().config().setAutoRead(true);
            }
        }
    }

    // ---- shutdown

    /** The event loop, once the network runs ({@link RedisServer}); embedded contexts have none. */
    public void attachLoop(EventLoop loop) {
        this.loop = loop;
    }

    /** The event loop, or null for an embedded context without a network (outgoing connections use it). */
    public EventLoop loop() {
        return loop;
    }

    /**
     * Runs {@code task} on the event loop at its next turn, after the I/O already waiting (the
     * way Redis does incremental work between batches); false when no loop is attached.
     */
    public boolean later(Runnable task) {
        EventLoop l = loop;
        if (l == null || l.isShuttingDown()) return false;
        // scheduled, not executed: a task queued with execute() would run again in the same turn
        l.schedule(task, 0, java.util.concurrent.TimeUnit.NANOSECONDS);
        return true;
    }

    public void onShutdown(Runnable hook) {
        this.shutdownHook = hook;
    }

    /** SHUTDOWN's wait for replicas, and SHUTDOWN ABORT. */
    public dev.verdict.server.server.ShutdownSequence shutdownSequence() {
        return shutdownSequence;
    }

    public boolean shuttingDown() {
        return shuttingDown;
    }

    /** SHUTDOWN: every client is closed and the server stops (the embedding decides about the JVM). */
    public void shutdown() {
        shuttingDown = true;
        flushPendingWrites();
        for (Client client : new ArrayList<>(clients.values())) client.channel().close();
        shutdownHook.run();
    }

    // ---- keyspace events (WATCH and statistics hook in here)

    @Override
    public void keyModified(Database db, byte[] key) {
        valueChanged(db, key);
        // A key created (RENAME, RESTORE, a *STORE to a missing key, ...) or deleted (a stream's
        // XREADGROUP waiters get their error) may serve blocked clients.
        blocked.signalKeyAsReady(db, key);
    }

    @Override
    public void valueChanged(Database db, byte[] key) {
        persistence.incrementDirty();
        watchedKeys.touch(db, key);
        if (tracking.active()) tracking.keyModified(key);
    }

    @Override
    public void keyExpired(Database db, byte[] key) {
        persistence.keyExpired(db.id(), key);
        watchedKeys.touchExpired(db, key);
        if (tracking.active()) tracking.keyRemovedByServer(key);
        events.notify(KeyspaceEvents.EXPIRED, "expired", key, db.id());
    }

    /**
     * For FLUSHDB, FLUSHALL and SWAPDB, before {@code emptied} is cleared or swapped: clients
     * watching a key that exists there or in {@code replacedWith} (null for a flush) fail EXEC.
     */
    public void touchAllWatchedKeysInDb(Database emptied, Database replacedWith) {
        watchedKeys.touchAllInDb(emptied, replacedWith);
    }

    @Override
    public void keyEvicted(Database db, byte[] key) {
        // Replicas and the AOF see an eviction as a DEL, as they see an expiry.
        persistence.keyEvicted(db.id(), key);
        events.notify(KeyspaceEvents.EVICTED, "evicted", key, db.id());
        keyModified(db, key);
    }

    /** FLUSHDB ({@code dbIndex}) or FLUSHALL (-1), before the data is dropped (signalFlushedDb). */
    public void keyspaceFlushing(int dbIndex) {
        for (int i = 0; i < keyspace.count(); i++) {
            if (dbIndex == -1 || dbIndex == i) touchAllWatchedKeysInDb(keyspace.db(i), null);
        }
        tracking.flushed();
    }

    /**
     * SWAPDB, after the contents were exchanged: WATCHed keys existing in either database are
     * touched, and clients blocked on keys the swap brought are served (dbSwapDatabases).
     */
    public void databasesSwapped(int a, int b) {
        touchAllWatchedKeysInDb(keyspace.db(a), keyspace.db(b));
        touchAllWatchedKeysInDb(keyspace.db(b), keyspace.db(a));
        blocked.scanForReadyKeys(keyspace.db(a));
        blocked.scanForReadyKeys(keyspace.db(b));
    }

}
