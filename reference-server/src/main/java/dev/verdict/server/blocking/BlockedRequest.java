package dev.verdict.server.blocking;

import dev.verdict.server.client.Client;

/**
 * What a blocked client waits for (a list pop, a sorted-set pop, a stream read): the type's
 * own code decides whether a ready key can serve it, as Redis 7.0's serveClientsBlockedOn*Key.
 */
public interface BlockedRequest {

    /**
     * Called for a key the client waits on that may have become ready. Serves the client (writes
     * its reply) and returns true when it could; false leaves the client blocked.
     */
    boolean tryServe(Client client, byte[] key);

    /** The reply when the timeout passes or CLIENT UNBLOCK ... TIMEOUT: Redis's null array. */
    default void timedOut(Client client) {
        client.reply().nullArray();
    }
}
