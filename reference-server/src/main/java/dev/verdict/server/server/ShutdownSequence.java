package dev.verdict.server.server;

import dev.verdict.server.Log;
import dev.verdict.server.ServerContext;
import dev.verdict.server.blocking.BlockedRequest;
import dev.verdict.server.client.Client;

import java.util.ArrayList;
import java.util.List;

/**
 * SHUTDOWN as Redis 7.0.15 runs it (prepareForShutdown, isReadyToShutdown, finishShutdown,
 * abortShutdown): unless NOW, a master whose replicas have not acknowledged its whole stream
 * asks them for an ACK, pauses writes and waits up to {@code shutdown-timeout} seconds, checked
 * by the cron, without holding the loop. The clients that asked stay blocked meanwhile; they are
 * closed when the server exits, or told {@code Errors trying to SHUTDOWN. Check logs.} when the
 * shutdown fails or is aborted. Owned by the event loop.
 */
public final class ShutdownSequence {

    /** SHUTDOWN's modifiers (Redis's SHUTDOWN_SAVE, _NOSAVE, _NOW, _FORCE). */
    public record Flags(boolean save, boolean nosave, boolean now, boolean force) {
    }

    private static final String FAILED = "ERR Errors trying to SHUTDOWN. Check logs.";

    private final ServerContext server;
    private final List<Client> blocked = new ArrayList<>();
    private Flags flags;
    /** shutdown_asap and last_sig_received: a signal asked for a shutdown the cron has not begun. */
    private String signal;
    /** shutdown_mstime: when the wait for replicas ends; 0 when no shutdown was initiated. */
    private long deadlineMillis;

    public ShutdownSequence(ServerContext server) {
        this.server = server;
    }

    /** isShutdownInitiated. */
    public boolean initiated() {
        return deadlineMillis != 0;
    }

    /**
     * shutdownCommand's end: the client blocks until the server exits (its connection closes) or
     * the shutdown fails; a SHUTDOWN while another waits joins the wait.
     */
    public void request(Client client, Flags requested) {
        block(client);
        if (prepare(requested)) server.shutdown();
    }

    private void block(Client client) {
        server.blocked().block(client, client.db(), new byte[0][], 0, new BlockedRequest() {
            @Override
            public boolean tryServe(Client c, byte[] key) {
                return false; // waits on no key
            }

            @Override
            public void timedOut(Client c) {
                c.reply().error(FAILED);
            }
        });
        blocked.add(client);
    }

    /** prepareForShutdown: true when the server may exit now. */
    private boolean prepare(Flags requested) {
        if (initiated()) return false;
        flags = requested;
        Log.warning("User requested shutdown...");
        long now = System.currentTimeMillis();
        long timeoutSeconds = server.config().getLong("shutdown-timeout");
        if (!requested.now() && timeoutSeconds != 0 && !server.replicationMaster().replicasCaughtUp()) {
            deadlineMillis = now + timeoutSeconds * 1000;
            if (!server.pause().active(now)) server.replicationMaster().requestAcks();
            server.pause().pause(ClientPause.Purpose.SHUTDOWN, false, Long.MAX_VALUE);
            Log.notice("Waiting for replicas before shutting down.");
            return false;
        }
        return finish();
    }

    /**
     * sigShutdownHandler's share on the loop: SIGTERM or SIGINT ({@code "TERM"}, {@code "INT"})
     * schedules a shutdown the cron begins with the flags of {@code shutdown-on-sigterm} or
     * {@code shutdown-on-sigint}. False for a second SIGINT, after which the process must exit
     * at once ("You insist...").
     */
    public boolean signalled(String name) {
        if (signal != null && name.equals("INT")) {
            Log.fromSignalHandler("You insist... exiting now.");
            return false;
        }
        Log.fromSignalHandler("Received SIG" + name + " scheduling shutdown...");
        signal = name;
        return true;
    }

    /** shutdown-on-sigterm / shutdown-on-sigint: {@code default}, or any of save, nosave, now, force. */
    private Flags signalFlags(String name) {
        String value = server.config().get(name.equals("INT") ? "shutdown-on-sigint" : "shutdown-on-sigterm");
        boolean save = false;
        boolean nosave = false;
        boolean now = false;
        boolean force = false;
        for (String word : value == null ? new String[0] : value.trim().split("\\s+")) {
            switch (word.toLowerCase(java.util.Locale.ROOT)) {
                case "save" -> save = true;
                case "nosave" -> nosave = true;
                case "now" -> now = true;
                case "force" -> force = true;
                default -> {
                }
            }
        }
        return new Flags(save, nosave, now, force);
    }

    /** serverCron's share: a signalled shutdown begins; a waiting one ends when every replica caught up or its time passed. */
    public void cron(long nowMillis) {
        if (signal != null && !initiated()) {
            if (prepare(signalFlags(signal))) server.shutdown();
            return;
        }
        if (!initiated()) return;
        if (nowMillis >= deadlineMillis || server.replicationMaster().replicasCaughtUp()) {
            if (finish()) server.shutdown();
        }
    }

    /** finishShutdown: lagging replicas are logged, the dataset saved; false (and the shutdown cancelled) on failure. */
    private boolean finish() {
        server.replicationMaster().logLaggingReplicas();
        if (!server.persistence().prepareForShutdown(flags.save(), flags.nosave(), flags.force())) {
            Log.warning("Errors trying to shut down the server. Check the logs for more information.");
            cancel();
            return false;
        }
        Log.warning("Redis is now ready to exit, bye bye...");
        return true;
    }

    /** abortShutdown: false when no shutdown is waiting. */
    public boolean abort() {
        if (initiated()) {
            cancel();
        } else if (signal != null) {
            signal = null; // signalled, not begun yet
        } else {
            return false;
        }
        Log.notice("Shutdown manually aborted.");
        return true;
    }

    /** cancelShutdown: the blocked clients get the error, writes resume. */
    private void cancel() {
        flags = null;
        signal = null;
        deadlineMillis = 0;
        for (Client client : blocked) {
            if (server.blocked().isBlocked(client)) server.blocked().unblock(client, false);
        }
        blocked.clear();
        server.unpause(ClientPause.Purpose.SHUTDOWN);
    }
}
