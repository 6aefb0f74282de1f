package dev.verdict.server.db;

/**
 * Who may delete an expired key (Redis's expireIfNeeded on a replica): a master deletes it on
 * access; a replica leaves that to its master, which sends a DEL when the key expires there.
 * Until then a replica's clients see the key as missing while it stays stored, and the master's
 * own commands see it as alive, so the two datasets stay identical. One instance is shared by
 * every database of a keyspace; the replication code sets it.
 */
public final class ExpiryAuthority {

    private boolean replica;
    private boolean masterCommand;
    private java.util.function.BooleanSupplier paused = () -> false;

    /** This server follows a master (REPLICAOF host port), or not (REPLICAOF NO ONE). */
    public void replica(boolean replica) {
        this.replica = replica;
    }

    public boolean replica() {
        return replica;
    }

    /**
     * Whether clients are paused (CLIENT PAUSE, a FAILOVER, a SHUTDOWN waiting for replicas):
     * the dataset then stays as it is, expired keys are hidden but not deleted and active expiry
     * waits, so the replication offset a failover or shutdown waits for does not move.
     */
    public void pausedBy(java.util.function.BooleanSupplier paused) {
        this.paused = paused;
    }

    /** Active expiry runs on a master whose clients are not paused. */
    public boolean activeExpiryAllowed() {
        return !replica && !paused.getAsBoolean();
    }

    /** Set around each command the master client runs (server.current_client == server.master). */
    public void masterCommand(boolean running) {
        this.masterCommand = running;
    }

    /**
     * What an access to a key whose time has passed does: {@link Verdict#DELETE} on a master (or
     * for a write on a writable replica, as lookupKeyWrite forces), {@link Verdict#ALIVE} for the
     * master's commands, {@link Verdict#HIDE} for a replica's clients.
     */
    Verdict onExpired(boolean write) {
        if (replica && masterCommand) return Verdict.ALIVE;
        if (replica && !write) return Verdict.HIDE;
        return paused.getAsBoolean() ? Verdict.HIDE : Verdict.DELETE;
    }

    enum Verdict { DELETE, ALIVE, HIDE }
}
