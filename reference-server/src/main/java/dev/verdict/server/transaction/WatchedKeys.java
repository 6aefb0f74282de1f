package dev.verdict.server.transaction;

import dev.verdict.server.client.Client;
import dev.verdict.server.db.BytesKey;
import dev.verdict.server.db.Database;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which clients watch which keys, per database (Redis's {@code db->watched_keys}). Every write,
 * expiry, eviction, FLUSH and SWAPDB reaches {@link #touch}; when nobody watches anything in
 * that database the cost is one empty-map check.
 */
public final class WatchedKeys {

    private final List<Map<BytesKey, Set<Client>>> byDb = new ArrayList<>();

    public WatchedKeys(int databases) {
        for (int i = 0; i < databases; i++) byDb.add(new HashMap<>());
    }

    public void watch(Client client, Database db, byte[] key, long nowMillis) {
        Transaction tx = client.transaction();
        for (Transaction.Watched w : tx.watched) {
            if (w.db == db.id() && java.util.Arrays.equals(w.key, key)) return;
        }
        byDb.get(db.id()).computeIfAbsent(new BytesKey(key), k -> new LinkedHashSet<>()).add(client);
        tx.watched.add(new Transaction.Watched(db.id(), key, logicallyExpired(db, key, nowMillis)));
    }

    public void unwatchAll(Client client) {
        Transaction tx = client.transaction();
        for (Transaction.Watched w : tx.watched) {
            Map<BytesKey, Set<Client>> keys = byDb.get(w.db);
            BytesKey k = new BytesKey(w.key);
            Set<Client> clients = keys.get(k);
            if (clients == null) continue;
            clients.remove(client);
            if (clients.isEmpty()) keys.remove(k);
        }
        tx.watched.clear();
    }

    /** A key was written (or evicted): every client watching it fails its next EXEC. */
    public void touch(Database db, byte[] key) {
        Map<BytesKey, Set<Client>> keys = byDb.get(db.id());
        if (keys.isEmpty()) return;
        Set<Client> clients = keys.get(new BytesKey(key));
        if (clients == null) return;
        for (Client client : clients) client.transaction().markDirty();
    }

    /**
     * A key was deleted because it expired. A client that watched it while it was already
     * logically expired sees no change (Redis 7.0.15's watchedKey.expired rule).
     */
    public void touchExpired(Database db, byte[] key) {
        Map<BytesKey, Set<Client>> keys = byDb.get(db.id());
        if (keys.isEmpty()) return;
        Set<Client> clients = keys.get(new BytesKey(key));
        if (clients == null) return;
        for (Client client : clients) {
            Transaction.Watched w = find(client.transaction(), db.id(), key);
            if (w != null && w.expiredWhenWatched) {
                w.expiredWhenWatched = false;
            } else {
                client.transaction().markDirty();
            }
        }
    }

    /**
     * FLUSHDB, FLUSHALL and SWAPDB: call before {@code emptied} is cleared or swapped; a watched key
     * counts as touched when it exists in {@code emptied} or in {@code replacedWith} (may be null).
     */
    public void touchAllInDb(Database emptied, Database replacedWith) {
        Map<BytesKey, Set<Client>> keys = byDb.get(emptied.id());
        if (keys.isEmpty()) return;
        List<Map.Entry<BytesKey, Set<Client>>> entries = new ArrayList<>(keys.entrySet());
        for (Map.Entry<BytesKey, Set<Client>> entry : entries) {
            byte[] key = entry.getKey().bytes();
            boolean exists = emptied.exists(key) || (replacedWith != null && replacedWith.exists(key));
            if (!exists) continue;
            for (Client client : entry.getValue()) client.transaction().markDirty();
        }
    }

    /** At EXEC: a watched key that has logically expired since WATCH fails the transaction. */
    public boolean anyExpiredSinceWatch(Client client, dev.verdict.server.db.Keyspace keyspace, long nowMillis) {
        for (Transaction.Watched w : client.transaction().watched) {
            if (w.expiredWhenWatched) continue;
            if (logicallyExpired(keyspace.db(w.db), w.key, nowMillis)) return true;
        }
        return false;
    }

    private static Transaction.Watched find(Transaction tx, int db, byte[] key) {
        for (Transaction.Watched w : tx.watched) {
            if (w.db == db && java.util.Arrays.equals(w.key, key)) return w;
        }
        return null;
    }

    private static boolean logicallyExpired(Database db, byte[] key, long nowMillis) {
        long when = db.expireAt(key);
        return when >= 0 && when <= nowMillis;
    }
}
