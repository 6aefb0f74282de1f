package dev.verdict.server.type.common;

import dev.verdict.server.client.Client;
import dev.verdict.server.pubsub.KeyspaceEvents;

/**
 * What every write of the collection types reports, as Redis pairs signalModifiedKey with
 * notifyKeyspaceEvent: the value changed in place (WATCH, memory accounting, blocked clients),
 * and the event under Redis's name. A generic event ("del") follows a deletion the database
 * has already signalled.
 */
public final class Changes {

    private Changes() {
    }

    public static void report(Client client, int type, String event, byte[] key) {
        if (type != KeyspaceEvents.GENERIC && client.db().exists(key)) client.db().signalModified(key);
        client.server().events().notify(type, event, key, client.db().id());
    }
}
