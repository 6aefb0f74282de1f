package dev.verdict.server.server;

import dev.verdict.server.command.CommandFlag;

import dev.verdict.server.command.CommandSpec;
import dev.verdict.server.transaction.Transaction;

/** CLIENT PAUSE state: which commands are held back, and until when. */
public final class ClientPause {

    private boolean all;
    private long untilMillis;

    /** Pauses until {@code untilMillis}; like Redis, a longer or stricter pause wins over a running one. */
    public void pause(boolean all, long untilMillis) {
        if (active(System.currentTimeMillis())) {
            this.all = this.all || all;
            this.untilMillis = Math.max(this.untilMillis, untilMillis);
        } else {
            this.all = all;
            this.untilMillis = untilMillis;
        }
    }

    public void unpause() {
        untilMillis = 0;
    }

    public boolean active(long nowMillis) {
        return untilMillis > nowMillis;
    }

    /** True when the pause must hold {@code command} back (Redis's PAUSE_ACTION_CLIENT_ALL / _WRITE). */
    public boolean holds(CommandSpec command, Transaction tx) {
        if (untilMillis == 0 || !active(System.currentTimeMillis())) return false;
        if (all) return true;
        CommandSpec base = command.parent() == null ? command : command.parent();
        boolean mayReplicate = command.hasFlag(CommandFlag.WRITE) || command.hasFlag(CommandFlag.MAY_REPLICATE);
        if (!mayReplicate && base.name().equals("exec")) {
            mayReplicate = tx.anyQueuedHas(CommandFlag.WRITE) || tx.anyQueuedHas(CommandFlag.MAY_REPLICATE);
        }
        return mayReplicate;
    }
}
