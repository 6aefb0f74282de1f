package dev.verdict.server.server;

import dev.verdict.server.command.CommandFlag;

import dev.verdict.server.command.CommandSpec;
import dev.verdict.server.transaction.Transaction;

import java.util.EnumMap;
import java.util.Map;

/**
 * Which commands are held back, and until when (Redis 7.0's client_pause_per_purpose): CLIENT
 * PAUSE, a SHUTDOWN waiting for its replicas and a FAILOVER each pause for their own purpose; the
 * strictest running pause holds, and ending one purpose (CLIENT UNPAUSE, FAILOVER ABORT) leaves
 * the others in force.
 */
public final class ClientPause {

    /** Redis's pause_purpose. */
    public enum Purpose { CLIENT_COMMAND, SHUTDOWN, FAILOVER }

    private record Pause(boolean all, long untilMillis) {
    }

    private final Map<Purpose, Pause> pauses = new EnumMap<>(Purpose.class);

    /** CLIENT PAUSE: like Redis, a longer or stricter pause wins over a running one. */
    public void pause(boolean all, long untilMillis) {
        pause(Purpose.CLIENT_COMMAND, all, untilMillis);
    }

    /** CLIENT UNPAUSE: only the pause CLIENT PAUSE started ends. */
    public void unpause() {
        unpause(Purpose.CLIENT_COMMAND);
    }

    /** pauseClients: {@code all} holds every command, otherwise those that may write or replicate. */
    public void pause(Purpose purpose, boolean all, long untilMillis) {
        Pause running = pauses.get(purpose);
        if (running != null && running.untilMillis() > System.currentTimeMillis()) {
            pauses.put(purpose, new Pause(running.all() || all, Math.max(running.untilMillis(), untilMillis)));
        } else {
            pauses.put(purpose, new Pause(all, untilMillis));
        }
    }

    /** unpauseClients for one purpose; held clients are replayed once no pause is active. */
    public void unpause(Purpose purpose) {
        pauses.remove(purpose);
    }

    public boolean active(long nowMillis) {
        for (Pause p : pauses.values()) if (p.untilMillis() > nowMillis) return true;
        return false;
    }

    /** True when the pause must hold {@code command} back (Redis's PAUSE_ACTION_CLIENT_ALL / _WRITE). */
    public boolean holds(CommandSpec command, Transaction tx) {
        if (pauses.isEmpty()) return false;
        long now = System.currentTimeMillis();
        boolean any = false;
        boolean all = false;
        for (Pause p : pauses.values()) {
            if (p.untilMillis() <= now) continue;
            any = true;
            all |= p.all();
        }
        if (!any) return false;
        if (all) return true;
        CommandSpec base = command.parent() == null ? command : command.parent();
        boolean mayReplicate = command.hasFlag(CommandFlag.WRITE) || command.hasFlag(CommandFlag.MAY_REPLICATE);
        if (!mayReplicate && base.name().equals("exec")) {
            mayReplicate = tx.anyQueuedHas(CommandFlag.WRITE) || tx.anyQueuedHas(CommandFlag.MAY_REPLICATE);
        }
        return mayReplicate;
    }
}
