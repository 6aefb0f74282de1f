package dev.verdict.conformance.spec;

import dev.verdict.conformance.client.RespConnection;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;

/**
 * Stand-in until the foundation's Target factory lands on main: real Redis as a local process
 * on a free loopback port, without persistence. Remove once {@code dev.verdict.conformance.target}
 * provides targets.
 */
public final class TemporaryRedisProcess implements AutoCloseable {

    private final Process process;
    private final int port;

    private TemporaryRedisProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static TemporaryRedisProcess start() {
        int port = freePort();
        ProcessBuilder pb = new ProcessBuilder("redis-server", "--port", Integer.toString(port),
                "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no",
                "--dir", System.getProperty("java.io.tmpdir"))
                .redirectErrorStream(true)
                .redirectOutput(new File(System.getProperty("java.io.tmpdir"), "verdict-spec-redis-" + port + ".log"));
        try {
            TemporaryRedisProcess p = new TemporaryRedisProcess(pb.start(), port);
            p.awaitPing();
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start redis-server", e);
        }
    }

    public int port() {
        return port;
    }

    private void awaitPing() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (RespConnection c = RespConnection.open("127.0.0.1", port)) {
                if (c.call("PING").rawText().equals("+PONG\r\n")) {
                    return;
                }
            } catch (RuntimeException notYet) {
                sleep();
            }
        }
        close();
        throw new IllegalStateException("redis-server did not answer PING on port " + port);
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
