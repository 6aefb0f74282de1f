package dev.verdict.server.replication.replica;

import dev.verdict.server.persistence.RealRedis;
import dev.verdict.server.testing.Info;
import dev.verdict.server.testing.RespConnection;
import dev.verdict.server.testing.ServerFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static dev.verdict.server.replication.replica.SyncWait.caughtUp;
import static dev.verdict.server.replication.replica.SyncWait.info;
import static dev.verdict.server.testing.Await.until;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Our server as the replica of a real Redis 7.0.15 master: full sync, the stream, partial resync, promotion. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplicaSyncTest {

    private RealRedis master;
    private RespConnection m;
    private Path masterDir;

    @BeforeAll
    void startMaster() throws Exception {
        assumeTrue(RealRedis.available(), "redis-server is not installed");
        masterDir = Files.createTempDirectory("verdict-master");
        master = new RealRedis(masterDir, "--repl-diskless-sync-delay", "0");
        m = new RespConnection(master.port());
    }

    @AfterAll
    void stopMaster() {
        if (m != null) m.close();
        if (master != null) master.close();
    }

    @BeforeEach
    void emptyMaster() {
        m.call("FLUSHALL");
        m.call("CONFIG", "SET", "repl-diskless-sync", "yes");
    }

    private ServerFixture replica(Path dir, String... extra) {
        String[] args = new String[4 + extra.length];
        args[0] = "--dir";
        args[1] = dir.toString();
        args[2] = "--enable-debug-command";
        args[3] = "yes";
        System.arraycopy(extra, 0, args, 4, extra.length);
        return new ServerFixture(args);
    }

    private static String digest(RespConnection c) {
        return c.call("DEBUG", "DIGEST");
    }

    private int stat(String name) {
        return (int) Info.stat(m, name);
    }

    /** Every type, in both encodings where Redis has two, with TTLs, in three databases. */
    private void populateEveryType() {
        m.call("SET", "int", "12345");
        m.call("SET", "embstr", "short");
        m.call("SET", "raw", "x".repeat(100));
        m.call("SET", "ttl", "v", "EX", "1000");
        m.call("RPUSH", "smalllist", "a", "b", "1");
        m.call("HSET", "smallhash", "f", "v", "n", "1");
        m.call("SADD", "intset", "1", "2", "3");
        m.call("SADD", "strset", "a", "b");
        m.call("ZADD", "smallzset", "1", "a", "2.5", "b");
        m.call("PFADD", "hll", "a", "b", "c");
        m.call("SETBIT", "bits", "100", "1");
        m.call("GEOADD", "geo", "13.361389", "38.115556", "Palermo");
        for (int i = 0; i < 200; i++) {
            m.call("RPUSH", "biglist", "element-" + i);
            m.call("HSET", "bighash", "field-" + i, "value-" + i);
            m.call("SADD", "bigset", "member-" + i);
            m.call("ZADD", "bigzset", Integer.toString(i), "member-" + i);
            m.call("PEXPIRE", "biglist", "900000");
        }
        for (int i = 0; i < 20; i++) m.call("XADD", "stream", "*", "f", "v" + i);
        m.call("XGROUP", "CREATE", "stream", "group", "0");
        m.call("XREADGROUP", "GROUP", "group", "alice", "COUNT", "3", "STREAMS", "stream", ">");
        m.call("SELECT", "1");
        m.call("SET", "in-db-1", "v");
        m.call("SELECT", "5");
        m.call("HSET", "in-db-5", "f", "v");
        m.call("SELECT", "0");
    }

    @Test
    void disklessFullSyncCopiesEveryType(@TempDir Path dir) {
        populateEveryType();
        try (ServerFixture ours = replica(dir)) {
            RespConnection r = ours.connect();
            assertThat(r.call("REPLICAOF", "127.0.0.1", Integer.toString(master.port()))).isEqualTo("+OK\r\n");
            caughtUp(m, r);
            assertThat(digest(r)).isEqualTo(digest(m));
            assertThat(info(r).get("master_replid")).isEqualTo(info(m).get("master_replid"));
            assertThat(r.call("TTL", "ttl")).isIn(":1000\r\n", ":999\r\n");
            // the transfer became this server's dump file, as in Redis
            assertThat(dir.resolve("dump.rdb")).exists();
        }
    }

    @Test
    void diskBasedFullSyncCopiesEveryType(@TempDir Path dir) {
        m.call("CONFIG", "SET", "repl-diskless-sync", "no");
        populateEveryType();
        try (ServerFixture ours = replica(dir)) {
            RespConnection r = ours.connect();
            r.call("REPLICAOF", "127.0.0.1", Integer.toString(master.port()));
            caughtUp(m, r);
            assertThat(digest(r)).isEqualTo(digest(m));
        }
    }

    @Test
    void streamedWritesOfEveryKindReachTheReplica(@TempDir Path dir) {
        try (ServerFixture ours = replica(dir)) {
            RespConnection r = ours.connect();
            r.call("REPLICAOF", "127.0.0.1", Integer.toString(master.port()));
            caughtUp(m, r);
            m.call("SET", "s", "v", "EX", "100");
            m.call("INCR", "counter");
            m.call("INCRBYFLOAT", "float", "1.5");
            m.call("LPUSH", "list", "a", "b", "c");
            m.call("LPOP", "list");
            m.call("HSET", "hash", "f1", "v1", "f2", "v2");
            m.call("HDEL", "hash", "f1");
            m.call("ZADD", "zset", "1", "one", "2", "two");
            m.call("ZINCRBY", "zset", "5", "one");
            m.call("SADD", "set", "x", "y");
            m.call("SPOP", "set");
            m.call("XADD", "stream", "MAXLEN", "5", "*", "k", "v");
            m.call("XGROUP", "CREATE", "stream", "g", "0");
            m.call("XREADGROUP", "GROUP", "g", "c", "STREAMS", "stream", ">");
            m.call("SET", "doomed", "v");
            m.call("EXPIRE", "doomed", "1000");
            m.call("SET", "deleted", "v");
            m.call("DEL", "deleted");
            m.call("MULTI");
            m.call("SET", "tx", "1");
            m.call("INCR", "tx");
            m.call("EXEC");
            m.call("SELECT", "3");
            m.call("SET", "other-db", "v");
            m.call("SELECT", "0");
            caughtUp(m, r);
            assertThat(digest(r)).isEqualTo(digest(m));
            assertThat(r.call("GET", "tx")).isEqualTo("$1\r\n2\r\n");
            assertThat(r.call("TTL", "doomed")).isIn(":1000\r\n", ":999\r\n");
            r.call("SELECT", "3");
            assertThat(r.call("GET", "other-db")).isEqualTo("$1\r\nv\r\n");
            m.call("FLUSHALL");
            caughtUp(m, r);
            assertThat(r.call("DBSIZE")).isEqualTo(":0\r\n");
            assertThat(digest(r)).isEqualTo(digest(m));
        }
    }

    @Test
    void masterWaitCountsTheReplicaThroughGetack(@TempDir Path dir) {
        try (ServerFixture ours = replica(dir)) {
            RespConnection r = ours.connect();
            r.call("REPLICAOF", "127.0.0.1", Integer.toString(master.port()));
            caughtUp(m, r);
            m.call("SET", "acked", "v");
            // WAIT sends REPLCONF GETACK * and counts the replicas whose ACK covers the write
            assertThat(m.call("WAIT", "1", "5000")).isEqualTo(":1\r\n");
        }
    }

    @Test
    void killedMasterLinkContinuesWithPartialResync(@TempDir Path dir) {
        try (ServerFixture ours = replica(dir)) {
            RespConnection r = ours.connect();
            r.call("REPLICAOF", "127.0.0.1", Integer.toString(master.port()));
            caughtUp(m, r);
            int full = stat("sync_full");
            int partial = stat("sync_partial_ok");
            m.call("SELECT", "2");
            m.call("SET", "before", "1");
            caughtUp(m, r);
            assertThat(r.call("CLIENT", "KILL", "TYPE", "master")).isEqualTo(":1\r\n");
            assertThat(info(r).get("master_link_status")).isEqualTo("down");
            // written while the link is down, in the database the stream had selected
            m.call("SET", "during", "2");
            caughtUp(m, r);
            m.call("SELECT", "0");
            assertThat(stat("sync_partial_ok")).isEqualTo(partial + 1);
            assertThat(stat("sync_full")).isEqualTo(full);
            assertThat(digest(r)).isEqualTo(digest(m));

            // the same from the master's side
            m.call("CLIENT", "KILL", "TYPE", "replica");
            m.call("SET", "after", "3");
            until(() -> stat("sync_partial_ok") == partial + 2, "a second partial resync");
            caughtUp(m, r);
            assertThat(stat("sync_full")).isEqualTo(full);
            assertThat(digest(r)).isEqualTo(digest(m));
        }
    }

    @Test
    void silentMasterTimesOutAndIsContinuedPartially(@TempDir Path dir) {
        try (ServerFixture ours = replica(dir, "--repl-timeout", "1")) {
            RespConnection r = ours.connect();
            m.call("CONFIG", "SET", "repl-ping-replica-period", "1");
            try {
                r.call("REPLICAOF", "127.0.0.1", Integer.toString(master.port()));
                caughtUp(m, r);
                int partial = stat("sync_partial_ok");
                // the master answers nothing for 3 seconds: past repl-timeout, the replica drops the link
                m.call("DEBUG", "SLEEP", "3");
                until(() -> stat("sync_partial_ok") > partial, "the replica to come back with PSYNC");
                caughtUp(m, r);
                assertThat(digest(r)).isEqualTo(digest(m));
            } finally {
                m.call("CONFIG", "SET", "repl-ping-replica-period", "10");
            }
        }
    }

    @Test
    void replicaofNoOneKeepsTheDataUnderANewHistory(@TempDir Path dir) {
        m.call("SET", "kept", "v");
        try (ServerFixture ours = replica(dir)) {
            RespConnection r = ours.connect();
            r.call("REPLICAOF", "127.0.0.1", Integer.toString(master.port()));
            caughtUp(m, r);
            Map<String, String> before = info(r);
            assertThat(r.call("REPLICAOF", "NO", "ONE")).isEqualTo("+OK\r\n");
            Map<String, String> after = info(r);
            assertThat(after.get("role")).isEqualTo("master");
            assertThat(after.get("master_replid2")).isEqualTo(before.get("master_replid"));
            assertThat(after.get("master_replid")).isNotEqualTo(before.get("master_replid"));
            long offset = Long.parseLong(before.get("master_repl_offset"));
            assertThat(after.get("second_repl_offset")).isEqualTo(Long.toString(offset + 1));
            assertThat(r.call("GET", "kept")).isEqualTo("$1\r\nv\r\n");
            assertThat(r.call("SET", "writable", "now")).isEqualTo("+OK\r\n");
            // the backlog kept from the sync records the write: SELECT 0 (23 bytes) and the SET (36)
            assertThat(r.call("ROLE")).isEqualTo("*3\r\n$6\r\nmaster\r\n:" + (offset + 59) + "\r\n*0\r\n");
            // the master no longer sees a replica
            until(() -> "0".equals(info(m).get("connected_slaves")), "the master to drop the replica");
        }
    }

    @Test
    void replicaofAtStartupSyncs(@TempDir Path dir) {
        m.call("SET", "from-start", "v");
        try (ServerFixture ours = replica(dir, "--replicaof", "127.0.0.1 " + master.port())) {
            RespConnection r = ours.connect();
            caughtUp(m, r);
            assertThat(r.call("GET", "from-start")).isEqualTo("$1\r\nv\r\n");
        }
    }

    @Test
    void appendonlyReplicaLogsWhatItsMasterSends(@TempDir Path dir) {
        m.call("SET", "loaded", "1");
        String digest;
        try (ServerFixture ours = replica(dir, "--appendonly", "yes")) {
            RespConnection r = ours.connect();
            r.call("REPLICAOF", "127.0.0.1", Integer.toString(master.port()));
            caughtUp(m, r);
            m.call("SET", "streamed", "2");
            m.call("RPUSH", "streamed-list", "a", "b");
            caughtUp(m, r);
            digest = digest(r);
            assertThat(digest).isEqualTo(digest(m));
        }
        // restarted without the master, the AOF alone rebuilds the dataset
        try (ServerFixture restarted = replica(dir, "--appendonly", "yes")) {
            assertThat(digest(restarted.connect())).isEqualTo(digest);
        }
    }
    @Test
    void handshakeAuthenticatesWithMasterauthAndMasteruser(@TempDir Path dir) {
        m.call("SET", "secret-data", "v");
        m.call("ACL", "SETUSER", "replicator", "on", ">userpass", "+@all", "~*");
        m.call("CONFIG", "SET", "requirepass", "masterpass");
        try {
            try (ServerFixture ours = replica(dir, "--masterauth", "masterpass")) {
                RespConnection r = ours.connect();
                r.call("REPLICAOF", "127.0.0.1", Integer.toString(master.port()));
                caughtUp(m, r);
                assertThat(r.call("GET", "secret-data")).isEqualTo("$1\r\nv\r\n");
            }
            try (ServerFixture ours = replica(dir, "--masteruser", "replicator", "--masterauth", "userpass")) {
                RespConnection r = ours.connect();
                r.call("REPLICAOF", "127.0.0.1", Integer.toString(master.port()));
                caughtUp(m, r);
                assertThat(r.call("GET", "secret-data")).isEqualTo("$1\r\nv\r\n");
            }
        } finally {
            m.call("CONFIG", "SET", "requirepass", "");
            m.call("ACL", "DELUSER", "replicator");
        }
    }

    @Test
    void followingAPromotedSiblingContinuesUnderItsNewId(@TempDir Path dir, @TempDir Path siblingDir) {
        m.call("SET", "shared-history", "v");
        try (RealRedis sibling = new RealRedis(siblingDir); RespConnection s = new RespConnection(sibling.port());
             ServerFixture ours = replica(dir)) {
            RespConnection r = ours.connect();
            s.call("REPLICAOF", "127.0.0.1", Integer.toString(master.port()));
            r.call("REPLICAOF", "127.0.0.1", Integer.toString(master.port()));
            caughtUp(m, s);
            caughtUp(m, r);
            String oldId = info(r).get("master_replid");
            s.call("REPLICAOF", "NO", "ONE");
            String newId = info(s).get("master_replid");
            // our cached master is the old history, which the promoted sibling keeps as replid2: +CONTINUE <new id>
            r.call("REPLICAOF", "127.0.0.1", Integer.toString(sibling.port()));
            caughtUp(s, r);
            Map<String, String> ourInfo = info(r);
            assertThat(ourInfo.get("master_replid")).isEqualTo(newId);
            assertThat(ourInfo.get("master_replid2")).isEqualTo(oldId);
            assertThat(info(s).get("connected_slaves")).isEqualTo("1");
            String stats = s.call("INFO", "stats");
            assertThat(stats).contains("sync_partial_ok:1\r\n").contains("sync_full:0\r\n");
            s.call("SET", "after-promotion", "v");
            caughtUp(s, r);
            assertThat(digest(r)).isEqualTo(digest(s));
        }
    }

    @Test
    void replicaIgnoringMaxmemoryEvictsNothing(@TempDir Path dir) {
        try (ServerFixture ours = replica(dir, "--maxmemory", "1mb", "--maxmemory-policy", "allkeys-random")) {
            RespConnection r = ours.connect();
            r.call("REPLICAOF", "127.0.0.1", Integer.toString(master.port()));
            caughtUp(m, r);
            String value = "v".repeat(1000);
            for (int i = 0; i < 3000; i++) m.send("SET", "big-" + i, value);
            for (int i = 0; i < 3000; i++) m.read();
            caughtUp(m, r);
            assertThat(r.call("GET", "big-0")).isEqualTo("$1000\r\n" + value + "\r\n");
            assertThat(r.call("DBSIZE")).isEqualTo(":3000\r\n");
            assertThat(digest(r)).isEqualTo(digest(m));
        }
    }
    @Test
    void becomingAReplicaUnblocksBlockedClientsWithAnErrorAndClosesThem(@TempDir Path dir) {
        try (ServerFixture ours = replica(dir)) {
            RespConnection blocked = ours.connect();
            blocked.send("BLPOP", "nothing", "0");
            RespConnection r = ours.connect();
            until(() -> r.call("INFO", "clients").contains("blocked_clients:1\r\n"), "the BLPOP to block");
            r.call("REPLICAOF", "127.0.0.1", Integer.toString(master.port()));
            assertThat(blocked.read())
                    .isEqualTo("-UNBLOCKED force unblock from blocking operation, instance state changed (master -> replica?)\r\n");
            assertThat(blocked.closedByServer()).isTrue();
            caughtUp(m, r);
        }
    }
    @Test
    void aReaderBlockedOnTheReplicaIsServedByTheMastersWrite(@TempDir Path dir) {
        try (ServerFixture ours = replica(dir)) {
            RespConnection r = ours.connect();
            r.call("REPLICAOF", "127.0.0.1", Integer.toString(master.port()));
            caughtUp(m, r);
            RespConnection reader = ours.connect();
            reader.send("XREAD", "BLOCK", "5000", "STREAMS", "events", "$");
            until(() -> r.call("INFO", "clients").contains("blocked_clients:1\r\n"), "the XREAD to block");
            m.call("XADD", "events", "1-1", "f", "v");
            assertThat(reader.read()).isEqualTo(
                    "*1\r\n*2\r\n$6\r\nevents\r\n*1\r\n*2\r\n$3\r\n1-1\r\n*2\r\n$1\r\nf\r\n$1\r\nv\r\n");
        }
    }
}
