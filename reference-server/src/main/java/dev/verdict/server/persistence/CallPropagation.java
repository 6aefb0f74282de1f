package dev.verdict.server.persistence;

import dev.verdict.server.client.Client;
import dev.verdict.server.persistence.aof.Propagation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What one command execution propagates, to the AOF and the replication stream (Redis 7.0's call, alsoPropagate,
 * rewriteClientCommandVector, preventCommandPropagation and propagatePendingCommands): the
 * commands a call added on its own, then its argv (or the form it was rewritten to) when it
 * changed the dataset; more than one command from a top-level call is wrapped in MULTI/EXEC.
 * Calls nest (EXEC runs its queued commands inside its own call), so the state is a stack, and
 * what nested calls propagate goes out with the outermost one (a transaction of one write is
 * propagated as that write alone, as in Redis 7.0).
 * A blocked client served outside any call (BLPOP woken by a push) propagates through
 * {@link #propagateAs} and {@link #flushServed}, as serveClientsBlockedOn*Key does.
 */
final class CallPropagation {

    private record Op(int db, byte[][] argv) {
    }

    private static final byte[] DEL = {'D', 'E', 'L'};
    private static final byte[] UNLINK = {'U', 'N', 'L', 'I', 'N', 'K'};
    private static final byte[][] MULTI = {{'M', 'U', 'L', 'T', 'I'}};
    private static final byte[][] EXEC = {{'E', 'X', 'E', 'C'}};

    /** Where a propagated command goes (Redis's propagateNow): the AOF, the replicas. */
    interface Target {
        void feed(int db, byte[][] argv);
    }

    private final Target target;
    private int depth;
    private long[] dirtyAtCall = new long[8];
    private Object[] preState = new Object[8];
    private byte[][][] replacement = new byte[8][][];
    private boolean[] prevented = new boolean[8];
    private int[] pendingStart = new int[8];
    private final List<Op> pending = new ArrayList<>();

    CallPropagation(Target target) {
        this.target = target;
    }

    void beforeCall(Client client, String name, byte[][] argv, long dirty, boolean active) {
        if (depth == dirtyAtCall.length) {
            int n = depth * 2;
            dirtyAtCall = Arrays.copyOf(dirtyAtCall, n);
            preState = Arrays.copyOf(preState, n);
            replacement = Arrays.copyOf(replacement, n);
            prevented = Arrays.copyOf(prevented, n);
            pendingStart = Arrays.copyOf(pendingStart, n);
        }
        dirtyAtCall[depth] = dirty;
        preState[depth] = active ? Propagation.before(client, name, argv) : null;
        replacement[depth] = null;
        prevented[depth] = false;
        pendingStart[depth] = pending.size();
        depth++;
    }

    void afterCall(Client client, String name, byte[][] argv, long dirty, boolean active) {
        depth--;
        byte[][] replaced = replacement[depth];
        replacement[depth] = null;
        Object before = preState[depth];
        preState[depth] = null;
        if (!active) {
            // every command passes here: without an AOF or replicas nothing is collected, so nothing is allocated
            if (pending.size() > pendingStart[depth]) pending.subList(pendingStart[depth], pending.size()).clear();
            return;
        }
        List<Op> ops = take(pendingStart[depth]);
        int db = client.db().id();
        boolean changed = dirty != dirtyAtCall[depth]
                || name.equals("flushall") || name.equals("flushdb") || name.equals("swapdb");
        // EXEC is not propagated itself: its commands are, collected below it
        if (changed && !prevented[depth] && !name.equals("exec")) {
            if (replaced != null) {
                ops.add(new Op(db, replaced));
            } else {
                for (byte[][] out : Propagation.rewrite(client, name, argv, before)) ops.add(new Op(db, out));
            }
        }
        if (depth > 0) {
            pending.addAll(ops); // the enclosing call (EXEC) propagates them with its own
            return;
        }
        if (!ops.isEmpty()) feedAtomically(ops);
    }

    /**
     * rewriteClientCommandVector: the running command propagates {@code argv} instead of its own
     * (if it changes the dataset); outside a call (a blocked client being served) it is queued
     * for {@link #flushServed}.
     */
    void propagateAs(Client client, byte[][] argv, boolean active) {
        if (depth > 0) replacement[depth - 1] = argv;
        else if (active) pending.add(new Op(client.db().id(), argv));
    }

    /** alsoPropagate: propagated before the command's own form, whatever the dirty counter says. */
    void alsoPropagate(Client client, byte[][] argv, boolean active) {
        if (active) pending.add(new Op(client.db().id(), argv));
    }

    /**
     * A key deleted because it expired (or was evicted), as DEL: inside a call it joins the
     * call's commands, so a write that found its key expired goes out as MULTI, DEL, write, EXEC;
     * outside (active expiry, eviction) it goes out alone.
     */
    void deleted(int db, byte[] key, boolean unlink, boolean active) {
        if (!active) return;
        byte[][] del = {unlink ? UNLINK : DEL, key};
        if (depth > 0) pending.add(new Op(db, del));
        else target.feed(db, del);
    }

    /** preventCommandPropagation: the command's own argv is not propagated (what it added still is). */
    void preventCommandPropagation() {
        if (depth > 0) prevented[depth - 1] = true;
    }

    /** True inside a call made by another call (a command run by EXEC). */
    boolean nested() {
        return depth > 1;
    }

    /** After a blocked client was served: what serving it queued goes out, as one unit. */
    void flushServed(boolean active) {
        if (depth > 0) return;
        List<Op> ops = take(0);
        if (active && !ops.isEmpty()) feedAtomically(ops);
    }

    private List<Op> take(int from) {
        List<Op> tail = pending.subList(from, pending.size());
        List<Op> ops = new ArrayList<>(tail);
        tail.clear();
        return ops;
    }

    /**
     * propagatePendingCommands: a single command as is (a transaction with one write too),
     * several inside MULTI/EXEC; MULTI goes out in the first command's database, so a SELECT
     * comes before it.
     */
    private void feedAtomically(List<Op> ops) {
        if (ops.size() == 1) {
            target.feed(ops.get(0).db(), ops.get(0).argv());
            return;
        }
        target.feed(ops.get(0).db(), MULTI);
        for (Op op : ops) target.feed(op.db(), op.argv());
        target.feed(ops.get(ops.size() - 1).db(), EXEC);
    }
}
