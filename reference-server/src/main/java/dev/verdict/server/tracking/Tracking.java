package dev.verdict.server.tracking;

import dev.verdict.server.ServerContext;
import dev.verdict.server.client.Client;
import dev.verdict.server.command.CommandFlag;
import dev.verdict.server.command.CommandSpec;
import dev.verdict.server.command.KeySpecs;
import dev.verdict.server.db.BytesKey;
import dev.verdict.server.resp.ReplyWriter;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Server-assisted client-side caching (Redis's tracking.c). In the default mode the keys a
 * tracking client reads are remembered in a table key -> client ids, shared by every database as
 * in Redis; a write to such a key sends each reader one invalidation and forgets them. In BCAST
 * mode every modified key matching a registered prefix is collected and sent once per event-loop
 * iteration. Invalidations go to the client as RESP3 pushes, or to its REDIRECT client (a RESP2
 * one gets them as messages on {@code __redis__:invalidate} while it is subscribed).
 */
public final class Tracking {

    private static final byte[] INVALIDATE = "invalidate".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MESSAGE = "message".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CHANNEL = "__redis__:invalidate".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] REDIR_BROKEN = "tracking-redir-broken".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RESP2_NULL = "$-1\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RESP3_NULL = "_\r\n".getBytes(StandardCharsets.US_ASCII);

    /** A BCAST prefix: its clients and the keys modified since the last broadcast, each with its last modifier. */
    private static final class Prefix {
        final LinkedHashSet<Client> clients = new LinkedHashSet<>();
        TreeMap<byte[], Client> keys = new TreeMap<>(Arrays::compareUnsigned);
    }

    private final ServerContext server;
    private final HashMap<BytesKey, ReaderIds> table = new HashMap<>();
    private final TreeMap<byte[], Prefix> prefixes = new TreeMap<>(Arrays::compareUnsigned);
    private long totalItems;
    private int trackingClients;
    private long maxKeys;
    private int evictionRounds;
    private BytesKey lastRemembered;
    /** The client whose command runs now (server.current_client), null between commands and in the cron. */
    private Client current;
    /** Invalidations for the running client's own changes, sent after its reply (null stands for a flush). */
    private final List<byte[]> pendingForCurrent = new ArrayList<>();

    public Tracking(ServerContext server) {
        this.server = server;
    }

    /** {@code tracking-table-max-keys}, 0 for no limit. */
    public void maxKeys(long maxKeys) {
        this.maxKeys = maxKeys;
    }

    // ---- CLIENT TRACKING ON / OFF

    /** Redis's enableTracking: options replace the previous ones, BCAST prefixes add to those registered. */
    public void enable(Client c, long redirect, boolean bcast, boolean optin, boolean optout, boolean noloop,
                       List<byte[]> newPrefixes) {
        ClientTracking t = c.tracking();
        if (t == null) {
            t = new ClientTracking();
            c.tracking(t);
            trackingClients++;
        }
        t.brokenRedirect = false;
        t.bcast = false;
        t.optin = false;
        t.optout = false;
        t.noloop = false;
        t.redirect = redirect;
        if (bcast) {
            t.bcast = true;
            if (newPrefixes.isEmpty()) registerPrefix(c, t, new byte[0]);
            for (byte[] p : newPrefixes) registerPrefix(c, t, p);
        }
        t.optin = optin;
        t.optout = optout;
        t.noloop = noloop;
    }

    private void registerPrefix(Client c, ClientTracking t, byte[] prefix) {
        Prefix state = prefixes.computeIfAbsent(prefix, p -> new Prefix());
        if (state.clients.add(c)) {
            if (t.prefixes == null) t.prefixes = ClientTracking.newPrefixSet();
            t.prefixes.add(prefix);
        }
    }

    /**
     * Redis's disableTracking (CLIENT TRACKING OFF, RESET, a closed connection): the client leaves
     * its prefixes; the keys it read stay in the table until they change, and are then skipped.
     */
    public void disable(Client c) {
        ClientTracking t = c.tracking();
        if (t == null) return;
        if (t.bcast && t.prefixes != null) {
            for (byte[] p : t.prefixes) {
                Prefix state = prefixes.get(p);
                if (state == null) continue;
                state.clients.remove(c);
                if (state.clients.isEmpty()) prefixes.remove(p);
            }
        }
        c.tracking(null);
        trackingClients--;
    }

    /**
     * The first prefix collision Redis's checkPrefixCollisionsOrReply reports, or null. Like
     * Redis, a collision among the given prefixes found after the first one is reported and yet
     * the command goes on (its function returns the loop index as "success").
     */
    public static Collision prefixCollision(ClientTracking t, List<byte[]> given) {
        for (int i = 0; i < given.size(); i++) {
            byte[] p = given.get(i);
            if (t != null && t.prefixes != null) {
                for (byte[] existing : t.prefixes) {
                    if (overlaps(existing, p)) {
                        return new Collision("Prefix '" + cString(p) + "' overlaps with an existing prefix '"
                                + cString(existing) + "'. Prefixes for a single client must not overlap.", true);
                    }
                }
            }
            for (int j = i + 1; j < given.size(); j++) {
                if (overlaps(p, given.get(j))) {
                    return new Collision("Prefix '" + cString(p) + "' overlaps with another provided prefix '"
                            + cString(given.get(j)) + "'. Prefixes for a single client must not overlap.", i == 0);
                }
            }
        }
        return null;
    }

    /** An overlap error, and whether it stops the command (false reproduces Redis's error-then-OK). */
    public record Collision(String message, boolean stops) {
    }

    /** stringCheckPrefix: an empty prefix overlaps every other. */
    private static boolean overlaps(byte[] a, byte[] b) {
        if (a.length == 0 || b.length == 0) return true;
        int n = Math.min(a.length, b.length);
        return Arrays.equals(a, 0, n, b, 0, n);
    }

    /** '%s' of an sds: C stops at the first NUL byte. */
    private static String cString(byte[] bytes) {
        int end = 0;
        while (end < bytes.length && bytes[end] != 0) end++;
        return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
    }

    // ---- around each command (Redis's call)

    /** Marks the start of a top-level command; false when one already runs (a command inside EXEC). */
    public boolean enter(Client c) {
        if (current != null) return false;
        current = c;
        return true;
    }

    /** trackingRememberKeys for a read-only command the client ran in the default mode. */
    public void rememberKeys(Client c, CommandSpec command, byte[][] argv) {
        ClientTracking t = c.tracking();
        if (t.bcast || !t.remembersKeys()) return;
        if (!command.hasFlag(CommandFlag.MOVABLEKEYS)) {
            // Redis derives the legacy first/last/step range from the key specs wherever they allow
            // one (else it flags the command movablekeys), so it finds the same keys for less
            if (command.firstKey() <= 0) return;
            int last = command.lastKey() < 0 ? argv.length + command.lastKey() : command.lastKey();
            for (int i = command.firstKey(); i <= last && i < argv.length; i += command.keyStep()) remember(c, argv[i]);
            return;
        }
        List<KeySpecs.KeyPosition> keys = KeySpecs.find(command, argv);
        if (keys == null) return;
        for (KeySpecs.KeyPosition k : keys) remember(c, argv[k.index()]);
    }

    private void remember(Client c, byte[] name) {
        BytesKey key = new BytesKey(name);
        ReaderIds ids = table.get(key);
        if (ids == null) {
            ids = new ReaderIds();
            table.put(key, ids);
            lastRemembered = key;
        }
        if (ids.add(c.id())) totalItems++;
    }

    /** After a top-level command: the table is cut to {@code tracking-table-max-keys}. */
    public void leave() {
        current = null;
        if (trackingClients > 0) limitUsedSlots();
    }

    /**
     * After the dispatcher finished with a request: the invalidations the client's own changes
     * caused, behind its reply; sent even when that reply is dropped by CLIENT REPLY OFF or SKIP,
     * as Redis 7.0.15 pushes them. No command runs any more, even if one ended by an exception.
     */
    public void afterRequest(Client c) {
        current = null;
        if (pendingForCurrent.isEmpty()) return;
        for (byte[] key : pendingForCurrent) {
            if (key == null) send(c, nullFor(c), true);
            else send(c, key, false);
        }
        pendingForCurrent.clear();
    }

    // ---- invalidation

    /** True when a key change has anyone to tell (one check on the write path when nobody tracks). */
    public boolean active() {
        return !table.isEmpty() || !prefixes.isEmpty();
    }

    /** signalModifiedKey: the running command (if any) changed {@code key}. */
    public void keyModified(byte[] key) {
        invalidate(key, current, true);
    }

    /** A key expired or was evicted: no client changed it. */
    public void keyRemovedByServer(byte[] key) {
        invalidate(key, null, true);
    }

    /** Redis's trackingInvalidateKey. */
    private void invalidate(byte[] key, Client modifier, boolean bcast) {
        if (bcast && !prefixes.isEmpty()) rememberForBroadcast(key, modifier);
        if (table.isEmpty()) return;
        ReaderIds ids = table.remove(new BytesKey(key));
        if (ids == null) return;
        totalItems -= ids.size();
        for (int i = 0; i < ids.size(); i++) {
            Client target = server.clients().get(ids.get(i));
            if (target == null) continue;
            ClientTracking t = target.tracking();
            // a client that switched to BCAST is not sent what it read before
            if (t == null || t.bcast) continue;
            if (t.noloop && target == current) continue;
            // the writer's own invalidation must follow its reply, not cut into it
            if (modifier != null && target == modifier) pendingForCurrent.add(key);
            else send(target, singleKey(key), true);
        }
    }

    private void rememberForBroadcast(byte[] key, Client modifier) {
        for (Map.Entry<byte[], Prefix> e : prefixes.entrySet()) {
            byte[] p = e.getKey();
            if (p.length > key.length) continue;
            if (p.length != 0 && !Arrays.equals(p, 0, p.length, key, 0, p.length)) continue;
            e.getValue().keys.put(key, modifier);
        }
    }

    /**
     * FLUSHDB / FLUSHALL (trackingInvalidateKeysOnFlush): every tracking client gets a null
     * invalidation, whatever database it reads, and the table is emptied.
     */
    public void flushed() {
        if (trackingClients > 0) {
            for (Client c : server.clients().values()) {
                if (c.tracking() == null) continue;
                if (c == current) pendingForCurrent.add(null);
                else send(c, nullFor(c), true);
            }
        }
        table.clear();
        totalItems = 0;
    }

    /** Redis's trackingBroadcastInvalidationMessages, from beforeSleep: one push per prefix with its keys. */
    public void broadcast() {
        if (trackingClients == 0 || prefixes.isEmpty()) return;
        for (Prefix state : prefixes.values()) {
            if (state.keys.isEmpty()) continue;
            byte[] all = keysArray(state.keys, null);
            for (Client c : state.clients) {
                if (c.tracking() != null && c.tracking().noloop) {
                    byte[] own = keysArray(state.keys, c);
                    if (own != null) send(c, own, true);
                } else {
                    send(c, all, true);
                }
            }
            state.keys = new TreeMap<>(Arrays::compareUnsigned);
        }
    }

    /** The keys as a RESP array, leaving out those last changed by {@code skip}; null when none is left. */
    private static byte[] keysArray(TreeMap<byte[], Client> keys, Client skip) {
        int count = 0;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (Map.Entry<byte[], Client> e : keys.entrySet()) {
            if (skip != null && e.getValue() == skip) continue;
            count++;
            appendBulk(out, e.getKey());
        }
        if (count == 0) return null;
        byte[] header = ("*" + count + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] body = out.toByteArray();
        byte[] all = Arrays.copyOf(header, header.length + body.length);
        System.arraycopy(body, 0, all, header.length, body.length);
        return all;
    }

    private static byte[] singleKey(byte[] key) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(key.length + 16);
        out.writeBytes("*1\r\n".getBytes(StandardCharsets.US_ASCII));
        appendBulk(out, key);
        return out.toByteArray();
    }

    private static void appendBulk(java.io.ByteArrayOutputStream out, byte[] value) {
        out.writeBytes(("$" + value.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(value);
        out.write('\r');
        out.write('\n');
    }

    /** The null of the tracking client's own protocol, even when a client of the other protocol receives it (as Redis). */
    private static byte[] nullFor(Client c) {
        return c.protocol() > 2 ? RESP3_NULL : RESP2_NULL;
    }

    /**
     * Redis's sendTrackingMessage: {@code payload} is the encoded value (an array of keys or a
     * null), or a key still to be wrapped when {@code encoded} is false.
     */
    private void send(Client c, byte[] payload, boolean encoded) {
        if (!encoded) payload = singleKey(payload);
        ClientTracking t = c.tracking();
        boolean redirected = false;
        if (t != null && t.redirect != 0) {
            Client target = server.clients().get(t.redirect);
            if (target == null) {
                t.brokenRedirect = true;
                if (c.protocol() > 2) {
                    ReplyWriter out = c.reply();
                    out.pushHeader(2);
                    out.bulk(REDIR_BROKEN);
                    out.integer(t.redirect);
                    server.markPendingWrite(c);
                }
                return;
            }
            c = target;
            redirected = true;
        }
        ReplyWriter out = c.reply();
        if (c.protocol() > 2) {
            out.pushHeader(2);
            out.bulk(INVALIDATE);
        } else if (redirected && c.subscriptions().active()) {
            out.arrayHeader(3);
            out.bulk(MESSAGE);
            out.bulk(CHANNEL);
        } else {
            return; // RESP2 has no way to push on the reading connection itself
        }
        out.raw(payload);
        server.markPendingWrite(c);
    }

    /**
     * trackingLimitUsedSlots: over {@code tracking-table-max-keys}, keys are dropped (and their
     * readers invalidated) with an effort that grows while the table stays over the limit.
     * Redis picks them by a random walk; here the key remembered last goes first, then any other.
     */
    private void limitUsedSlots() {
        if (maxKeys == 0 || table.size() <= maxKeys) {
            evictionRounds = 0;
            return;
        }
        int effort = 100 * (evictionRounds + 1);
        while (effort-- > 0 && !table.isEmpty()) {
            BytesKey victim = lastRemembered != null && table.containsKey(lastRemembered) ? lastRemembered : null;
            if (victim == null) {
                Iterator<BytesKey> it = table.keySet().iterator();
                victim = it.next();
            }
            invalidate(victim.bytes(), null, false);
            if (table.size() <= maxKeys) {
                evictionRounds = 0;
                return;
            }
        }
        evictionRounds++;
    }

    // ---- INFO

    public int trackingClients() {
        return trackingClients;
    }

    public long totalKeys() {
        return table.size();
    }

    public long totalItems() {
        return totalItems;
    }

    public long totalPrefixes() {
        return prefixes.size();
    }
}
