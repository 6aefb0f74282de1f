package dev.verdict.server.persistence;

import dev.verdict.server.testing.RespConnection;
import dev.verdict.server.testing.ServerFixture;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * BGREWRITEAOF without the RDB preamble writes streams as commands (rewriteStreamObject): the
 * base file holds what redis-server 7.0.15 writes for the same streams, and loads in both.
 */
class AofRewriteStreamsTest {

    private static final String[][] STREAMS = {
            {"XADD", "s", "1-1", "f", "v1", "g", "w"}, {"XADD", "s", "2-1", "f", "v2"}, {"XADD", "s", "3-1", "f", "v3"},
            {"XADD", "s", "4-1", "f", "v4"}, {"XADD", "s", "5-1", "f", "v5"}, {"XDEL", "s", "2-1"},
            {"XGROUP", "CREATE", "s", "g", "0"}, {"XGROUP", "CREATE", "s", "g2", "$", "ENTRIESREAD", "3"},
            {"XREADGROUP", "GROUP", "g", "c1", "COUNT", "2", "STREAMS", "s", ">"},
            {"XREADGROUP", "GROUP", "g", "c2", "COUNT", "1", "STREAMS", "s", ">"},
            {"XCLAIM", "s", "g", "c2", "0", "1-1", "RETRYCOUNT", "5"},
            {"XGROUP", "CREATECONSUMER", "s", "g", "c3"},
            {"XADD", "e", "7-7", "a", "b"}, {"XDEL", "e", "7-7"},
            {"XGROUP", "CREATE", "emp", "g", "0", "MKSTREAM"},
            {"XADD", "big", "1-1", "a", "b"}, {"XTRIM", "big", "MAXLEN", "0"},
            {"XSETID", "s", "10-0", "ENTRIESADDED", "20", "MAXDELETEDID", "3-0"},
            {"SET", "plain", "v"}, {"EXPIRE", "s", "1000"},
    };

    private static String rewriteAndDigest(int port, Path dir) throws Exception {
        try (RespConnection c = new RespConnection(port)) {
            for (String[] cmd : STREAMS) c.call(cmd);
            assertThat(c.call("BGREWRITEAOF")).isEqualTo("+Background append only file rewriting started\r\n");
            long deadline = System.currentTimeMillis() + 10_000;
            while (!Files.exists(dir.resolve("appendonlydir/appendonly.aof.2.base.aof"))
                    || c.call("INFO", "persistence").contains("aof_rewrite_in_progress:1")) {
                if (System.currentTimeMillis() > deadline) throw new AssertionError("no rewrite");
                Thread.sleep(10);
            }
            return c.call("DEBUG", "DIGEST");
        }
    }

    @Test
    void streamsAreRewrittenAsXaddXsetidXgroupAndXclaimLikeRedis(@TempDir Path redisDir, @TempDir Path ourDir)
            throws Exception {
        Assumptions.assumeTrue(RealRedis.available(), "needs the oracle at " + RealRedis.BINARY);
        String redisDigest;
        try (RealRedis real = new RealRedis(redisDir, "--appendonly", "yes", "--aof-use-rdb-preamble", "no")) {
            redisDigest = rewriteAndDigest(real.port(), redisDir);
        }
        String ourDigest;
        try (ServerFixture s = new ServerFixture("--dir", ourDir.toString(), "--save", "", "--appendonly", "yes",
                "--aof-use-rdb-preamble", "no", "--enable-debug-command", "yes")) {
            ourDigest = rewriteAndDigest(s.port(), ourDir);
        }
        List<String> redisBase = AofPropagationTest.commandsOf(redisDir.resolve("appendonlydir/appendonly.aof.2.base.aof"));
        List<String> ourBase = AofPropagationTest.commandsOf(ourDir.resolve("appendonlydir/appendonly.aof.2.base.aof"));
        assertThat(ourBase).contains("XGROUP CREATECONSUMER s g c3", "XADD emp MAXLEN 0 0-1 x y");
        // keys come in dict order, which Redis seeds at random: compare each key's commands
        assertThat(byKey(ourBase)).isEqualTo(byKey(redisBase));
        assertThat(ourDigest).isEqualTo(redisDigest);

        try (ServerFixture s = new ServerFixture("--dir", ourDir.toString(), "--save", "", "--appendonly", "yes",
                "--enable-debug-command", "yes"); RespConnection c = new RespConnection(s.port())) {
            assertThat(c.call("DEBUG", "DIGEST")).isEqualTo(ourDigest);
            assertThat(c.call("XINFO", "GROUPS", "s")).isEqualTo(groupsOf(redisDir));
        }
        try (RealRedis real = new RealRedis(ourDir, "--appendonly", "yes");
             RespConnection c = new RespConnection(real.port())) {
            assertThat(c.call("DEBUG", "DIGEST")).isEqualTo(redisDigest);
        }
    }

    /** The commands of each key in file order (XGROUP names its key after the subcommand). */
    private static TreeMap<String, List<String>> byKey(List<String> commands) {
        TreeMap<String, List<String>> out = new TreeMap<>();
        for (String line : commands) {
            String[] argv = line.split(" ");
            String key = argv[0].equals("XGROUP") ? argv[2] : argv.length > 1 ? argv[1] : "";
            out.computeIfAbsent(argv[0].equals("SELECT") ? "" : key, k -> new ArrayList<>()).add(line);
        }
        return out;
    }

    /** XINFO GROUPS of the stream after Redis reloads its own rewritten AOF. */
    private static String groupsOf(Path redisDir) {
        try (RealRedis real = new RealRedis(redisDir, "--appendonly", "yes");
             RespConnection c = new RespConnection(real.port())) {
            return c.call("XINFO", "GROUPS", "s");
        }
    }
}
