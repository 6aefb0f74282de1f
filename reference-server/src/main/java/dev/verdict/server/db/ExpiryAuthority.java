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

    /** This server follows a master (REPLICAOF host port), or not (REPLICAOF NO ONE). */
    public void replica(boolean replica) {
        this.replica = replica;
    }

    public boolean replica() {
        return replica;
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
        if (!replica) return Verdict.DELETE;
        if (masterCommand) return Verdict.ALIVE;
        return write ? Verdict.DELETE : Verdict.HIDE;
    }

    enum Verdict { DELETE, ALIVE, HIDE }
}
