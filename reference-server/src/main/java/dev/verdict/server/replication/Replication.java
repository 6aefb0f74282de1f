package dev.verdict.server.replication;

/**
 * The replication identity every server has, master or replica (Redis's server.replid,
 * replid2, master_repl_offset, second_replid_offset and masterhost/masterport): the history
 * this server's dataset belongs to and how far into it the dataset is. The master side feeds
 * the offset as it propagates; the replica side adopts its master's id and offset.
 * Owned by the event loop.
 */
public final class Replication {

    /** A replication id nobody has: replid2 before any promotion. */
    public static final String NO_ID = "0000000000000000000000000000000000000000";

    private String replid = ReplicationIds.random();
    private String replid2 = NO_ID;
    private long masterReplOffset;
    private long secondReplOffset = -1;
    /** Null while this server is a master. */
    private String masterHost;
    private int masterPort;

    public String replid() {
        return replid;
    }

    public String replid2() {
        return replid2;
    }

    public long masterReplOffset() {
        return masterReplOffset;
    }

    public long secondReplOffset() {
        return secondReplOffset;
    }

    public boolean isReplica() {
        return masterHost != null;
    }

    public String masterHost() {
        return masterHost;
    }

    public int masterPort() {
        return masterPort;
    }

    /** The offset moved by {@code bytes} of replication stream (fed or applied). */
    public void advance(long bytes) {
        masterReplOffset += bytes;
    }

    /** A full resync adopted the master's history (replid and offset from +FULLRESYNC). */
    public void adopt(String masterReplid, long offset) {
        replid = masterReplid;
        replid2 = NO_ID;
        masterReplOffset = offset;
        secondReplOffset = -1;
    }

    /** changeReplicationId: a new random id; replicas of the old history can no longer continue. */
    public void changeId() {
        replid = ReplicationIds.random();
    }

    /** clearReplicationId2: no secondary history (a fresh backlog, a full resync). */
    public void clearId2() {
        replid2 = NO_ID;
        secondReplOffset = -1;
    }

    /**
     * shiftReplicationId: a new history starts here (promotion to master), the old one stays
     * valid up to the current offset + 1 so replicas of the old master can continue partially.
     */
    public void shiftId() {
        switchId(ReplicationIds.random());
    }

    /**
     * The history continues under {@code newReplid} from here, the current one kept as replid2
     * (a promotion's new random id, or the id a master announced with +CONTINUE).
     */
    public void switchId(String newReplid) {
        replid2 = replid;
        secondReplOffset = masterReplOffset + 1;
        replid = newReplid;
    }

    /** REPLICAOF host port. */
    public void followMaster(String host, int port) {
        masterHost = host;
        masterPort = port;
    }

    /** REPLICAOF NO ONE. */
    public void becomeMaster() {
        masterHost = null;
        masterPort = 0;
    }
}
