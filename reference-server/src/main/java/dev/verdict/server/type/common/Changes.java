package dev.verdict.server.type.common;

import dev.verdict.server.client.Client;
import dev.verdict.server.pubsub.KeyspaceEvents;

import java.util.function.BiPredicate;
import java.util.function.ToLongFunction;

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

    /**
     * HDEL, SREM and ZREM (hdelCommand, sremCommand, zremCommand): removes each of
     * {@code argv[2..]} from {@code collection}, the value at {@code argv[1]} (null when missing:
     * nothing to remove), deletes the key as soon as it is empty, reports the type's event (and
     * "del" when the key went), and replies the count.
     */
    public static <T> void removeMembers(Client client, byte[][] argv, T collection, BiPredicate<T, byte[]> remove,
                                         ToLongFunction<T> size, int type, String event) {
        if (collection == null) {
            client.reply().integer(0);
            return;
        }
        long removed = 0;
        boolean keyRemoved = false;
        for (int i = 2; i < argv.length; i++) {
            if (remove.test(collection, argv[i])) {
                removed++;
                if (size.applyAsLong(collection) == 0) {
                    client.db().delete(argv[1]);
                    keyRemoved = true;
                    break;
                }
            }
        }
        if (removed > 0) {
            report(client, type, event, argv[1]);
            if (keyRemoved) report(client, KeyspaceEvents.GENERIC, "del", argv[1]);
        }
        client.reply().integer(removed);
    }
}
