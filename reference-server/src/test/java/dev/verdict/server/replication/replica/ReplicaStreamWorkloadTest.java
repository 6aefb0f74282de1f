package dev.verdict.server.replication.replica;

import dev.verdict.server.persistence.RealRedis;
import dev.verdict.server.testing.RespConnection;
import dev.verdict.server.testing.ServerFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static dev.verdict.server.replication.replica.SyncWait.caughtUp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A seeded mix of write commands on a real master, many of which a master propagates in another
 * form (SPOP as SREM, EX as PXAT, INCRBYFLOAT as SET, XREADGROUP as XCLAIM and XGROUP SETID,
 * blocking pops as plain pops, LMPOP/ZMPOP as counted pops...): our replica must end with the
 * master's dataset, key for key.
 */
class ReplicaStreamWorkloadTest {

    private static final int COMMANDS = 3000;

    /** One command, or a few where a blocking command needs its key filled first (an empty key would block it). */
    private static String[][] pick(Random random) {
        String k = "k" + random.nextInt(12);
        String m = "m" + random.nextInt(8);
        String n = Integer.toString(random.nextInt(100) - 20);
        return switch (random.nextInt(40)) {
            case 9 -> new String[][] {{"RPUSH", "l" + k, m}, {"BLPOP", "l" + k, "0.01"}};
            case 24 -> new String[][] {{"ZADD", "z" + k, n, m}, {"BZPOPMAX", "z" + k, "0.01"}};
            default -> new String[][] {single(random, k, m, n)};
        };
    }

    private static String[] single(Random random, String k, String m, String n) {
        return switch (random.nextInt(40)) {
            case 0 -> new String[] {"SET", "s" + k, n, "EX", "1000"};
            case 1 -> new String[] {"INCRBYFLOAT", "f" + k, "1.5"};
            case 2 -> new String[] {"INCR", "i" + k};
            case 3 -> new String[] {"APPEND", "s" + k, m};
            case 4 -> new String[] {"GETEX", "s" + k, "PX", "900000"};
            case 5 -> new String[] {"GETDEL", "s" + k};
            case 6 -> new String[] {"SETRANGE", "s" + k, "3", "xyz"};
            case 7 -> new String[] {"RPUSH", "l" + k, m, n};
            case 8 -> new String[] {"LPOP", "l" + k};
            case 9 -> new String[] {"LINSERT", "l" + k, "BEFORE", m, n};
            case 10 -> new String[] {"LMOVE", "l" + k, "l" + m, "LEFT", "RIGHT"};
            case 11 -> new String[] {"LMPOP", "2", "l" + k, "l" + m, "RIGHT", "COUNT", "2"};
            case 12 -> new String[] {"LTRIM", "l" + k, "0", "5"};
            case 13 -> new String[] {"SADD", "t" + k, m, n};
            case 14 -> new String[] {"SPOP", "t" + k};
            case 15 -> new String[] {"SPOP", "t" + k, "2"};
            case 16 -> new String[] {"SMOVE", "t" + k, "t" + m, m};
            case 17 -> new String[] {"SINTERSTORE", "t" + m, "t" + k, "t" + m};
            case 18 -> new String[] {"HSET", "h" + k, m, n};
            case 19 -> new String[] {"HINCRBYFLOAT", "h" + k, m, "0.25"};
            case 20 -> new String[] {"HDEL", "h" + k, m};
            case 21 -> new String[] {"ZADD", "z" + k, n, m};
            case 22 -> new String[] {"ZINCRBY", "z" + k, "2.5", m};
            case 23 -> new String[] {"ZPOPMIN", "z" + k};
            case 24 -> new String[] {"ZREMRANGEBYSCORE", "z" + k, "-10", "0"};
            case 25 -> new String[] {"ZMPOP", "1", "z" + k, "MIN", "COUNT", "2"};
            case 26 -> new String[] {"ZRANGESTORE", "z" + m, "z" + k, "0", "-1"};
            case 27 -> new String[] {"XADD", "x" + k, "MAXLEN", "~", "20", "*", "f", n};
            case 28 -> new String[] {"XGROUP", "CREATE", "x" + k, "g", "0", "MKSTREAM"};
            case 29 -> new String[] {"XREADGROUP", "GROUP", "g", "c" + random.nextInt(3), "COUNT", "2", "STREAMS", "x" + k, ">"};
            case 30 -> new String[] {"XAUTOCLAIM", "x" + k, "g", "c9", "0", "0-0", "COUNT", "2"};
            case 31 -> new String[] {"XTRIM", "x" + k, "MAXLEN", "5"};
            case 32 -> new String[] {"EXPIRE", "l" + k, "5000"};
            case 33 -> new String[] {"PERSIST", "l" + k};
            case 34 -> new String[] {"DEL", "h" + k};
            case 35 -> new String[] {"RENAME", "s" + k, "s" + m};
            case 36 -> new String[] {"COPY", "h" + k, "h" + m, "REPLACE"};
            case 37 -> new String[] {"PFADD", "p" + k, m, n};
            case 38 -> new String[] {"SETBIT", "b" + k, Integer.toString(random.nextInt(200)), "1"};
            default -> new String[] {"SELECT", Integer.toString(random.nextInt(3))};
        };
    }

    @Test
    void aMixedWorkloadLeavesTheReplicaIdenticalToItsMaster(@TempDir Path masterDir, @TempDir Path dir) {
        assumeTrue(RealRedis.available(), "redis-server is not installed");
        try (RealRedis master = new RealRedis(masterDir, "--repl-diskless-sync-delay", "0");
             RespConnection m = new RespConnection(master.port());
             ServerFixture ours = new ServerFixture("--dir", dir.toString(), "--enable-debug-command", "yes")) {
            RespConnection r = ours.connect();
            // half before the sync (it travels in the RDB), half after (in the stream)
            Random random = new Random(7);
            run(m, random, COMMANDS / 2);
            r.call("REPLICAOF", "127.0.0.1", Integer.toString(master.port()));
            caughtUp(m, r);
            run(m, random, COMMANDS / 2);
            m.call("SELECT", "0");
            caughtUp(m, r);
            List<String> differing = new ArrayList<>();
            for (int db = 0; db < 3; db++) {
                m.call("SELECT", Integer.toString(db));
                r.call("SELECT", Integer.toString(db));
                for (String key : keys(m)) {
                    if (!m.call("DEBUG", "DIGEST-VALUE", key).equals(r.call("DEBUG", "DIGEST-VALUE", key))) {
                        differing.add(db + ":" + key);
                    }
                }
                assertThat(r.call("DBSIZE")).as("db " + db).isEqualTo(m.call("DBSIZE"));
            }
            assertThat(differing).isEmpty();
            assertThat(r.call("DEBUG", "DIGEST")).isEqualTo(m.call("DEBUG", "DIGEST"));
        }
    }

    private static void run(RespConnection m, Random random, int count) {
        int sent = 0;
        for (int i = 0; i < count; i++) {
            for (String[] command : pick(random)) {
                m.send(command);
                sent++;
            }
        }
        for (int i = 0; i < sent; i++) m.read();
    }

    private static List<String> keys(RespConnection c) {
        String[] lines = c.call("KEYS", "*").split("\r\n");
        List<String> keys = new ArrayList<>();
        for (int i = 2; i < lines.length; i += 2) keys.add(lines[i]);
        return keys;
    }
}
