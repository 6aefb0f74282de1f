package dev.verdict.server.transaction;

import dev.verdict.server.command.CommandFlag;
import dev.verdict.server.command.CommandSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * One client's MULTI state and watched keys (Redis's {@code multiState} plus the client's
 * {@code watched_keys}, CLIENT_DIRTY_CAS and CLIENT_DIRTY_EXEC flags).
 */
public final class Transaction {

    /** A command queued between MULTI and EXEC. */
    public record Queued(CommandSpec command, byte[][] argv) {
    }

    /** A key this client watches; {@code expiredWhenWatched} as Redis's watchedKey.expired. */
    static final class Watched {
        final int db;
        final byte[] key;
        boolean expiredWhenWatched;

        Watched(int db, byte[] key, boolean expiredWhenWatched) {
            this.db = db;
            this.key = key;
            this.expiredWhenWatched = expiredWhenWatched;
        }
    }

    private boolean inMulti;
    private boolean dirtyExec;
    private boolean dirtyCas;
    private final List<Queued> queued = new ArrayList<>();
    final List<Watched> watched = new ArrayList<>();

    public boolean inMulti() {
        return inMulti;
    }

    void begin() {
        inMulti = true;
    }

    public void queue(CommandSpec command, byte[][] argv) {
        queued.add(new Queued(command, argv));
    }

    public List<Queued> queued() {
        return queued;
    }

    /** A command was rejected while queuing: EXEC will answer EXECABORT (flagTransaction). */
    public void flagError() {
        if (inMulti) dirtyExec = true;
    }

    public boolean dirtyExec() {
        return dirtyExec;
    }

    /** A watched key changed: EXEC will answer a null array. */
    public void markDirty() {
        dirtyCas = true;
    }

    /** UNWATCH: what the watched keys went through no longer counts. */
    public void clearDirtyCas() {
        dirtyCas = false;
    }

    public boolean dirtyCas() {
        return dirtyCas;
    }

    /** Whether any queued command carries {@code flag} (Redis's mstate.cmd_flags). */
    public boolean anyQueuedHas(CommandFlag flag) {
        for (Queued q : queued) if (q.command().hasFlag(flag)) return true;
        return false;
    }

    /** True when a queued command lacks {@code flag} (Redis's mstate.cmd_inv_flags). */
    public boolean anyQueuedLacks(CommandFlag flag) {
        for (Queued q : queued) if (!q.command().hasFlag(flag)) return true;
        return false;
    }

    public int watchedCount() {
        return watched.size();
    }

    /** Leaves MULTI and forgets the queue (the watched keys are the registry's to drop). */
    void reset() {
        inMulti = false;
        dirtyExec = false;
        dirtyCas = false;
        queued.clear();
    }
}
