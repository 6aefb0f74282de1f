package dev.verdict.server;

import dev.verdict.server.config.ServerConfig;
import dev.verdict.server.net.NetworkServer;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The reference server as a library: start it in a test, talk to {@link #port()}, close it.
 * <pre>{@code
 * try (RedisServer redis = RedisServer.start(ServerConfig.fromArgs("--port", "0"))) {
 *     new Jedis("127.0.0.1", redis.port()).set("k", "v");
 * }
 * }</pre>
 */
public final class RedisServer implements AutoCloseable {

    private final ServerContext context;
    private final NetworkServer network;
    private final int port;
    private final ServerCron cron;
    private volatile CountDownLatch pause;
    private final CountDownLatch closed = new CountDownLatch(1);
    private boolean closing;

    private RedisServer(ServerContext context, NetworkServer network, int port) {
        this.context = context;
        this.network = network;
        this.port = port;
        io.netty.channel.EventLoop loop = network.loop().next();
        context.attachLoop(loop);
        this.cron = new ServerCron(context, loop);
        cron.start();
        // SHUTDOWN runs on the loop; closing the loop from inside it would wait on itself.
        context.onShutdown(() -> new Thread(this::close, "verdict-shutdown").start());
    }

    public static RedisServer start(ServerConfig config) {
        ServerContext context = new ServerContext(config);
        // the replicaof directive makes a replica before loading (expired keys in the RDB are kept);
        // the link connects at the cron's first replication tick
        String replicaof = config.get("replicaof");
        if (replicaof != null && !replicaof.isBlank()) context.masterLink().configureAtStartup(replicaof);
        context.persistence().loadAtStartup();
        NetworkServer network = new NetworkServer(context);
        try {
            String bind = config.get("bind").split(" ")[0];
            if (bind.equals("*")) bind = "0.0.0.0";
            int port = network.bind(bind, config.getInt("port"));
            config.set("port", Integer.toString(port));
            return new RedisServer(context, network, port);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            network.close();
            throw new IllegalStateException("interrupted while binding", e);
        } catch (RuntimeException e) {
            network.close();
            throw e;
        }
    }

    public int port() {
        return port;
    }

    /** Runs {@code task} on the event-loop thread and waits for it: the only safe way in from outside. */
    public void runOnLoop(Runnable task) {
        try {
            network.loop().submit(task).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Blocks the event loop (the in-JVM equivalent of SIGSTOP): nothing is answered until resume. */
    public synchronized void pauseEventLoop() {
        if (pause != null) return;
        CountDownLatch latch = new CountDownLatch(1);
        pause = latch;
        network.loop().execute(() -> {
            try {
                latch.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    public synchronized void resumeEventLoop() {
        if (pause == null) return;
        pause.countDown();
        pause = null;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closing) return;
            closing = true;
        }
        cron.stop();
        resumeEventLoop();
        // the loop's shutdown leaves connections open: peers must see them close, as at a process's exit
        // (a real master waits shutdown-timeout for a replica it still believes connected)
        try {
            runOnLoop(() -> {
                context.masterLink().close();
                for (dev.verdict.server.client.Client client : new java.util.ArrayList<>(context.clients().values())) {
                    client.channel().close();
                }
            });
        } catch (IllegalStateException | java.util.concurrent.RejectedExecutionException e) {
            // the loop is already gone, and its connections with it
        }
        network.close();
        // the loop has stopped: the AOF's last buffer is written and fsynced from here
        context.persistence().aof().close();
        closed.countDown();
    }

    /** Blocks until the server has been closed (by {@link #close()} or the SHUTDOWN command). */
    public void awaitClosed() throws InterruptedException {
        closed.await();
    }

    ServerContext context() {
        return context;
    }
}
