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
}
