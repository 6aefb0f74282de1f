package dev.verdict.server.replication.master;

import dev.verdict.server.Log;
import dev.verdict.server.ServerContext;
import dev.verdict.server.server.ClientPause;

/**
 * A coordinated failover of this master to one of its replicas (Redis 7.0.15's FAILOVER:
 * failover_state, updateFailoverStatus, abortFailover, clearFailoverState). Writes are paused;
 * once a replica acknowledged the whole stream (the named one, or the first that did) this
 * server turns into its replica and the link's PSYNC carries FAILOVER, which tells the target
 * to become master; its answer ends the failover. TIMEOUT gives up (or, with FORCE, fails over
 * to the named replica anyway); ABORT goes back to being a master.
 * Owned by the event loop.
 */
public final class Failover {

    /** Redis's failover_state and the names INFO shows for it. */
    public enum State {
        NONE("no-failover"), WAIT_FOR_SYNC("waiting-for-sync"), IN_PROGRESS("failover-in-progress");

        final String info;

        State(String info) {
            this.info = info;
        }
    }

    private final ServerContext server;
    private final ReplicationMaster master;
    private State state = State.NONE;
    private String targetHost;
    private int targetPort;
    private boolean force;
    /** failover_end_time, 0 without a TIMEOUT. */
    private long endMillis;

    Failover(ServerContext server, ReplicationMaster master) {
        this.server = server;
        this.master = master;
    }

    public State state() {
        return state;
    }

    /** INFO replication's master_failover_state. */
    public String stateName() {
        return state.info;
    }

    /** True while the link's PSYNC must carry FAILOVER (the handoff to the target). */
    public boolean inProgress() {
        return state == State.IN_PROGRESS;
    }

    /** failoverCommand once the arguments passed: writes pause until the failover ends. */
    void start(String host, int port, long timeoutMillis, boolean forceFlag) {
        if (host != null) {
            targetHost = host;
            targetPort = port;
            Log.notice("FAILOVER requested to " + host + ":" + port + ".");
        } else {
            Log.notice("FAILOVER requested to any replica.");
        }
        if (timeoutMillis > 0) endMillis = System.currentTimeMillis() + timeoutMillis;
        force = forceFlag;
        state = State.WAIT_FOR_SYNC;
        server.pause().pause(ClientPause.Purpose.FAILOVER, false, Long.MAX_VALUE);
    }

    /** A TIMEOUT was given: replicationCron then sends no PING, which would move the offset to wait for. */
    boolean timed() {
        return endMillis != 0;
    }

    /**
     * updateFailoverStatus, before the loop sleeps: the timeout, or a replica that acknowledged
     * everything this master propagated, moves the failover on.
     */
    void update() {
        if (state != State.WAIT_FOR_SYNC) return;
        if (endMillis != 0 && endMillis <= System.currentTimeMillis()) {
            if (force) {
                Log.notice("FAILOVER to " + targetHost + ":" + targetPort + " time out exceeded, failing over.");
                handOff();
            } else {
                abort("Replica never caught up before timeout");
            }
            return;
        }
        long offset = server.replication().masterReplOffset();
        Replica replica = null;
        if (targetHost != null) {
            replica = master.findReplica(targetHost, targetPort);
        } else {
            for (Replica r : master.replicas()) {
                if (r.ackOffset == offset) {
                    replica = r;
                    targetHost = r.ip();
                    targetPort = r.listeningPort;
                    break;
                }
            }
        }
        if (replica != null && replica.ackOffset == offset) {
            Log.notice("Failover target " + targetHost + ":" + targetPort + " is synced, failing over.");
            handOff();
        }
    }

    private void handOff() {
        state = State.IN_PROGRESS;
        server.masterLink().setMaster(targetHost, targetPort);
    }

    /** The target answered the PSYNC FAILOVER: +CONTINUE or +FULLRESYNC ends the failover, anything else aborts it. */
    public void targetAnswered(boolean accepted) {
        if (state != State.IN_PROGRESS) return;
        if (accepted) clear();
        else abort("Failover target rejected psync request");
    }

    /** abortFailover: a failover already handed off makes this server a master again. */
    public void abort(String why) {
        if (state == State.NONE) return;
        if (targetHost != null) {
            Log.notice("FAILOVER to " + targetHost + ":" + targetPort + " aborted: " + why);
        } else {
            Log.notice("FAILOVER to any replica aborted: " + why);
        }
        if (state == State.IN_PROGRESS) server.masterLink().unsetMaster();
        clear();
    }

    /** clearFailoverState. */
    private void clear() {
        endMillis = 0;
        force = false;
        targetHost = null;
        targetPort = 0;
        state = State.NONE;
        server.unpause(ClientPause.Purpose.FAILOVER);
    }
}
