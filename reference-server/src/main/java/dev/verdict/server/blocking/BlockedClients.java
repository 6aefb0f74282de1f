package dev.verdict.server.blocking;

import dev.verdict.server.ServerContext;
import dev.verdict.server.client.Client;
import dev.verdict.server.db.BytesKey;
import dev.verdict.server.db.Database;
import io.netty.util.concurrent.ScheduledFuture;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Clients blocked on keys (BLPOP, BZPOPMIN, XREAD BLOCK, ...). A command that may have made a
 * key servable calls {@link #signalKeyAsReady}; the dispatcher calls {@link #serveReadyKeys()}
 * after every command, as Redis's handleClientsBlockedOnKeys runs after each call, and waiting
 * clients are served first-come-first-served. While blocked, a client's further requests wait
 * in its queue ({@link #deferIfBlocked}), as Redis stops reading from a blocked client.
 */
public final class BlockedClients {

    private record Waiting(Database db, byte[][] keys, BlockedRequest request, long deadlineMillis,
                           ScheduledFuture<?> timer) {
    }

    private record ReadyKey(Database db, BytesKey key) {
    }

    private ServerContext server;
    private final Map<ReadyKey, LinkedHashSet<Client>> byKey = new HashMap<>();
    private final Map<Client, Waiting> byClient = new IdentityHashMap<>();
    private final Map<Client, ArrayDeque<byte[][]>> deferred = new IdentityHashMap<>();
    private LinkedHashSet<ReadyKey> ready = new LinkedHashSet<>();

    /** Set once by the server context, which owns this registry. */
    public void attach(ServerContext server) {
        this.server = server;
    }

    public boolean isBlocked(Client client) {
        return byClient.containsKey(client);
    }

    public int blockedCount() {
        return byClient.size();
    }

    /** Blocked clients with a deadline (INFO's clients_in_timeout_table). */
    public int withTimeoutCount() {
        int n = 0;
        for (Waiting w : byClient.values()) if (w.deadlineMillis() != 0) n++; // a wrapped deadline counts too
        return n;
    }

    /** Number of distinct keys clients are blocked on (INFO's blocked_keys... in 7.0 not shown, kept for tests). */
    public int keyCount() {
        return byKey.size();
    }

    /**
     * Blocks the client on {@code keys} of {@code db} until served, timed out ({@code deadlineMillis},
     * absolute Unix ms; 0 = forever; negative = wrapped past LLONG_MAX, which never fires) or unblocked.
     */
    public void block(Client client, Database db, byte[][] keys, long deadlineMillis, BlockedRequest request) {
        ScheduledFuture<?> timer = null;
        if (deadlineMillis > 0) {
            long delay = Math.max(0, deadlineMillis - System.currentTimeMillis());
            timer = client.channel().eventLoop().schedule(() -> {
                handleTimeouts(System.currentTimeMillis());
                if (server != null) server.flushPendingWrites();
            }, delay, TimeUnit.MILLISECONDS);
        }
        byClient.put(client, new Waiting(db, keys, request, deadlineMillis, timer));
        for (byte[] key : keys) {
            byKey.computeIfAbsent(new ReadyKey(db, new BytesKey(key)), k -> new LinkedHashSet<>()).add(client);
        }
    }

    /** Marks a key whose value may now serve blocked clients (Redis's signalKeyAsReady). */
    public void signalKeyAsReady(Database db, byte[] key) {
        if (byKey.isEmpty()) return; // every write signals: nothing to look up while no client waits
        ReadyKey k = new ReadyKey(db, new BytesKey(key));
        if (byKey.containsKey(k)) ready.add(k);
    }

    /**
     * scanDatabaseForReadyKeys: after SWAPDB (clients stay blocked in their database number),
     * every key waited on in {@code db} that exists there now may serve its clients.
     */
    public void scanForReadyKeys(Database db) {
        if (byKey.isEmpty()) return;
        for (ReadyKey k : byKey.keySet()) {
            if (k.db() == db && db.peek(k.key().bytes()) != null) ready.add(k);
        }
    }

    /** Serves clients blocked on keys that became ready during the last command. */
    public void serveReadyKeys() {
        while (!ready.isEmpty()) {
            LinkedHashSet<ReadyKey> batch = ready;
            ready = new LinkedHashSet<>();
            for (ReadyKey k : batch) {
                LinkedHashSet<Client> waiting = byKey.get(k);
                if (waiting == null) continue;
                for (Client client : new ArrayList<>(waiting)) {
                    Waiting w = byClient.get(client);
                    if (w == null) continue;
                    boolean served = w.request().tryServe(client, k.key().bytes());
                    // what serving it propagated (LPOP for a BLPOP...) goes out per client, as in Redis
                    if (server != null) server.persistence().blockedClientServed();
                    if (served) {
                        unblock(client);
                        markWritten(client);
                    }
                }
            }
        }
    }

    /** Times out every client whose deadline has passed; the server cron may call this too. */
    public void handleTimeouts(long nowMillis) {
        List<Client> expired = new ArrayList<>();
        for (Map.Entry<Client, Waiting> e : byClient.entrySet()) {
            long deadline = e.getValue().deadlineMillis();
            if (deadline > 0 && deadline <= nowMillis) expired.add(e.getKey());
        }
        for (Client client : expired) {
            Waiting w = byClient.get(client);
            w.request().timedOut(client);
            unblock(client);
            markWritten(client);
        }
    }

    /**
     * CLIENT UNBLOCK: ends the client's wait with the timeout reply, or with Redis's UNBLOCKED
     * error; false when the client was not blocked.
     */
    public boolean unblock(Client client, boolean withError) {
        Waiting w = byClient.get(client);
        if (w == null) return false;
        if (withError) client.reply().error("UNBLOCKED client unblocked via CLIENT UNBLOCK");
        else w.request().timedOut(client);
        unblock(client);
        markWritten(client);
        return true;
    }

    /**
     * disconnectAllBlockedClients, when this server turns replica: waiting on keys is no longer
     * safe, so every blocked client gets {@code error} and is closed once it is written.
     */
    public void disconnectAll(String error) {
        for (Client client : new java.util.ArrayList<>(byClient.keySet())) {
            deferred.remove(client);
            client.reply().error(error);
            unblock(client);
            client.closeAfterReply();
            markWritten(client);
        }
    }

    /** Queues a request of a blocked client; true when queued (the caller must not run it). */
    public boolean deferIfBlocked(Client client, byte[][] argv) {
        ArrayDeque<byte[][]> queue = deferred.get(client);
        if (queue == null && !isBlocked(client)) return false;
        if (queue == null) deferred.put(client, queue = new ArrayDeque<>());
        queue.add(argv);
        return true;
    }

    /** Forgets a disconnected client. */
    public void disconnected(Client client) {
        if (isBlocked(client)) unblock(client);
        deferred.remove(client);
    }

    private void unblock(Client client) {
        Waiting w = byClient.remove(client);
        if (w.timer() != null) w.timer().cancel(false);
        for (byte[] key : w.keys()) {
            ReadyKey k = new ReadyKey(w.db(), new BytesKey(key));
            LinkedHashSet<Client> waiting = byKey.get(k);
            if (waiting == null) continue;
            waiting.remove(client);
            if (waiting.isEmpty()) byKey.remove(k);
        }
        if (deferred.containsKey(client) && server != null) {
            // Run what the client sent while it waited, after the current command finishes.
            client.channel().eventLoop().execute(() -> resumeDeferred(client));
        }
    }

    private void resumeDeferred(Client client) {
        ArrayDeque<byte[][]> queue = deferred.get(client);
        while (queue != null && !queue.isEmpty() && !isBlocked(client)) {
            server.dispatcher().dispatch(client, queue.poll());
        }
        if (queue != null && queue.isEmpty()) deferred.remove(client);
        server.flushPendingWrites();
    }

    private void markWritten(Client client) {
        if (server != null) server.markPendingWrite(client);
    }
}
