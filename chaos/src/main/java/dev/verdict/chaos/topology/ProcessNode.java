package dev.verdict.chaos.topology;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Redis server (or Sentinel) as a local process on its own loopback address (127.0.0.x),
 * for machines without a Docker engine. kill -9, SIGSTOP/SIGCONT and restart on the same data
 * directory act on the process itself; network faults act on the {@link FaultProxy} that stands
 * at the node's advertised address in front of the server's own port.
 */
public final class ProcessNode implements RedisNode {

    private final String name;
    private final String ip;
    private final int port;
    private final Path dir;
    private final List<String> command;
    private final FaultProxy proxy;
    private Process process;
    private String identity;

    private ProcessNode(String name, String ip, int port, Path dir, List<String> command, FaultProxy proxy) {
        this.name = name;
        this.ip = ip;
        this.port = port;
        this.dir = dir;
        this.command = List.copyOf(command);
        this.proxy = proxy;
    }

    /**
     * Starts {@code command} (a server and its directives as {@code --key value}) in {@code dir},
     * listening on {@code serverPort}, reached by everyone through the proxy at {@code port}.
     */
    static ProcessNode start(String name, String ip, int port, int serverPort, Path dir, List<String> command,
                             boolean sentinel) {
        FaultProxy proxy = new FaultProxy(ip, port, serverPort);
        ProcessNode node = Teardown.atExit(new ProcessNode(name, ip, port, dir, command, proxy));
        try {
            node.launch();
            node.identity = sentinel ? FaultProxy.sentinel(node.sentinelId()) : FaultProxy.dataNode(ip);
            return node;
        } catch (RuntimeException e) {
            node.close();
            throw e;
        }
    }

    private void launch() {
        try {
            File log = dir.resolve("server.log").toFile();
            process = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
        awaitPing(Duration.ofSeconds(15));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String ip() {
        return ip;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public void kill() {
        process.destroyForcibly(); // SIGKILL on Unix
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void restart() {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        launch();
    }

    @Override
    public void pause() {
        Processes.run("kill", "-STOP", String.valueOf(process.pid()));
    }

    @Override
    public void resume() {
        Processes.run("kill", "-CONT", String.valueOf(process.pid()));
    }

    @Override
    public boolean running() {
        return process != null && process.isAlive();
    }

    private String sentinelId() {
        try (redis.clients.jedis.Jedis j = connect()) {
            return j.sentinelMyId();
        }
    }

    @Override
    public Links links() {
        return new ProxyLinks(this);
    }

    FaultProxy proxy() {
        return proxy;
    }

    /** Who this node is to the other nodes' proxies. */
    String identity() {
        return identity;
    }

    /** The server's log, for a failing experiment's diagnosis. */
    public String log() {
        try {
            return Files.readString(dir.resolve("server.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        try {
            if (process != null && process.isAlive()) {
                resumeQuietly();
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            proxy.close();
            Processes.deleteTree(dir);
            Teardown.release(this);
        }
    }

    private void resumeQuietly() {
        try {
            resume();
        } catch (RuntimeException notPaused) {
            // It was running; nothing to resume.
        }
    }

    @Override
    public String toString() {
        return name + "@" + address();
    }
}
