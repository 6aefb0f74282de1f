package dev.verdict.server.persistence;

import dev.verdict.server.ServerContext;
import dev.verdict.server.client.Client;
import dev.verdict.server.config.ServerConfig;
import dev.verdict.server.testing.RespConnection;
import dev.verdict.server.testing.ServerFixture;
import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CONFIG SET appendonly at run time (startAppendOnly / stopAppendOnly). The sequence of files,
 * manifests and replies is compared with a real redis-server 7.0.15; the states that need a
 * rewrite or BGSAVE held open are checked on ours alone, against what 7.0.15 showed by hand
 * (rdb-key-save-delay holding its fork): a BGSAVE running schedules the rewrite, turning the AOF
 * off stops a running rewrite, a transaction schedules it, an unusable directory fails the SET.
 */
class ConfigSetAppendonlyTest {

    /** What one server showed after each step of {@link #toggle}. */
    private record Observed(List<String> replies, List<String> manifests, List<String> listings,
                            List<List<String>> incrs, String digest) {
    }

    private static Observed toggle(int port, Path dir) throws Exception {
        List<String> replies = new ArrayList<>();
        List<String> manifests = new ArrayList<>();
        List<String> listings = new ArrayList<>();
        List<List<String>> incrs = new ArrayList<>();
        try (RespConnection c = new RespConnection(port)) {
            c.call("SET", "a", "1");
            c.call("RPUSH", "l", "x", "y");
            replies.add(c.call("CONFIG", "SET", "appendonly", "yes"));
            replies.add(c.call("CONFIG", "SET", "appendonly", "yes"));
            awaitRewriteDone(c, dir);
            c.call("SET", "b", "2");
            snapshotFiles(dir, manifests, listings, incrs);
            replies.add(c.call("CONFIG", "SET", "appendonly", "no"));
            replies.add(c.call("INFO", "persistence").contains("aof_enabled:0\r\n") ? "off" : "still on");
            c.call("SET", "c", "3");
            snapshotFiles(dir, manifests, listings, incrs);
            replies.add(c.call("CONFIG", "SET", "appendonly", "yes"));
            awaitRewriteDone(c, dir);
            c.call("SET", "d", "4");
            snapshotFiles(dir, manifests, listings, incrs);
            replies.add(c.call("CONFIG", "SET", "appendonly", "maybe"));
            replies.add(c.call("CONFIG", "GET", "appendonly"));
            return new Observed(replies, manifests, listings, incrs, c.call("DEBUG", "DIGEST"));
        }
    }

    /** Until the rewrite ran and its old files are gone (Redis removes them in the background). */
    private static void awaitRewriteDone(RespConnection c, Path dir) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            String info = c.call("INFO", "persistence");
            if (info.contains("aof_rewrite_in_progress:0\r\n") && info.contains("aof_rewrite_scheduled:0\r\n")
                    && listing(dir).size() == 3) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the rewrite did not finish: " + listing(dir));
    }

    private static void snapshotFiles(Path dir, List<String> manifests, List<String> listings, List<List<String>> incrs)
            throws IOException {
        manifests.add(Files.readString(dir.resolve("appendonlydir/appendonly.aof.manifest")));
        listings.add(String.join(",", listing(dir)));
        incrs.add(AofPropagationTest.incrCommands(dir));
    }

    private static TreeSet<String> listing(Path dir) throws IOException {
        TreeSet<String> names = new TreeSet<>();
        Path d = dir.resolve("appendonlydir");
        if (!Files.isDirectory(d)) return names;
        try (Stream<Path> files = Files.list(d)) {
            files.forEach(p -> names.add(p.getFileName().toString()));
        }
        return names;
    }

    @Test
    void turningTheAofOnAndOffAtRunTimeWritesTheFilesRedisWrites(@TempDir Path redisDir, @TempDir Path ourDir)
            throws Exception {
        Assumptions.assumeTrue(RealRedis.available(), "needs the oracle at " + RealRedis.BINARY);
        Observed redis;
        try (RealRedis real = new RealRedis(redisDir)) {
            redis = toggle(real.port(), redisDir);
        }
        Observed ours;
        try (ServerFixture s = new ServerFixture("--dir", ourDir.toString(), "--save", "", "--appendonly", "no",
                "--enable-debug-command", "yes")) {
            ours = toggle(s.port(), ourDir);
        }
        assertThat(ours.replies()).isEqualTo(redis.replies());
        assertThat(ours.manifests()).isEqualTo(redis.manifests());
        assertThat(ours.manifests().get(2))
                .isEqualTo("file appendonly.aof.2.base.rdb seq 2 type b\nfile appendonly.aof.2.incr.aof seq 2 type i\n");
        assertThat(ours.listings()).isEqualTo(redis.listings());
        assertThat(ours.incrs()).isEqualTo(redis.incrs());
        assertThat(ours.digest()).isEqualTo(redis.digest());

        // the directory left behind loads in both to the same dataset
        try (ServerFixture s = new ServerFixture("--dir", ourDir.toString(), "--save", "", "--appendonly", "yes",
                "--enable-debug-command", "yes"); RespConnection c = new RespConnection(s.port())) {
            assertThat(c.call("DEBUG", "DIGEST")).isEqualTo(redis.digest());
        }
        try (RealRedis real = new RealRedis(ourDir, "--appendonly", "yes");
             RespConnection c = new RespConnection(real.port())) {
            assertThat(c.call("DEBUG", "DIGEST")).isEqualTo(redis.digest());
        }
    }

    // ---- held states, on ours alone

    private static String run(ServerContext server, Client client, String... args) {
        byte[][] argv = new byte[args.length][];
        for (int i = 0; i < args.length; i++) argv[i] = args[i].getBytes(StandardCharsets.UTF_8);
        server.dispatcher().dispatch(client, argv);
        server.flushPendingWrites();
        EmbeddedChannel channel = (EmbeddedChannel) client.channel();
        StringBuilder out = new StringBuilder();
        ByteBuf b;
        while ((b = channel.readOutbound()) != null) {
            out.append(b.toString(StandardCharsets.UTF_8));
            b.release();
        }
        return out.toString();
    }

    private static String aofState(ServerContext server, Client client) {
        String info = run(server, client, "INFO", "persistence");
        StringBuilder state = new StringBuilder();
        for (String field : List.of("aof_enabled", "aof_rewrite_in_progress", "aof_rewrite_scheduled")) {
            int at = info.indexOf(field + ":");
            state.append(info, at, info.indexOf('\r', at)).append(' ');
        }
        return state.toString().trim();
    }

    private static Runnable awaiting(CountDownLatch latch) {
        return () -> {
            try {
                latch.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    /** Drives serverCron until the AOF rewrite machinery is idle. */
    private static void cronUntilIdle(ServerContext server, Client client) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!aofState(server, client).endsWith("aof_rewrite_in_progress:0 aof_rewrite_scheduled:0")
                || server.persistence().aof().snapshotBusy()) {
            if (System.currentTimeMillis() > deadline) throw new AssertionError(aofState(server, client));
            server.persistence().cron(System.currentTimeMillis());
            Thread.sleep(5);
        }
    }

    private static String manifest(Path dir) throws IOException {
        return Files.readString(dir.resolve("appendonlydir/appendonly.aof.manifest"));
    }

    @Test
    void turningOnDuringABgsaveSchedulesTheRewrite(@TempDir Path dir) throws Exception {
        ServerContext server = new ServerContext(ServerConfig.fromArgs("--dir", dir.toString(), "--save", ""));
        Client client = server.connect(new EmbeddedChannel());
        run(server, client, "SET", "k", "v");
        CountDownLatch release = new CountDownLatch(1);
        server.persistence().beforeBackgroundWrite(awaiting(release));
        assertThat(run(server, client, "BGSAVE")).isEqualTo("+Background saving started\r\n");
        assertThat(run(server, client, "CONFIG", "SET", "appendonly", "yes")).isEqualTo("+OK\r\n");
        assertThat(aofState(server, client)).isEqualTo("aof_enabled:1 aof_rewrite_in_progress:0 aof_rewrite_scheduled:1");
        release.countDown();
        server.persistence().awaitBackgroundSave();
        cronUntilIdle(server, client);
        run(server, client, "SET", "after", "1");
        assertThat(manifest(dir))
                .isEqualTo("file appendonly.aof.1.base.rdb seq 1 type b\nfile appendonly.aof.1.incr.aof seq 1 type i\n");
        assertThat(Files.readString(dir.resolve("appendonlydir/appendonly.aof.1.incr.aof")))
                .isEqualTo("*2\r\n$6\r\nSELECT\r\n$1\r\n0\r\n*3\r\n$3\r\nSET\r\n$5\r\nafter\r\n$1\r\n1\r\n");
        server.persistence().aof().close();
    }

    @Test
    void turningOffStopsARunningRewriteAndTurningOnAgainStartsAFreshOne(@TempDir Path dir) throws Exception {
        ServerContext server = new ServerContext(ServerConfig.fromArgs("--dir", dir.toString(), "--save", ""));
        Client client = server.connect(new EmbeddedChannel());
        run(server, client, "SET", "k", "v");
        CountDownLatch release = new CountDownLatch(1);
        server.persistence().aof().beforeRewriteWrite(awaiting(release));
        assertThat(run(server, client, "CONFIG", "SET", "appendonly", "yes")).isEqualTo("+OK\r\n");
        assertThat(aofState(server, client)).isEqualTo("aof_enabled:1 aof_rewrite_in_progress:1 aof_rewrite_scheduled:0");
        assertThat(run(server, client, "BGREWRITEAOF"))
                .isEqualTo("-ERR Background append only file rewriting already in progress\r\n");
        run(server, client, "SET", "during", "1");
        assertThat(run(server, client, "CONFIG", "SET", "appendonly", "no")).isEqualTo("+OK\r\n");
        assertThat(aofState(server, client)).isEqualTo("aof_enabled:0 aof_rewrite_in_progress:0 aof_rewrite_scheduled:0");
        release.countDown();
        cronUntilIdle(server, client);
        // the stopped rewrite named nothing: no manifest, no base
        assertThat(dir.resolve("appendonlydir/appendonly.aof.manifest")).doesNotExist();
        assertThat(dir.resolve("appendonlydir/appendonly.aof.1.base.rdb")).doesNotExist();

        server.persistence().aof().beforeRewriteWrite(() -> { });
        assertThat(run(server, client, "CONFIG", "SET", "appendonly", "yes")).isEqualTo("+OK\r\n");
        cronUntilIdle(server, client);
        assertThat(manifest(dir))
                .isEqualTo("file appendonly.aof.1.base.rdb seq 1 type b\nfile appendonly.aof.1.incr.aof seq 1 type i\n");
        server.persistence().aof().close();
    }

    @Test
    void turningOnInsideATransactionSchedulesTheRewrite(@TempDir Path dir) throws Exception {
        ServerContext server = new ServerContext(ServerConfig.fromArgs("--dir", dir.toString(), "--save", ""));
        Client client = server.connect(new EmbeddedChannel());
        run(server, client, "MULTI");
        run(server, client, "CONFIG", "SET", "appendonly", "yes");
        assertThat(run(server, client, "EXEC")).isEqualTo("*1\r\n+OK\r\n");
        assertThat(aofState(server, client)).isEqualTo("aof_enabled:1 aof_rewrite_in_progress:0 aof_rewrite_scheduled:1");
        cronUntilIdle(server, client);
        assertThat(manifest(dir))
                .isEqualTo("file appendonly.aof.1.base.rdb seq 1 type b\nfile appendonly.aof.1.incr.aof seq 1 type i\n");
        server.persistence().aof().close();
    }

    @Test
    void anUnusableAofDirectoryFailsTheSetAndLeavesTheAofOff(@TempDir Path dir) throws Exception {
        ServerContext server = new ServerContext(ServerConfig.fromArgs("--dir", dir.toString(), "--save", ""));
        Client client = server.connect(new EmbeddedChannel());
        Files.writeString(dir.resolve("appendonlydir"), "not a directory");
        assertThat(run(server, client, "CONFIG", "SET", "appendonly", "yes")).isEqualTo(
                "-ERR CONFIG SET failed (possibly related to argument 'appendonly') - Unable to turn on AOF. Check server logs.\r\n");
        assertThat(aofState(server, client)).isEqualTo("aof_enabled:0 aof_rewrite_in_progress:0 aof_rewrite_scheduled:0");
        assertThat(run(server, client, "INFO", "persistence")).contains("aof_last_bgrewrite_status:err\r\n");
        assertThat(run(server, client, "CONFIG", "GET", "appendonly")).isEqualTo("*2\r\n$10\r\nappendonly\r\n$2\r\nno\r\n");
    }
}
