package dev.verdict.server;

import dev.verdict.server.client.Client;
import io.netty.channel.EventLoop;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Redis's serverCron on our single event loop, {@code hz} times a second: the keyspace's share
 * (active expiry, incremental work), client timeouts, the end of CLIENT PAUSE, output-buffer
 * soft limits and the instantaneous statistics. Each share bounds its own time, so a tick never
 * stalls the clients it shares the thread with.
 */
final class ServerCron implements Runnable {

    private final ServerContext server;
    private final EventLoop loop;
    private volatile boolean stopped;

    ServerCron(ServerContext server, EventLoop loop) {
        this.server = server;
        this.loop = loop;
    }

    void start() {
        loop.execute(this::schedule);
    }

    void stop() {
        stopped = true;
    }

    private void schedule() {
        if (stopped || loop.isShuttingDown()) return;
        int hz = Math.max(1, Math.min(500, server.config().getInt("hz")));
        loop.schedule(this, 1000 / hz, TimeUnit.MILLISECONDS);
    }

    @Override
    public void run() {
        try {
            tick();
        } catch (RuntimeException e) {
            Log.warning("serverCron failed: " + e);
        } finally {
            schedule();
        }
    }

    private void tick() {
        server.clock().update();
        long now = server.clock().millis();
        server.keyspace().cron(now);
        server.persistence().cron(now);
        server.replicationMaster().cron(now);
        server.masterLink().cron(now);
        server.shutdownSequence().cron(now);
        closeTimedOutClients(now);
        if (!server.pause().active(now)) server.resumePausedClients();
        server.checkOutputLimits(now);
        server.stats().sample(now);
        server.flushPendingWrites();
    }

    /** Redis's clientsCronHandleTimeout: idle normal clients past {@code timeout} seconds are closed. */
    private void closeTimedOutClients(long now) {
        long timeoutSeconds = server.config().getLong("timeout");
        if (timeoutSeconds <= 0) return;
        List<Client> idle = null;
        for (Client client : server.clients().values()) {
            if (client.subscriptions().active() || client.monitor() || client.isMaster() || server.blocked().isBlocked(client)) {
                continue;
            }
            if (now - client.lastInteractionMillis() > timeoutSeconds * 1000) {
                if (idle == null) idle = new ArrayList<>();
                idle.add(client);
            }
        }
        if (idle == null) return;
        for (Client client : idle) {
            Log.verbose("Closing idle client");
            server.disconnect(client);
            client.channel().close();
        }
    }
}
