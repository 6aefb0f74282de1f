package dev.verdict.server.persistence;

import dev.verdict.server.testing.RespConnection;
import dev.verdict.server.testing.ServerFixture;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What reaches the incr file for commands Redis 7.0 does not propagate as given: blocking pops
 * (served at once or after blocking), *MPOP, and consumer-group reads and claims. Each script
 * runs on a real redis-server 7.0.15 and on ours; the incr files must hold the same commands
 * (absolute times masked), and each server's AOF must load in both to the same DEBUG DIGEST.
 */
class AofPropagationTest {

    /** A script's view of a server: plain calls, and a command that blocks until others wake it. */
    static final class Session {
        private final int port;
        private final RespConnection main;
        private final List<RespConnection> blocked = new ArrayList<>();

        Session(int port) {
            this.port = port;
            this.main = new RespConnection(port);
        }

        String call(String... args) {
            return main.call(args);
        }

        /** Sends {@code blocking} on its own connection, waits until it blocks, runs {@code wakers}; returns its reply. */
        String blockThenWake(String[] blocking, String[]... wakers) {
            RespConnection c = block(blocking);
            for (String[] w : wakers) call(w);
            return c.read();
        }

        /** Sends {@code blocking} on its own connection and waits until it blocks; returns the connection. */
        RespConnection block(String... blocking) {
            return blockIn(0, blocking);
        }

        /** As {@link #block}, from a connection that selected database {@code db} first. */
        RespConnection blockIn(int db, String... blocking) {
            RespConnection c = new RespConnection(port);
            blocked.add(c);
            if (db != 0) c.call("SELECT", Integer.toString(db));
            int before = blockedClients();
            c.send(blocking);
            awaitBlocked(before + 1);
            return c;
        }

        private int blockedClients() {
            String info = call("INFO", "clients");
            int at = info.indexOf("blocked_clients:") + "blocked_clients:".length();
            return Integer.parseInt(info.substring(at, info.indexOf('\r', at)));
        }

        private void awaitBlocked(int n) {
            long deadline = System.currentTimeMillis() + 5000;
            while (blockedClients() < n) {
                if (System.currentTimeMillis() > deadline) throw new AssertionError("the client never blocked");
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }

        String digest() {
            return call("DEBUG", "DIGEST");
        }

        void close() {
            blocked.forEach(RespConnection::close);
            main.close();
        }
    }

    interface Script {
        void run(Session s);
    }

    private static String[] cmd(String... args) {
        return args;
    }

    @Test
    void blockingListPopsPropagateAsLpopRpopLmoveAndRpoplpush(@TempDir Path redisDir, @TempDir Path ourDir) throws Exception {
        sameAofInBoth(redisDir, ourDir, s -> {
            s.call("RPUSH", "l", "a", "b", "c", "d", "e");
            s.call("BLPOP", "l", "0");
            s.call("BRPOP", "nokey", "l", "0");
            s.call("BLMPOP", "0", "1", "l", "LEFT", "COUNT", "2");
            s.call("LMPOP", "2", "nokey", "l", "RIGHT", "COUNT", "5");
            s.call("LMPOP", "1", "nokey", "LEFT");
            s.call("RPUSH", "l", "a", "b", "c", "d");
            s.call("BLMOVE", "l", "m", "RIGHT", "left", "0");
            s.call("BRPOPLPUSH", "l", "m", "0");
            s.call("lmove", "l", "m", "left", "right");
            s.call("rpoplpush", "l", "m");
            s.call("BLPOP", "nokey", "0.01");
            s.blockThenWake(cmd("BLPOP", "w1", "0"), cmd("RPUSH", "w1", "x", "y"));
            s.blockThenWake(cmd("BRPOP", "w2", "0"), cmd("RPUSH", "w2", "x", "y"));
            s.blockThenWake(cmd("BLMPOP", "0", "2", "nokey", "w3", "RIGHT", "COUNT", "5"), cmd("RPUSH", "w3", "x", "y", "z"));
            s.blockThenWake(cmd("BLMPOP", "0", "1", "w4", "LEFT"), cmd("RPUSH", "w4", "x", "y", "z"));
            s.blockThenWake(cmd("BLMOVE", "w5", "d5", "RIGHT", "LEFT", "0"), cmd("RPUSH", "w5", "x", "y", "z"));
            s.blockThenWake(cmd("BRPOPLPUSH", "w6", "d6", "0"), cmd("RPUSH", "w6", "x"));
            // two waiters served by one push: one LPOP each
            RespConnection first = s.block("BLPOP", "w7", "0");
            RespConnection second = s.block("BLPOP", "w7", "0");
            s.call("RPUSH", "w7", "x", "y", "z");
            first.read();
            second.read();
            // woken by a transaction: the pop follows its EXEC
            s.blockThenWake(cmd("BLPOP", "w8", "0"), cmd("MULTI"), cmd("RPUSH", "w8", "a"), cmd("RPUSH", "w8", "b"), cmd("EXEC"));
            // a served move that wakes a waiter on its destination
            RespConnection onDst = s.block("BLPOP", "d9", "0");
            s.blockThenWake(cmd("BLMOVE", "w9", "d9", "LEFT", "RIGHT", "0"), cmd("RPUSH", "w9", "x"));
            onDst.read();
            s.call("SELECT", "2");
            s.call("RPUSH", "w10", "x", "y");
            s.call("BRPOP", "w10", "0");
            s.call("SELECT", "0");
            s.blockThenWake(cmd("BRPOP", "w11", "0"), cmd("RPUSH", "w11", "x", "y"));
            // served in another database than the last one written: SELECT comes first
            RespConnection inFour = s.blockIn(4, "BLPOP", "w12", "0");
            s.call("SELECT", "4");
            s.call("RPUSH", "w12", "x");
            s.call("SELECT", "0");
            inFour.read();
            // timed out: nothing
            s.call("BLPOP", "w13", "0.05");
        });
    }

    @Test
    void sortedSetPopsPropagateAsZpopminAndZpopmax(@TempDir Path redisDir, @TempDir Path ourDir) throws Exception {
        sameAofInBoth(redisDir, ourDir, s -> {
            s.call("ZADD", "z", "1", "a", "2", "b", "3", "c", "4", "d", "5", "e", "6", "f", "7", "g");
            s.call("BZPOPMIN", "z", "0");
            s.call("BZPOPMAX", "nokey", "z", "0");
            s.call("BZMPOP", "0", "1", "z", "MIN", "COUNT", "2");
            s.call("ZMPOP", "1", "z", "MAX", "COUNT", "10");
            s.call("ZMPOP", "1", "nokey", "MAX");
            s.call("ZADD", "z", "1.5", "a", "2.25", "b", "3", "c");
            s.call("zpopmin", "z", "1");
            s.call("ZMPOP", "1", "z", "MIN");
            s.call("zpopmax", "z", "5");
            s.call("zpopmax", "z", "5");
            s.blockThenWake(cmd("BZPOPMIN", "y1", "0"), cmd("ZADD", "y1", "1", "a", "2", "b"));
            s.blockThenWake(cmd("BZPOPMAX", "y2", "0"), cmd("ZADD", "y2", "1", "a", "2", "b"));
            s.blockThenWake(cmd("BZMPOP", "0", "1", "y3", "MAX", "COUNT", "5"), cmd("ZADD", "y3", "1", "a", "2", "b", "3", "c"));
            s.blockThenWake(cmd("BZMPOP", "0", "2", "nokey", "y4", "MIN"), cmd("ZADD", "y4", "1.5", "a", "2", "b"));
        });
    }

    @Test
    void consumerGroupReadsAndClaimsPropagateAsXclaimAndXgroupSetid(@TempDir Path redisDir, @TempDir Path ourDir)
            throws Exception {
        sameAofInBoth(redisDir, ourDir, List.of(cmd("XPENDING", "s", "g"), cmd("XPENDING", "t", "g"),
                cmd("XINFO", "GROUPS", "s"), cmd("XINFO", "GROUPS", "t")), s -> {
            for (int i = 1; i <= 6; i++) {
                s.call("XADD", "s", i + "-1", "f", "v" + i);
                s.call("XADD", "t", i + "-2", "f", "v" + i);
            }
            s.call("XGROUP", "CREATE", "s", "g", "0");
            s.call("XGROUP", "CREATE", "t", "g", "0");
            s.call("XGROUP", "CREATE", "s", "g3", "0", "ENTRIESREAD", "2");
            s.call("XGROUP", "CREATE", "s2", "g", "$", "MKSTREAM");
            // a LASTID beyond the group's, nothing claimed: XGROUP SETID alone
            s.call("XCLAIM", "t", "g", "c0", "0", "1-2", "LASTID", "0-5");
            s.call("XREADGROUP", "GROUP", "g", "c1", "COUNT", "2", "STREAMS", "s", "t", ">", ">");
            s.call("XREADGROUP", "GROUP", "g", "c2", "NOACK", "COUNT", "1", "STREAMS", "s", ">");
            s.call("XREADGROUP", "GROUP", "g", "c1", "NOACK", "COUNT", "1", "STREAMS", "s", ">");
            s.call("XREADGROUP", "GROUP", "g", "c3", "STREAMS", "s", ">");
            s.call("XREADGROUP", "GROUP", "g", "c1", "STREAMS", "s", "0");
            s.call("XREADGROUP", "GROUP", "g", "c9", "STREAMS", "s", ">");
            s.call("XREADGROUP", "GROUP", "g3", "c1", "STREAMS", "s", ">");
            s.call("XCLAIM", "s", "g", "c2", "0", "1-1");
            s.call("XCLAIM", "s", "g", "c2", "0", "2-1", "JUSTID");
            s.call("XCLAIM", "s", "g", "c2", "0", "5-1", "IDLE", "5000", "RETRYCOUNT", "7");
            s.call("XCLAIM", "s", "g", "c2", "0", "5-1", "TIME", "1700000000000", "FORCE", "LASTID", "9-9");
            s.call("XCLAIM", "s", "g", "c4", "0", "99-1");
            s.call("XCLAIM", "s", "g", "c4", "999999999", "6-1");
            s.call("XCLAIM", "t", "g", "c6", "0", "5", "FORCE", "JUSTID");
            s.call("XDEL", "s", "2-1", "3-1");
            s.call("XCLAIM", "s", "g", "c5", "0", "3");
            s.call("XAUTOCLAIM", "s", "g", "c3", "0", "0", "COUNT", "10");
            s.call("XAUTOCLAIM", "s", "g", "c3", "0", "0", "COUNT", "10", "JUSTID");
            s.call("XAUTOCLAIM", "s", "g", "c3", "999999", "0");
            s.call("XACK", "s", "g", "1-1", "4-1");
            s.call("XACK", "s", "g", "1-1");
            s.call("XGROUP", "SETID", "s", "g", "2-1");
            s.call("XGROUP", "SETID", "s", "g", "$", "ENTRIESREAD", "4");
            s.call("XGROUP", "CREATECONSUMER", "s", "g", "c7");
            s.call("XGROUP", "CREATECONSUMER", "s", "g", "c7");
            s.call("XGROUP", "DELCONSUMER", "s", "g", "c7");
            s.call("XGROUP", "DELCONSUMER", "s", "g", "nobody");
            s.call("XGROUP", "SETID", "t", "g", "0");
            s.call("XREADGROUP", "GROUP", "g", "c5", "COUNT", "1", "STREAMS", "t", ">");
            s.blockThenWake(cmd("XREADGROUP", "GROUP", "g", "cb", "BLOCK", "0", "COUNT", "5", "STREAMS", "s2", ">"),
                    cmd("XADD", "s2", "1-1", "a", "b"));
            s.blockThenWake(cmd("XREADGROUP", "GROUP", "g", "cn", "NOACK", "BLOCK", "0", "STREAMS", "s2", ">"),
                    cmd("XADD", "s2", "2-1", "a", "b"));
            s.blockThenWake(cmd("XREADGROUP", "GROUP", "g", "cb", "BLOCK", "0", "COUNT", "5", "STREAMS", "s2", ">"),
                    cmd("MULTI"), cmd("XADD", "s2", "3-1", "a", "b"), cmd("XADD", "s2", "4-1", "a", "b"), cmd("EXEC"));
            s.blockThenWake(cmd("XREADGROUP", "GROUP", "g", "cb", "BLOCK", "0", "STREAMS", "s2", ">"),
                    cmd("XGROUP", "DESTROY", "s2", "g"));
            s.call("XGROUP", "CREATE", "s3", "g", "$", "MKSTREAM");
            s.blockThenWake(cmd("XREADGROUP", "GROUP", "g", "cd", "BLOCK", "0", "STREAMS", "s3", ">"), cmd("DEL", "s3"));
            s.call("MULTI");
            s.call("XREADGROUP", "GROUP", "g", "c1", "STREAMS", "t", ">");
            s.call("XGROUP", "DESTROY", "s", "g3");
            s.call("EXEC");
        });
    }

    @Test
    void approximateTrimsPropagateAsTheExactTrimThatHappened(@TempDir Path redisDir, @TempDir Path ourDir)
            throws Exception {
        sameAofInBoth(redisDir, ourDir, s -> {
            for (int i = 1; i <= 250; i++) s.call("XADD", "s", i + "-1", "f", "v");
            s.call("XADD", "s", "MAXLEN", "~", "100", "251-1", "f", "v");
            s.call("XADD", "s", "maxlen", "~", "100", "252-*", "f", "v");
            s.call("XTRIM", "s", "MAXLEN", "~", "50");
            s.call("XTRIM", "s", "MINID", "~", "200-0");
            s.call("XTRIM", "s", "MAXLEN", "=", "10");
            s.call("XTRIM", "s", "MINID", "0");
            s.call("XADD", "s", "MINID", "~", "0", "253-1", "f", "v");
            s.call("XADD", "s", "NOMKSTREAM", "MINID", "~", "252", "300-*", "f", "v");
            for (int i = 1; i <= 5; i++) s.call("XADD", "t", i + "-1", "f", "v");
            s.call("CONFIG", "SET", "stream-node-max-entries", "2");
            for (int i = 6; i <= 9; i++) s.call("XADD", "u", i + "-1", "f", "v");
            s.call("XTRIM", "u", "MINID", "~", "999999-0");
            s.call("XTRIM", "t", "MAXLEN", "~", "0");
            s.call("CONFIG", "SET", "stream-node-max-entries", "100");
        });
    }

    @Test
    void writesRedisRewritesGoOutInTheirReplayableForm(@TempDir Path redisDir, @TempDir Path ourDir) throws Exception {
        sameAofInBoth(redisDir, ourDir, s -> {
            s.call("SET", "a", "1");
            s.call("GETDEL", "a");
            s.call("SET", "b", "1");
            s.call("GETEX", "b", "PX", "100000");
            s.call("GETEX", "b", "EXAT", "1");
            s.call("SET", "c", "1", "KEEPTTL", "GET");
            s.call("SET", "c", "2", "get", "GET");
            s.call("SET", "c", "3", "PXAT", "9999999999000", "GET");
            s.call("SET", "c", "4", "EX", "100", "GET");
            s.call("SET", "f", "1");
            s.call("EXPIRE", "f", "100", "NX");
            s.call("EXPIRE", "f", "200", "GT");
            s.call("EXPIRE", "f", "50", "GT");
            s.call("PEXPIRE", "f", "50000", "XX");
            s.call("EXPIREAT", "f", "1", "NX");
            s.call("EXPIREAT", "f", "1");
            s.call("SADD", "s", "1", "2");
            s.call("SPOP", "s", "5");
            s.call("GETSET", "c", "5");
            s.call("GEOADD", "g", "NX", "CH", "13.361389", "38.115556", "Palermo", "15.087269", "37.502669", "Catania");
            s.call("GEOADD", "g", "XX", "13.361389", "38.115556", "Palermo");
            s.call("BITFIELD", "bf", "SET", "u8", "0", "255");
            s.call("BITFIELD", "bf", "OVERFLOW", "FAIL", "INCRBY", "u8", "0", "300");
            s.call("BITFIELD", "bf", "OVERFLOW", "FAIL", "INCRBY", "u8", "0", "300", "SET", "u8", "8", "1");
            s.call("BITFIELD", "nk", "OVERFLOW", "FAIL", "SET", "i4", "0", "100");
            s.call("CONFIG", "SET", "lazyfree-lazy-user-del", "yes");
            s.call("CONFIG", "SET", "lazyfree-lazy-expire", "yes");
            s.call("SET", "a", "1");
            s.call("GETDEL", "a");
            s.call("SET", "g", "1");
            s.call("EXPIRE", "g", "-5");
            s.call("SET", "h", "1");
            s.call("GETEX", "h", "PXAT", "1");
            s.call("CONFIG", "SET", "lazyfree-lazy-user-del", "no");
            s.call("CONFIG", "SET", "lazyfree-lazy-expire", "no");
        });
    }

    @Test
    void lazilyExpiredKeysGoOutAsDelInOneTransactionWithTheCommandThatFoundThem(@TempDir Path redisDir,
                                                                              @TempDir Path ourDir) throws Exception {
        sameAofInBoth(redisDir, ourDir, s -> {
            s.call("DEBUG", "SET-ACTIVE-EXPIRE", "0");
            s.call("SET", "a", "1", "PX", "40");
            s.call("SET", "b", "1", "PX", "40");
            s.call("RPUSH", "c", "x");
            s.call("PEXPIRE", "c", "40");
            s.call("SET", "x", "1", "PX", "40");
            s.call("SELECT", "3");
            s.call("SET", "d3", "1", "PX", "40");
            s.call("SELECT", "0");
            pause(100);
            s.call("SET", "a", "2");
            s.call("GET", "b");
            s.call("RPUSH", "c", "y");
            s.call("MULTI");
            s.call("SET", "x", "2");
            s.call("INCR", "counter");
            s.call("EXEC");
            s.call("SELECT", "3");
            s.call("EXISTS", "d3");
            s.call("SELECT", "0");
            s.call("DEBUG", "SET-ACTIVE-EXPIRE", "1");
        });
    }

    @Test
    void aTransactionIsWrappedInMultiExecOnlyWhenItPropagatesMoreThanOneCommand(@TempDir Path redisDir,
                                                                              @TempDir Path ourDir) throws Exception {
        sameAofInBoth(redisDir, ourDir, s -> {
            transaction(s, cmd("SET", "a", "1"), cmd("GET", "a"));
            transaction(s, cmd("GET", "a"));
            s.call("RPUSH", "l", "x", "y", "z");
            transaction(s, cmd("BLPOP", "l", "0"));
            transaction(s, cmd("BLMPOP", "0", "1", "l", "RIGHT", "COUNT", "5"), cmd("SET", "b", "1"));
            s.call("SELECT", "1");
            transaction(s, cmd("SELECT", "2"), cmd("SET", "x", "1"), cmd("SELECT", "3"), cmd("SET", "y", "1"));
            transaction(s, cmd("SET", "z", "1"), cmd("SELECT", "0"), cmd("SET", "z", "1"));
        });
    }

    private static void transaction(Session s, String[]... commands) {
        s.call("MULTI");
        for (String[] c : commands) s.call(c);
        s.call("EXEC");
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * Runs {@code script} on both servers: the same dataset (DEBUG DIGEST), the same incr file,
     * and each AOF directory loads in both servers to one dataset. The loaded dataset is not
     * compared with the live one: where Redis itself propagates something that does not replay
     * to the same state (BITFIELD OVERFLOW FAIL creating its key, XADD ~ LIMIT), ours must do the
     * same.
     */
    private static void sameAofInBoth(Path redisDir, Path ourDir, Script script) throws Exception {
        sameAofInBoth(redisDir, ourDir, List.of(), script);
    }

    /**
     * As above; the replies to {@code probes} join DEBUG DIGEST as the state compared (the
     * digest leaves out consumer groups and their pending entries).
     */
    private static void sameAofInBoth(Path redisDir, Path ourDir, List<String[]> probes, Script script)
            throws Exception {
        Assumptions.assumeTrue(RealRedis.available(), "needs the oracle at " + RealRedis.BINARY);
        String redisState;
        try (RealRedis real = new RealRedis(redisDir, "--appendonly", "yes", "--appendfsync", "always")) {
            redisState = runAndDescribe(real.port(), script, probes);
        }
        String ourState;
        try (ServerFixture ours = new ServerFixture("--dir", ourDir.toString(), "--save", "", "--appendonly", "yes",
                "--appendfsync", "always", "--enable-debug-command", "yes")) {
            ourState = runAndDescribe(ours.port(), script, probes);
        }
        assertThat(ourState).isEqualTo(redisState);
        assertThat(incrCommands(ourDir)).isEqualTo(incrCommands(redisDir));

        String redisReloaded = redisLoading(redisDir.resolve("appendonlydir"), redisDir.resolve("again"), probes);
        assertThat(oursLoading(ourDir, probes)).as("ours restarted from its own AOF").isEqualTo(redisReloaded);
        Path theirs = Files.createDirectories(ourDir.resolve("theirs"));
        AofTest.copyDir(redisDir.resolve("appendonlydir"), theirs.resolve("appendonlydir"));
        assertThat(oursLoading(theirs, probes)).as("ours loading Redis's AOF").isEqualTo(redisReloaded);
        assertThat(redisLoading(ourDir.resolve("appendonlydir"), redisDir.resolve("ours"), probes))
                .as("Redis loading our AOF").isEqualTo(redisReloaded);
    }

    /** The state of a real redis-server started on a copy of {@code appendonlydir} in {@code dir}. */
    private static String redisLoading(Path appendonlydir, Path dir, List<String[]> probes) throws Exception {
        Files.createDirectories(dir);
        AofTest.copyDir(appendonlydir, dir.resolve("appendonlydir"));
        try (RealRedis real = new RealRedis(dir, "--appendonly", "yes")) {
            return runAndDescribe(real.port(), s -> { }, probes);
        }
    }

    /** Runs the script, then returns DEBUG DIGEST and the probes' replies. */
    private static String runAndDescribe(int port, Script script, List<String[]> probes) {
        Session s = new Session(port);
        try {
            script.run(s);
            StringBuilder state = new StringBuilder(s.digest());
            for (String[] probe : probes) state.append(String.join(" ", probe)).append(" -> ").append(s.call(probe));
            return state.toString();
        } finally {
            s.close();
        }
    }

    private static String oursLoading(Path dir, List<String[]> probes) {
        try (ServerFixture ours = new ServerFixture("--dir", dir.toString(), "--save", "", "--appendonly", "yes",
                "--enable-debug-command", "yes")) {
            return runAndDescribe(ours.port(), s -> { }, probes);
        }
    }

    /** The incr file's commands, one line each, with absolute times (XCLAIM TIME, PXAT) masked. */
    static List<String> incrCommands(Path dir) throws IOException {
        Path d = dir.resolve("appendonlydir");
        String manifest = Files.readString(d.resolve("appendonly.aof.manifest"));
        String name = manifest.lines().filter(l -> l.endsWith("type i")).reduce((a, b) -> b).orElseThrow().split(" ")[1];
        return commandsOf(d.resolve(name));
    }

    /** An AOF file's commands, one line each, with absolute times masked. */
    static List<String> commandsOf(Path file) throws IOException {
        byte[] data = Files.readAllBytes(file);
        List<String> out = new ArrayList<>();
        int[] pos = {0};
        while (pos[0] < data.length) {
            int n = Integer.parseInt(line(data, pos).substring(1));
            StringBuilder command = new StringBuilder();
            for (int i = 0; i < n; i++) {
                int len = Integer.parseInt(line(data, pos).substring(1));
                String arg = new String(data, pos[0], len, StandardCharsets.ISO_8859_1);
                pos[0] += len + 2;
                if (i > 0) command.append(' ');
                command.append(arg.matches("1\\d{12}(-\\d+)?") ? "<ms>" : arg);
            }
            out.add(command.toString());
        }
        return out;
    }

    private static String line(byte[] data, int[] pos) {
        int start = pos[0];
        while (data[pos[0]] != '\r') pos[0]++;
        String s = new String(data, start, pos[0] - start, StandardCharsets.US_ASCII);
        pos[0] += 2;
        return s;
    }
}
