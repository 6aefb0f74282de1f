package dev.verdict.server.blocking;

/**
 * Clients blocked on keys (BLPOP, BZPOPMIN, XREAD BLOCK, ...). The dispatcher calls
 * {@link #serveReadyKeys()} after every command, as Redis's handleClientsBlockedOnKeys runs
 * after each call, so a push serves waiting clients first-come-first-served.
 */
public final class BlockedClients {

    /** Serves clients blocked on keys that became ready during the last command. */
    public void serveReadyKeys() {
    }

    /**
     * CLIENT UNBLOCK: releases {@code client} if it is blocked on keys, answering its command as
     * a timeout, or with {@code -UNBLOCKED client unblocked via CLIENT UNBLOCK} when
     * {@code withError}; false when it was not blocked.
     */
    public boolean unblock(dev.verdict.server.client.Client client, boolean withError) {
        return false;
    }
}
