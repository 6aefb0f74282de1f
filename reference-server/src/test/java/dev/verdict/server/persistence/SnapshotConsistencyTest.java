package dev.verdict.server.persistence;

import dev.verdict.server.ServerContext;
import dev.verdict.server.client.Client;
import dev.verdict.server.config.ServerConfig;
import dev.verdict.server.server.DebugCommand;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * BGSAVE's file holds exactly the dataset of the moment it started: the saver thread is held
 * open while every kind of in-place writer runs on the keys it captured. A writer that mutated
 * a captured value instead of going through the copy-on-write lookups would show up here as a
 * file whose digest is not the one taken at BGSAVE time.
 */
class SnapshotConsistencyTest {

    @TempDir
    Path dir;

    private static void run(ServerContext server, Client client, String... args) {
        byte[][] argv = new byte[args.length][];
        for (int i = 0; i < args.length; i++) argv[i] = args[i].getBytes(StandardCharsets.UTF_8);
        server.dispatcher().dispatch(client, argv);
    }

    private static final String[][] BEFORE = {
            {"SET", "s:raw", "r".repeat(60)}, {"SET", "s:int", "10"}, {"APPEND", "s:app", "abc"},
            {"SETBIT", "s:bits", "100", "1"}, {"SET", "s:gone", "x"}, {"SET", "s:ttl", "v", "EX", "1000"},
            {"RPUSH", "l:a", "1", "2", "3", "four", "five"}, {"LPUSH", "l:b", "x", "y"},
            {"SADD", "set:i", "1", "2", "3"}, {"SADD", "set:t", "a", "b", "c"},
            {"ZADD", "z:lp", "1", "a", "2", "b"}, {"ZADD", "z:sk", "1", "m".repeat(80), "2", "n"},
            {"HSET", "h:lp", "f", "1", "g", "2"}, {"HSET", "h:t", "f", "v".repeat(80)},
            {"SELECT", "2"}, {"SET", "db2", "two"}, {"SELECT", "0"},
    };

    private static final String[][] DURING = {
            {"APPEND", "s:raw", "more"}, {"SETRANGE", "s:raw", "0", "XYZ"}, {"INCR", "s:int"}, {"APPEND", "s:app", "def"},
            {"SETBIT", "s:bits", "7", "1"}, {"BITFIELD", "s:bits", "SET", "u8", "0", "255"}, {"DEL", "s:gone"},
            {"PERSIST", "s:ttl"}, {"EXPIRE", "s:raw", "50"}, {"SET", "s:new", "new"},
            {"RPUSH", "l:a", "6"}, {"LPOP", "l:a"}, {"LSET", "l:a", "0", "changed"}, {"LINSERT", "l:a", "BEFORE", "four", "3.5"},
            {"LTRIM", "l:b", "0", "0"}, {"LMOVE", "l:a", "l:b", "LEFT", "RIGHT"}, {"LREM", "l:a", "0", "five"},
            {"SADD", "set:i", "4"}, {"SREM", "set:i", "1"}, {"SPOP", "set:t"}, {"SMOVE", "set:i", "set:t", "2"},
            {"ZADD", "z:lp", "5", "c"}, {"ZINCRBY", "z:lp", "10", "a"}, {"ZREM", "z:sk", "n"}, {"ZPOPMIN", "z:lp"},
            {"ZREMRANGEBYRANK", "z:sk", "0", "0"},
            {"HSET", "h:lp", "h", "3"}, {"HINCRBY", "h:lp", "f", "5"}, {"HDEL", "h:t", "f"}, {"HINCRBYFLOAT", "h:lp", "g", "0.5"},
            {"RENAME", "l:b", "l:renamed"}, {"SELECT", "2"}, {"APPEND", "db2", "!"}, {"SELECT", "0"},
            {"SUNIONSTORE", "set:i", "set:i", "set:t"}, {"ZUNIONSTORE", "z:lp", "2", "z:lp", "z:sk"},
    };

    @Test
    void writesDuringBgsaveStayOutOfTheFileAndEverythingBeforeIsIn() throws Exception {
        ServerConfig config = ServerConfig.fromArgs("--dir", dir.toString(), "--save", "");
        ServerContext server = new ServerContext(config);
        Client client = server.connect(new EmbeddedChannel());
        for (String[] cmd : BEFORE) run(server, client, cmd);
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
        for (String[] cmd : DURING) run(server, client, cmd);
        String afterWrites = DebugCommand.datasetDigest(server).hex();
        assertThat(afterWrites).isNotEqualTo(atStart);
        writesDone.countDown();
        server.persistence().awaitBackgroundSave();

        ServerContext reloaded = new ServerContext(ServerConfig.fromArgs("--dir", dir.toString(), "--save", ""));
        reloaded.persistence().loadRdb(reloaded.persistence().rdbPath());
        assertThat(DebugCommand.datasetDigest(reloaded).hex()).isEqualTo(atStart);
        // and the live dataset kept every write made meanwhile
        assertThat(DebugCommand.datasetDigest(server).hex()).isEqualTo(afterWrites);
        // changes made during the save still count as unsaved
        assertThat(server.persistence().dirty()).isPositive();
    }

    @Test
    void flushallKillsARunningBgsaveAndWithSavePointsSavesTheEmptyDataset() throws Exception {
        ServerContext server = new ServerContext(ServerConfig.fromArgs("--dir", dir.toString(), "--save", "3600 1"));
        Client client = server.connect(new EmbeddedChannel());
        for (String[] cmd : BEFORE) run(server, client, cmd);
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        server.persistence().beforeBackgroundWrite(() -> {
            writing.countDown();
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(server.persistence().startBackgroundSave()).isTrue();
        // the capture gathers on cron turns here (no event loop), then the serializer starts and waits
        while (!writing.await(5, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            server.persistence().cron(System.currentTimeMillis());
        }

        run(server, client, "FLUSHALL");

        StringBuilder info = new StringBuilder();
        server.persistence().info(info);
        // as after Redis's killRDBChild: nothing in progress, no error, the BGSAVE counted when it began
        assertThat(info).contains("rdb_bgsave_in_progress:0\r\n", "rdb_last_bgsave_status:ok\r\n",
                "rdb_changes_since_last_save:0\r\n", "rdb_saves:1\r\n");
        try (var files = java.nio.file.Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("dump.rdb");
        }
        ServerContext reloaded = new ServerContext(ServerConfig.fromArgs("--dir", dir.toString(), "--save", ""));
        reloaded.persistence().loadRdb(reloaded.persistence().rdbPath());
        assertThat(reloaded.keyspace().db(0).size()).isZero();
        assertThat(reloaded.keyspace().db(2).size()).isZero();
    }

    @Test
    void wholeDatabaseCommandsCountTheirChangesAsRedisDoes() {
        ServerContext server = new ServerContext(ServerConfig.fromArgs("--dir", dir.toString(), "--save", ""));
        Client client = server.connect(new EmbeddedChannel());
        // the figures real Redis 7.0.15 reports in rdb_changes_since_last_save after each step
        String[][] steps = {{"MSET", "a", "1", "b", "2", "c", "3"}, {"FLUSHDB"}, {"FLUSHDB"}, {"MSET", "a", "1", "b", "2"},
                {"SWAPDB", "0", "1"}, {"SWAPDB", "0", "0"}, {"FLUSHALL"}, {"FLUSHALL"}};
        long[] expected = {3, 6, 6, 8, 9, 10, 12, 12};
        for (int i = 0; i < steps.length; i++) {
            run(server, client, steps[i]);
            assertThat(server.persistence().dirty()).as(String.join(" ", steps[i])).isEqualTo(expected[i]);
        }
    }

    @Test
    void bgsaveReportsItselfInInfoAndRefusesASecondOne() throws Exception {
        ServerContext server = new ServerContext(ServerConfig.fromArgs("--dir", dir.toString(), "--save", ""));
        Client client = server.connect(new EmbeddedChannel());
        run(server, client, "SET", "k", "v");
        CountDownLatch release = new CountDownLatch(1);
        server.persistence().beforeBackgroundWrite(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(server.persistence().startBackgroundSave()).isTrue();
        StringBuilder info = new StringBuilder();
        server.persistence().info(info);
        assertThat(info).contains("rdb_bgsave_in_progress:1\r\n");
        assertThat(server.persistence().startBackgroundSave()).isFalse();
        release.countDown();
        server.persistence().awaitBackgroundSave();
        info.setLength(0);
        server.persistence().info(info);
        assertThat(info).contains("rdb_bgsave_in_progress:0\r\n", "rdb_last_bgsave_status:ok\r\n", "rdb_saves:1\r\n",
                "rdb_changes_since_last_save:0\r\n");
    }
}
