package dev.verdict.server.replication.master;

import dev.verdict.server.ServerContext;
import dev.verdict.server.resp.MultiBulk;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * replicationFeedSlaves: every propagated command, encoded once, goes into the backlog (moving
 * {@code master_repl_offset} by its length) and to every replica past WAIT_BGSAVE_START. The
 * stream selects databases on its own (Redis's slaveseldb), apart from the AOF's. Nothing is
 * done while there is no backlog: the backlog comes with the first replica and stays.
 */
public final class ReplicationStream {

    private static final byte[] SELECT = "SELECT".getBytes(StandardCharsets.US_ASCII);

    private final ServerContext server;
    private final List<Replica> replicas;
    private ReplicationBacklog backlog;
    /** The database the stream last selected; -1 forces the next command to select again. */
    private int selectedDb = -1;
    private byte[] scratch = new byte[4096];
    private int len;
    private List<Replica> overLimit;

    ReplicationStream(ServerContext server, List<Replica> replicas) {
        this.server = server;
        this.replicas = replicas;
    }

    /** True once a backlog exists: commands are propagated to it. */
    public boolean active() {
        return backlog != null;
    }

    ReplicationBacklog backlog() {
        return backlog;
    }

    void createBacklog() {
        backlog = new ReplicationBacklog(server.config().getMemory("repl-backlog-size"),
                server.replication().masterReplOffset());
    }

    void freeBacklog() {
        backlog = null;
    }

    /** The database the stream last selected, -1 when the next command selects again. */
    int selectedDb() {
        return selectedDb;
    }

    /** replicationSetupSlaveForFullResync's server.slaveseldb = -1: the next command selects its database. */
    void forceSelect() {
        selectedDb = -1;
    }

    /** One propagated command of database {@code db}. */
    public void feed(int db, byte[][] argv) {
        // a replica passes its master's stream on instead (proxy)
        if (backlog == null || server.replication().isReplica()) return;
        len = 0;
        if (db != selectedDb) {
            encode(new byte[][] {SELECT, Integer.toString(db).getBytes(StandardCharsets.US_ASCII)});
            selectedDb = db;
        }
        encode(argv);
        deliver(scratch, len);
    }

    /** A command that touches no key (PING, REPLCONF GETACK): in whatever database the stream has selected. */
    void feedUnselected(byte[][] argv) {
        if (backlog == null || server.replication().isReplica()) return;
        len = 0;
        encode(argv);
        deliver(scratch, len);
    }

    /**
     * replicationFeedStreamFromMasterStream: on a replica, what it applied of its master's
     * stream moves its offset and goes on, byte for byte, to its backlog and its own replicas.
     */
    void proxy(byte[] bytes, int length) {
        if (backlog == null) {
            server.replication().advance(length);
            return;
        }
        deliver(bytes, length);
    }

    private void encode(byte[][] argv) {
        int need = MultiBulk.maxLength(argv);
        if (len + need > scratch.length) scratch = java.util.Arrays.copyOf(scratch, Math.max(scratch.length * 2, len + need));
        len = MultiBulk.encode(scratch, len, argv);
    }

    private void deliver(byte[] bytes, int len) {
        server.replication().advance(len);
        backlog.append(bytes, 0, len, server.replication().masterReplOffset());
        long now = 0;
        for (int i = 0; i < replicas.size(); i++) {
            Replica r = replicas.get(i);
            if (r.state == Replica.State.WAIT_BGSAVE_START) continue;
            r.write(bytes, 0, len);
            if (!r.streaming()) {
                // held output grows without a write to check it: Redis checks on every addReply
                if (now == 0) now = System.currentTimeMillis();
                if (!r.closing && server.outputLimits().exceeded(r.client(), now)) {
                    r.closing = true;
                    if (overLimit == null) overLimit = new ArrayList<>();
                    overLimit.add(r);
                }
            }
        }
        if (overLimit != null) closeOverLimit();
        // shrink a buffer a huge command grew
        if (scratch.length > 1 << 20) scratch = new byte[4096];
    }

    /** freeClientAsync: closed on the loop's next turn, not while the replicas are being fed. */
    private void closeOverLimit() {
        List<Replica> victims = overLimit;
        overLimit = null;
        for (Replica r : victims) {
            if (!server.later(() -> {
                if (server.clients().containsKey(r.client().id())) server.closeForOutputLimit(r.client());
            })) {
                server.closeForOutputLimit(r.client());
            }
        }
    }
}
