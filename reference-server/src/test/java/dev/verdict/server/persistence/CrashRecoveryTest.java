package dev.verdict.server.persistence;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 of a server process under write load, then a restart from its AOF, compared with what
 * the client was told: with appendfsync always no acknowledged write is lost; with everysec the
 * loss is bounded by about a second of writes (the measured window is printed).
 */
class CrashRecoveryTest {

    @TempDir
    Path dir;

    /** The reference server in its own JVM, killable with SIGKILL. */
    private static Process start(Path dir, int port, String fsync) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.verdict.server.Main",
                "--port", Integer.toString(port), "--bind", "127.0.0.1", "--dir", dir.toString(), "--save", "",
                "--appendonly", "yes", "--appendfsync", fsync));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("server-" + System.nanoTime() + ".log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            try (Jedis j = new Jedis("127.0.0.1", port)) {
                j.ping();
                return p;
            } catch (RuntimeException e) {
                if (System.nanoTime() > deadline || !p.isAlive()) {
                    p.destroyForcibly();
                    throw new IllegalStateException("server did not start", e);
                }
                Thread.sleep(50);
            }
        }
    }

    /** Writes key:i = i until killed; returns the acknowledgement time of each i. */
    private static List<Long> writeUntilKilled(Process server, int port, long killAfterMillis) throws Exception {
        List<Long> acked = new ArrayList<>();
        Thread killer = new Thread(() -> {
            try {
                Thread.sleep(killAfterMillis);
            } catch (InterruptedException ignored) {
                return;
            }
            server.destroyForcibly(); // SIGKILL
        });
        killer.start();
        try (Jedis j = new Jedis("127.0.0.1", port)) {
            for (int i = 0; ; i++) {
                j.set("key:" + i, Integer.toString(i));
                acked.add(System.nanoTime());
            }
        } catch (RuntimeException connectionLost) {
            // the server died under us: everything in acked was acknowledged
        }
        killer.join();
        server.waitFor(10, TimeUnit.SECONDS);
        return acked;
    }

    private int survivors(int port, int acked) {
        try (Jedis j = new Jedis("127.0.0.1", port)) {
            int n = 0;
            while (n < acked + 100 && j.exists("key:" + n)) n++;
            for (int i = n; i < acked; i++) assertThat(j.exists("key:" + i)).as("a hole after the surviving prefix").isFalse();
            return n;
        }
    }

    @Test
    void appendfsyncAlwaysLosesNoAcknowledgedWrite() throws Exception {
        int port = RealRedis.freePort();
        Process server = start(dir, port, "always");
        List<Long> acked = writeUntilKilled(server, port, 1500);
        assertThat(acked).hasSizeGreaterThan(10);
        Process restarted = start(dir, port, "always");
        try {
            assertThat(survivors(port, acked.size())).isGreaterThanOrEqualTo(acked.size());
        } finally {
            restarted.destroy();
            restarted.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void appendfsyncEverysecLosesAtMostAboutASecondOfWrites() throws Exception {
        int port = RealRedis.freePort();
        Process server = start(dir, port, "everysec");
        List<Long> acked = writeUntilKilled(server, port, 2000);
        Process restarted = start(dir, port, "everysec");
        try {
            int kept = survivors(port, acked.size());
            int lost = Math.max(0, acked.size() - kept);
            long lostMillis = lost == 0 ? 0
                    : TimeUnit.NANOSECONDS.toMillis(acked.get(acked.size() - 1) - (kept == 0 ? acked.get(0) : acked.get(kept - 1)));
            System.out.println("everysec crash: " + acked.size() + " acknowledged, " + kept + " recovered, "
                    + lost + " lost = " + lostMillis + " ms of writes");
            // a process kill (not a power loss) keeps what reached the page cache, so the loss is usually 0
            assertThat(lostMillis).isLessThanOrEqualTo(2000);
        } finally {
            restarted.destroy();
            restarted.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
