package dev.verdict.server.persistence;

import redis.clients.jedis.Jedis;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The oracle: a real redis-server on a free loopback port with its own directory, stopped by
 * close. Extra arguments go on its command line ({@code "--replicaof", "127.0.0.1", port} makes
 * it a replica of one of ours).
 */
public final class RealRedis implements AutoCloseable {

    public static final String BINARY = "/usr/bin/redis-server";

    private final Process process;
    private final int port;
    private final Path log;

    public RealRedis(Path dir, String... extra) {
        try {
            port = freePort();
            List<String> cmd = new ArrayList<>(List.of(BINARY, "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--dir", dir.toAbsolutePath().toString(), "--save", "", "--appendonly", "no",
                    "--enable-debug-command", "yes", "--daemonize", "no"));
            cmd.addAll(List.of(extra));
            log = dir.resolve("redis-" + port + ".log");
            process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (true) {
                try (Jedis j = new Jedis("127.0.0.1", port)) {
                    j.ping();
                    return;
                } catch (RuntimeException e) {
                    if (System.nanoTime() > deadline || !process.isAlive()) {
                        process.destroyForcibly();
                        throw new IllegalStateException("redis-server did not start", e);
                    }
                    Thread.sleep(20);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static boolean available() {
        return new java.io.File(BINARY).canExecute();
    }

    public int port() {
        return port;
    }

    /** What the server logged so far. */
    public String log() {
        try {
            return java.nio.file.Files.readString(log);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SIGSTOP: the server takes nothing in and answers nothing (a replica that lags) until {@link #resume}. */
    public void suspend() {
        signal("-STOP");
    }

    /** SIGCONT after {@link #suspend}. */
    public void resume() {
        signal("-CONT");
    }

    private void signal(String which) {
        try {
            new ProcessBuilder("kill", which, Long.toString(process.pid())).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Jedis client() {
        return new Jedis("127.0.0.1", port);
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        resume(); // a suspended server would only see SIGTERM once continued
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
