package dev.verdict.server.persistence;

import redis.clients.jedis.Jedis;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The oracle: a real redis-server on a free loopback port with its own directory, stopped by close
 * ({@code extra} adds its own parameters: a replica's {@code --replicaof}, {@code --repl-diskless-sync}...).
 */
public final class RealRedis implements AutoCloseable {

    public static final String BINARY = "/usr/bin/redis-server";

    private final Process process;
    private final int port;

    public RealRedis(Path dir, String... extra) {
        try {
            port = freePort();
            List<String> cmd = new ArrayList<>(List.of(BINARY, "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--dir", dir.toAbsolutePath().toString(), "--save", "", "--appendonly", "no",
                    "--enable-debug-command", "yes", "--daemonize", "no"));
            cmd.addAll(List.of(extra));
            process = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("redis-" + port + ".log").toFile()).start();
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
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
