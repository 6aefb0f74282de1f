package dev.verdict.server.replication.master;

import dev.verdict.server.Log;
import dev.verdict.server.ServerContext;
import dev.verdict.server.client.Client;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The master side of replication (Redis's server.slaves and the master half of replication.c):
 * the attached replicas, the stream and backlog they are fed from, full and partial
 * synchronization, the once-a-second replication cron (pings, timeouts, delayed diskless syncs,
 * the backlog's time to live, the count of good replicas) and the clients waiting in WAIT.
 * Owned by the event loop.
 */
public final class ReplicationMaster {

    private static final byte[][] PING = {"PING".getBytes(StandardCharsets.US_ASCII)};

    private final ServerContext server;
    private final List<Replica> replicas = new ArrayList<>();
    private final ReplicationStream stream;
    private final FullSync fullSync;
    private final AckWaiters waiters;
    private final Failover failover;
    private long noReplicasSinceSeconds = System.currentTimeMillis() / 1000;
    private long cronLoops;
    private long lastCronSecond;
    private int goodReplicas;
    private int minReplicasToWrite;
    private long minReplicasMaxLag;
    long syncFull;
    long syncPartialOk;
    long syncPartialErr;

    public ReplicationMaster(ServerContext server) {
        this.server = server;
        this.stream = new ReplicationStream(server, replicas);
        this.fullSync = new FullSync(server, this);
        this.waiters = new AckWaiters(server, this);
        this.failover = new Failover(server, this);
        configChanged("min-replicas-to-write");
    }

    public ReplicationStream stream() {
        return stream;
    }

    ServerContext server() {
        return server;
    }

    FullSync fullSync() {
        return fullSync;
    }

    AckWaiters waiters() {
        return waiters;
    }

    public Failover failover() {
        return failover;
    }

    List<Replica> replicas() {
        return replicas;
    }

    /** Attached replicas in any state (Redis's listLength(server.slaves)). */
    public int replicaCount() {
        return replicas.size();
    }

    /**
     * disconnectSlaves: every replica is dropped (REPLICAOF makes this server a replica; its
     * replicas must resync with it, hopefully partially).
     */
    public void disconnectReplicas() {
        for (Replica r : new ArrayList<>(replicas)) {
            server.disconnect(r.client());
            r.client().channel().close();
        }
    }

    /** rdbPopulateSaveInfo on a master: the stream's database once a backlog exists (0 before any SELECT), else -1. */
    public int streamDb() {
        return stream.active() ? Math.max(stream.selectedDb(), 0) : -1;
    }

    // ---- a replica's own replicas (chained replication)

    /** What this replica applied of its master's stream: its offset moves, its backlog and replicas get the bytes. */
    public void proxyMasterStream(byte[] bytes, int length) {
        stream.proxy(bytes, length);
    }

    /**
     * replicationAttachToNewMaster: a new dataset is coming, so this replica's replicas must
     * resync with it, and nobody may continue from the old backlog.
     */
    public void attachToNewMaster() {
        disconnectReplicas();
        stream.freeBacklog();
    }

    /** createReplicationBacklog once synchronized: this replica's replicas may continue from its offset. */
    public void ensureBacklog() {
        if (!stream.active()) stream.createBacklog();
    }

    /**
     * replicationUnsetMaster's share and a master's new id on +CONTINUE: replicas reconnect to
     * learn the new id (partially), and the stream selects its database afresh.
     */
    public void historyChanged() {
        disconnectReplicas();
        stream.forceSelect();
    }

    /** The client's replica state, created on its first REPLCONF or SYNC. */
    Replica replicaOf(Client client) {
        Replica r = client.replica();
        if (r == null) {
            r = new Replica(client);
            client.replica(r);
        }
        return r;
    }

    /** findReplica: the attached replica at {@code host} (its announced or peer address) listening on {@code port}. */
    Replica findReplica(String host, int port) {
        for (Replica r : replicas) {
            if (r.ip().equalsIgnoreCase(host) && r.listeningPort == port) return r;
        }
        return null;
    }

    /**
     * isReadyToShutdown: every replica acknowledged everything this master propagated (true
     * without replicas).
     */
    public boolean replicasCaughtUp() {
        long offset = server.replication().masterReplOffset();
        for (Replica r : replicas) if (r.ackOffset != offset) return false;
        return true;
    }

    /**
     * finishShutdown's report: a line per replica that has not acknowledged everything, then how
     * many are in sync.
     */
    public void logLaggingReplicas() {
        if (replicas.isEmpty()) return;
        long offset = server.replication().masterReplOffset();
        long now = System.currentTimeMillis() / 1000;
        int lagging = 0;
        for (Replica r : replicas) {
            if (r.ackOffset == offset) continue;
            lagging++;
            long lag = r.state == Replica.State.ONLINE ? now - r.ackTimeSeconds : 0;
            Log.warning("Lagging replica " + r.name() + " reported offset " + (offset - r.ackOffset)
                    + " behind master, lag=" + lag + ", state=" + r.state.info + ".");
        }
        Log.notice((replicas.size() - lagging) + " of " + replicas.size() + " replicas are in sync when shutting down.");
    }

    /** sendGetackToReplicas: REPLCONF GETACK * into the stream. */
    public void requestAcks() {
        waiters.sendGetack();
    }

    void attach(Replica r) {
        replicas.add(r);
    }

    /**
     * The backlog comes with the first replica, under a new replication id: no earlier history
     * can be continued from it (syncCommand's createReplicationBacklog).
     */
    void createBacklogIfNeeded() {
        if (replicas.size() != 1 || stream.active()) return;
        server.replication().changeId();
        server.replication().clearId2();
        stream.createBacklog();
        Log.notice("Replication backlog created, my new replication IDs are '" + server.replication().replid()
                + "' and '" + server.replication().replid2() + "'");
    }

    /** freeClient's share for a replica: it leaves the list (its held stream is dropped). */
    public void disconnected(Client client) {
        Replica r = client.replica();
        if (r == null) return;
        r.release();
        if (!r.attached()) return;
        replicas.remove(r);
        Log.warning("Connection with replica " + r.name() + " lost.");
        if (replicas.isEmpty()) noReplicasSinceSeconds = System.currentTimeMillis() / 1000;
        refreshGoodReplicas();
    }

    /** freeClientAsync: closed on the loop's next turn (we may be inside a command or iterating replicas). */
    void closeAsync(Replica r) {
        Client c = r.client();
        Runnable close = () -> {
            if (!server.clients().containsKey(c.id())) return;
            server.disconnect(c);
            c.channel().close();
        };
        if (!server.later(close)) close.run();
    }

    /** A BGSAVE finished (or was killed): replicas waiting for it get their RDB, or are dropped. */
    public void backgroundSaveDone(boolean ok, boolean toSockets) {
        fullSync.backgroundSaveDone(ok, toSockets);
    }

    // ---- good replicas (min-replicas-to-write)

    /** CONFIG SET of a parameter this side caches. */
    public void configChanged(String canonicalName) {
        switch (canonicalName) {
            case "min-replicas-to-write", "min-replicas-max-lag" -> {
                minReplicasToWrite = server.config().getInt("min-replicas-to-write");
                minReplicasMaxLag = server.config().getLong("min-replicas-max-lag");
                refreshGoodReplicas();
            }
            case "repl-backlog-size" -> {
                if (stream.backlog() != null) {
                    stream.backlog().resize(server.config().getMemory("repl-backlog-size"),
                            server.replication().masterReplOffset());
                }
            }
            default -> {
            }
        }
    }

    /** refreshGoodSlavesCount: online replicas whose last ACK is at most min-replicas-max-lag seconds old. */
    void refreshGoodReplicas() {
        if (minReplicasToWrite == 0 || minReplicasMaxLag == 0) return;
        long now = System.currentTimeMillis() / 1000;
        int good = 0;
        for (Replica r : replicas) {
            if (r.state == Replica.State.ONLINE && now - r.ackTimeSeconds <= minReplicasMaxLag) good++;
        }
        goodReplicas = good;
    }

    /** checkGoodReplicasStatus: false when writes must be refused with -NOREPLICAS. */
    public boolean enoughGoodReplicas() {
        return minReplicasToWrite == 0 || minReplicasMaxLag == 0 || server.replication().isReplica()
                || goodReplicas >= minReplicasToWrite;
    }

    // ---- WAIT and the acknowledged offsets

    /** replicationCountAcksByOffset: online replicas that acknowledged at least {@code offset}. */
    long countAcks(long offset) {
        long n = 0;
        for (Replica r : replicas) if (r.state == Replica.State.ONLINE && r.ackOffset >= offset) n++;
        return n;
    }

    /** beforeSleep's share: WAITing clients whose replicas caught up are answered, and GETACK goes out if asked. */
    public void beforeSleep() {
        waiters.beforeSleep();
        // here rather than where the ACK arrives: failing over disconnects clients
        failover.update();
    }

    // ---- cron

    /** serverCron's share: a delayed sync may start now; once a second, replicationCron. */
    public void cron(long nowMillis) {
        if (replicas.isEmpty() && !stream.active()) return;
        fullSync.startPendingIfDue(nowMillis);
        long second = nowMillis / 1000;
        if (second == lastCronSecond) return;
        lastCronSecond = second;
        replicationCron(second);
    }

    private void replicationCron(long now) {
        int period = Math.max(1, server.config().getInt("repl-ping-replica-period"));
        // a PING would move the offset a failover with a timeout waits for (replicationCron's manual_failover_in_progress)
        boolean failingOver = failover.timed() && server.pause().active(System.currentTimeMillis());
        if (cronLoops % period == 0 && !replicas.isEmpty() && !failingOver) stream.feedUnselected(PING);
        fullSync.keepPreSyncAlive();
        long timeout = server.config().getLong("repl-timeout");
        for (Replica r : new ArrayList<>(replicas)) {
            if (r.state == Replica.State.ONLINE && !r.preSync && now - r.ackTimeSeconds > timeout) {
                Log.warning("Disconnecting timedout replica (streaming sync): " + r.name());
                server.disconnect(r.client());
                r.client().channel().close();
            }
        }
        long ttl = server.config().getLong("repl-backlog-ttl");
        if (replicas.isEmpty() && ttl > 0 && stream.active() && !server.replication().isReplica()
                && now - noReplicasSinceSeconds > ttl) {
            server.replication().changeId();
            server.replication().clearId2();
            stream.freeBacklog();
            Log.notice("Replication backlog freed after " + ttl + " seconds without connected replicas.");
        }
        refreshGoodReplicas();
        cronLoops++;
    }

    // ---- INFO and ROLE

    /** INFO replication's master lines after role: connected_slaves, min_slaves_good_slaves, slaveN. */
    public void infoReplicas(StringBuilder out) {
        out.append("connected_slaves:").append(replicas.size()).append("\r\n");
        if (minReplicasToWrite != 0 && minReplicasMaxLag != 0) {
            out.append("min_slaves_good_slaves:").append(goodReplicas).append("\r\n");
        }
        long now = System.currentTimeMillis() / 1000;
        int id = 0;
        for (Replica r : replicas) {
            long lag = r.state == Replica.State.ONLINE ? now - r.ackTimeSeconds : 0;
            out.append("slave").append(id++).append(":ip=").append(r.ip()).append(",port=").append(r.listeningPort)
                    .append(",state=").append(r.state.info).append(",offset=").append(r.ackOffset)
                    .append(",lag=").append(lag).append("\r\n");
        }
    }

    /**
     * INFO memory's replication lines: the backlog's bytes, and what replicas hold beyond it (in
     * Redis they share one buffer; here the held stream and unsent output are the replicas' own).
     */
    /** Bytes the backlog holds (INFO's mem_replication_backlog, MEMORY STATS's replication.backlog). */
    public long backlogBytes() {
        return stream.backlog() == null ? 0 : stream.backlog().histlen();
    }

    public void infoMemory(StringBuilder out) {
        long backlog = stream.backlog() == null ? 0 : stream.backlog().histlen();
        long replicasOwn = 0;
        for (Replica r : replicas) replicasOwn += r.client().outputBytes();
        out.append("mem_replication_backlog:").append(backlog).append("\r\n");
        out.append("mem_total_replication_buffers:").append(backlog + replicasOwn).append("\r\n");
        out.append("mem_clients_slaves:").append(replicasOwn).append("\r\n");
    }

    /** INFO replication's backlog lines. */
    public void infoBacklog(StringBuilder out) {
        ReplicationBacklog b = stream.backlog();
        out.append("repl_backlog_active:").append(b != null ? 1 : 0).append("\r\n");
        out.append("repl_backlog_size:").append(server.config().getMemory("repl-backlog-size")).append("\r\n");
        out.append("repl_backlog_first_byte_offset:").append(b != null ? b.firstByteOffset() : 0).append("\r\n");
        out.append("repl_backlog_histlen:").append(b != null ? b.histlen() : 0).append("\r\n");
    }

    /** INFO stats' sync counters. */
    public long syncFull() {
        return syncFull;
    }

    public long syncPartialOk() {
        return syncPartialOk;
    }

    public long syncPartialErr() {
        return syncPartialErr;
    }

    /** ROLE's master form: "master", the offset, and [ip, port, acknowledged offset] of each online replica. */
    void role(Client client) {
        List<Replica> online = new ArrayList<>();
        for (Replica r : replicas) if (r.state == Replica.State.ONLINE) online.add(r);
        client.reply().arrayHeader(3);
        client.reply().bulk("master");
        client.reply().integer(server.replication().masterReplOffset());
        client.reply().arrayHeader(online.size());
        for (Replica r : online) {
            client.reply().arrayHeader(3);
            client.reply().bulk(r.ip());
            client.reply().bulkLong(r.listeningPort);
            client.reply().bulkLong(r.ackOffset);
        }
    }
}
