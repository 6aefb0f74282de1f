package dev.verdict.server.persistence;

import dev.verdict.server.ServerContext;
import dev.verdict.server.client.Client;
import dev.verdict.server.config.ServerConfig;
import dev.verdict.server.persistence.snapshot.Snapshot;
import dev.verdict.server.server.DebugCommand;
import dev.verdict.server.db.Database;
import dev.verdict.server.db.RedisObject;
import dev.verdict.server.testing.ServerFixture;
import dev.verdict.server.type.list.ListType;
import dev.verdict.server.type.list.ListValue;
import dev.verdict.server.type.string.StringValue;
import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Transaction;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The incremental capture keeps Redis's fork semantics: whatever the commands do between slices
 * of the walk (and while the file is being written), the file holds exactly the dataset at the
 * moment BGSAVE or BGREWRITEAOF started. The walk is stepped by hand, a few buckets between two
 * commands, so every kind of change hits keys both before and after the walk reached them.
 */
class PointInTimeSnapshotTest {

    @TempDir
    Path dir;

    private static final String[] POOLS = {"s", "n", "l", "h", "set", "z", "x", "hll"};

    private static void run(ServerContext server, Client client, String... args) {
        byte[][] argv = new byte[args.length][];
        for (int i = 0; i < args.length; i++) argv[i] = args[i].getBytes(StandardCharsets.UTF_8);
        server.dispatcher().dispatch(client, argv);
        ByteBuf out = client.reply().takeOutput();
        if (out != null) out.release();
    }

    private static String key(Random r) {
        return POOLS[r.nextInt(POOLS.length)] + ":" + r.nextInt(400);
    }

    /** Every type and encoding, with TTLs, in databases 0 to 2. */
    private static void fill(ServerContext server, Client client, Random r, boolean withStreams) {
        for (int db = 0; db < 3; db++) {
            run(server, client, "SELECT", Integer.toString(db));
            for (int i = 0; i < 400; i++) {
                run(server, client, "SET", "s:" + i, "value-" + i + "-" + "x".repeat(i % 50));
                run(server, client, "SET", "n:" + i, Integer.toString(i * 7));
                if (i % 2 == 0) run(server, client, "RPUSH", "l:" + i, "a", "b", Integer.toString(i), "c".repeat(i % 80));
                if (i % 2 == 1) run(server, client, "HSET", "h:" + i, "f", "1", "g", "v".repeat(i % 90));
                if (i % 3 == 0) run(server, client, "SADD", "set:" + i, "1", "2", Integer.toString(i), i % 2 == 0 ? "m" : "7");
                if (i % 3 == 1) run(server, client, "ZADD", "z:" + i, "1", "a", "2.5", "m".repeat(1 + i % 70));
                if (withStreams && i % 20 == 0) run(server, client, "XADD", "x:" + i, "*", "f", Integer.toString(i));
                if (i % 25 == 0) run(server, client, "PFADD", "hll:" + i, "a", "b", Integer.toString(i));
                if (i % 4 == 0) run(server, client, "EXPIRE", key(r), Integer.toString(10_000 + i));
            }
        }
        run(server, client, "SELECT", "0");
    }

    /** One random command of any kind that changes keys, keys' values in place, TTLs or whole databases. */
    private static void change(ServerContext server, Client client, Random r, boolean withStreams, boolean withFlushAll) {
        String k = key(r), other = key(r), n = Integer.toString(r.nextInt(1000));
        int pick = r.nextInt(40);
        switch (pick) {
            case 0 -> run(server, client, "SELECT", Integer.toString(r.nextInt(3)));
            case 1 -> run(server, client, "SET", k, "new-" + n);
            case 2 -> run(server, client, "APPEND", k, "+" + n);
            case 3 -> run(server, client, "SETRANGE", k, "2", "XY");
            case 4 -> run(server, client, "INCRBY", k, n);
            case 5 -> run(server, client, "SETBIT", k, n, "1");
            case 6 -> run(server, client, "DEL", k, other);
            case 7 -> run(server, client, "UNLINK", k);
            case 8 -> run(server, client, "EXPIRE", k, "5000");
            case 9 -> run(server, client, "PERSIST", k);
            case 10 -> run(server, client, "PEXPIREAT", k, Long.toString(System.currentTimeMillis() + 90_000_000L));
            case 11 -> run(server, client, "GETEX", k, "EX", "700");
            case 12 -> run(server, client, "GETDEL", k);
            case 13 -> run(server, client, "RPUSH", k, n);
            case 14 -> run(server, client, "LPOP", k);
            case 15 -> run(server, client, "LSET", k, "0", n);
            case 16 -> run(server, client, "HSET", k, "f" + n, n);
            case 17 -> run(server, client, "HINCRBY", k, "f", "3");
            case 18 -> run(server, client, "HDEL", k, "f");
            case 19 -> run(server, client, "SADD", k, n);
            case 20 -> run(server, client, "SREM", k, "1");
            case 21 -> run(server, client, "SPOP", k);
            case 22 -> run(server, client, "ZADD", k, n, "m" + n);
            case 23 -> run(server, client, "ZINCRBY", k, "2", "a");
            case 24 -> run(server, client, "ZPOPMIN", k);
            case 25 -> {
                if (withStreams) run(server, client, "XADD", k, "*", "g", n);
            }
            case 26 -> {
                if (withStreams) run(server, client, "XTRIM", k, "MAXLEN", "0");
            }
            case 27 -> run(server, client, "PFADD", k, n);
            case 28 -> run(server, client, "RENAME", k, other);
            case 29 -> run(server, client, "MOVE", k, Integer.toString(r.nextInt(3)));
            case 30 -> run(server, client, "COPY", k, other, "DB", Integer.toString(r.nextInt(3)), "REPLACE");
            case 31 -> run(server, client, "SUNIONSTORE", k, k, other);
            case 32 -> run(server, client, "LMOVE", k, other, "LEFT", "RIGHT");
            case 33 -> run(server, client, "SWAPDB", Integer.toString(r.nextInt(3)), Integer.toString(r.nextInt(3)));
            case 34 -> {
                if (r.nextInt(20) == 0) run(server, client, "FLUSHDB");
            }
            case 35 -> {
                // FLUSHALL kills a running BGSAVE, as Redis's does (SnapshotConsistencyTest pins that)
                if (withFlushAll && r.nextInt(80) == 0) run(server, client, "FLUSHALL");
            }
            case 36 -> {
                // eviction: a limit a little under the current use makes the next write evict keys
                run(server, client, "CONFIG", "SET", "maxmemory-policy", "allkeys-random");
                long used = server.keyspace().usedMemory();
                run(server, client, "CONFIG", "SET", "maxmemory", Long.toString(used - used / 50));
                run(server, client, "SET", k, n);
                run(server, client, "CONFIG", "SET", "maxmemory", "0");
            }
            case 37 -> run(server, client, "HINCRBYFLOAT", k, "g", "0.5");
            case 38 -> run(server, client, "SMOVE", k, other, "2");
            default -> run(server, client, "LTRIM", k, "1", "-1");
        }
    }

    /** Steps the walk a few buckets at a time with random commands in between until it has captured everything. */
    private static void interleave(ServerContext server, Client client, Random r, Snapshot snapshot, boolean withStreams,
                                   boolean withFlushAll) {
        assertThat(snapshot.captured()).isFalse();
        do {
            for (int c = r.nextInt(4); c > 0; c--) change(server, client, r, withStreams, withFlushAll);
        } while (!snapshot.captureBuckets(1 + r.nextInt(3)));
    }

    private ServerContext server(Path where, String... extra) {
        List<String> args = new ArrayList<>(List.of("--dir", where.toString(), "--save", ""));
        args.addAll(List.of(extra));
        return new ServerContext(ServerConfig.fromArgs(args.toArray(new String[0])));
    }

    @Test
    void bgsaveFileIsTheDatasetAtTheStartWhateverRunsDuringTheWalkAndTheWrite() throws Exception {
        for (int seed = 1; seed <= 3; seed++) {
            Path where = Files.createDirectories(dir.resolve("seed" + seed));
            Random r = new Random(seed);
            ServerContext server = server(where);
            Client client = server.connect(new EmbeddedChannel());
            fill(server, client, r, true);
            String atStart = DebugCommand.datasetDigest(server).hex();

            CountDownLatch writesDone = new CountDownLatch(1);
            server.persistence().beforeBackgroundWrite(() -> {
                try {
                    writesDone.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            assertThat(server.persistence().startBackgroundSave()).isTrue();
            interleave(server, client, r, server.persistence().runningSnapshot(), true, false);
            // the walk is over; the file is being written from values these commands must not touch
            for (int c = 0; c < 300; c++) change(server, client, r, true, false);
            String atEnd = DebugCommand.datasetDigest(server).hex();
            writesDone.countDown();
            server.persistence().awaitBackgroundSave();

            ServerContext reloaded = server(where);
            reloaded.persistence().loadRdb(reloaded.persistence().rdbPath());
            assertThat(DebugCommand.datasetDigest(reloaded).hex()).as("seed %d", seed).isEqualTo(atStart);
            assertThat(DebugCommand.datasetDigest(server).hex()).as("seed %d", seed).isEqualTo(atEnd).isNotEqualTo(atStart);
        }
    }

    /**
     * A rewrite's base holds the dataset at the rewrite's start and the new incremental file
     * everything after: a base that caught any later write would apply it twice on reload
     * (INCRBY, RPUSH, APPEND...). Both base formats.
     */
    @Test
    void aofRewriteBaseIsTheDatasetAtTheStartAndReplayEndsAtTheLiveDataset() throws Exception {
        for (String preamble : List.of("yes", "no")) {
            for (int seed = 1; seed <= 1; seed++) {
                Path where = Files.createDirectories(dir.resolve(preamble + seed));
                Random r = new Random(seed);
                ServerContext server = server(where, "--appendonly", "yes", "--aof-use-rdb-preamble", preamble);
                server.persistence().loadAtStartup();
                Client client = server.connect(new EmbeddedChannel());
                fill(server, client, r, true);
                server.persistence().beforeReplies();
                String atStart = DebugCommand.datasetDigest(server).hex();

                assertThat(server.persistence().aof().startRewrite(server.persistence())).isTrue();
                interleave(server, client, r, server.persistence().runningSnapshot(), true, true);
                for (int c = 0; c < 200; c++) change(server, client, r, true, true);
                server.persistence().aof().awaitRewrite();
                for (int c = 0; c < 50; c++) change(server, client, r, true, true);
                server.persistence().beforeReplies();
                String atEnd = DebugCommand.datasetDigest(server).hex();
                server.persistence().aof().close();

                if (preamble.equals("yes")) {
                    ServerContext base = server(where);
                    base.persistence().loadRdb(where.resolve("appendonlydir/appendonly.aof.2.base.rdb"));
                    assertThat(DebugCommand.datasetDigest(base).hex()).as("seed %d", seed).isEqualTo(atStart);
                }
                ServerContext replayed = server(where, "--appendonly", "yes", "--aof-use-rdb-preamble", preamble);
                replayed.persistence().loadAtStartup();
                assertThat(DebugCommand.datasetDigest(replayed).hex()).as("preamble %s seed %d", preamble, seed)
                        .isEqualTo(atEnd);
                replayed.persistence().aof().close();
            }
        }
    }

    /**
     * Over the network, with the walk in slices on real loop turns: a client keeps committing
     * transactions (overwrite a key, append to a log list, bump a sequence number) throughout
     * BGSAVE, and the file is the state after exactly some prefix of those transactions.
     */
    @Test
    void bgsaveOnTheEventLoopSavesAPrefixOfConcurrentTransactions() throws Exception {
        int keys = 50_000;
        AtomicLong committed = new AtomicLong();
        try (ServerFixture s = new ServerFixture("--dir", dir.toString(), "--save", "");
             Jedis j = new Jedis("127.0.0.1", s.port())) {
            Pipeline p = j.pipelined();
            for (int i = 0; i < keys; i++) p.set("k:" + i, "initial");
            p.sync();
            AtomicBoolean stop = new AtomicBoolean();
            Thread writer = new Thread(() -> {
                try (Jedis w = new Jedis("127.0.0.1", s.port())) {
                    for (long n = 1; !stop.get(); n++) {
                        Transaction t = w.multi();
                        t.set("k:" + (n * 7919 % keys), "w" + n);
                        t.rpush("log", Long.toString(n));
                        t.set("seq", Long.toString(n));
                        t.exec();
                        committed.set(n);
                    }
                }
            });
            writer.start();
            while (committed.get() < 200) Thread.sleep(5);
            assertThat(j.bgsave()).isEqualTo("Background saving started");
            long deadline = System.currentTimeMillis() + 30_000;
            while (j.info("persistence").contains("rdb_bgsave_in_progress:1") && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
            long afterSave = committed.get();
            stop.set(true);
            writer.join();
            assertThat(j.info("persistence")).contains("rdb_last_bgsave_status:ok");
            assertThat(j.info("stats")).containsPattern("latest_fork_usec:\\d+");

            ServerContext loaded = server(dir);
            loaded.persistence().loadRdb(loaded.persistence().rdbPath());
            Database db = loaded.keyspace().db(0);
            long prefix = Long.parseLong(text(db.lookupNoTouch(b("seq"))));
            assertThat(prefix).isBetween(200L, afterSave - 1);
            List<byte[]> log = ListType.elements((ListValue) db.lookupNoTouch(b("log")));
            assertThat(log).hasSize((int) prefix);
            for (int i = 0; i < log.size(); i++) assertThat(new String(log.get(i), StandardCharsets.UTF_8)).isEqualTo(Long.toString(i + 1));
            String[] expected = new String[keys];
            java.util.Arrays.fill(expected, "initial");
            for (long n = 1; n <= prefix; n++) expected[(int) (n * 7919 % keys)] = "w" + n;
            for (int i = 0; i < keys; i++) {
                assertThat(text(db.lookupNoTouch(b("k:" + i)))).as("k:%d", i).isEqualTo(expected[i]);
            }
            assertThat(db.size()).isEqualTo(keys + 2);
        }
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(RedisObject value) {
        return new String(((StringValue) value).bytes(), StandardCharsets.UTF_8);
    }
}
