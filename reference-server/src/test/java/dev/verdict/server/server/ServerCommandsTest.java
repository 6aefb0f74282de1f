package dev.verdict.server.server;

import dev.verdict.server.testing.RespConnection;
import dev.verdict.server.testing.ServerFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServerCommandsTest {

    private static ServerFixture server;

    @BeforeAll
    static void start() {
        server = new ServerFixture("--enable-debug-command", "yes");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void infoHasRedisSectionsAndCountsCommandsAndErrors() {
        RespConnection c = server.connect();
        c.call("SET", "info:k", "v");
        c.call("GET");
        String info = c.call("INFO", "everything");
        assertThat(info).contains("# Server\r\nredis_version:7.0.15\r\n", "\r\n\r\n# Clients\r\nconnected_clients:",
                "# Memory\r\nused_memory:", "# Persistence\r\nloading:0\r\n", "# Stats\r\ntotal_connections_received:",
                "# Replication\r\nrole:master\r\n", "# CPU\r\nused_cpu_sys:", "# Commandstats\r\n",
                "cmdstat_set:calls=", "cmdstat_get:calls=0,usec=0,usec_per_call=0.00,rejected_calls=1,failed_calls=0",
                "# Errorstats\r\nerrorstat_ERR:count=", "# Keyspace\r\ndb0:keys=");
        assertThat(info).containsPattern("\r\nlatency_percentiles_usec_set:p50=\\d+\\.\\d{3},p99=\\d+\\.\\d{3},p99\\.9=\\d+\\.\\d{3}\r\n");
        assertThat(c.call("INFO", "nosuchsection")).isEqualTo("$0\r\n\r\n");
    }

    @Test
    void debugDigestMatchesRedisForTheSameData() {
        RespConnection c = server.connect();
        c.call("SELECT", "9");
        c.call("SET", "foo", "bar");
        // DEBUG DIGEST-VALUE of foo=bar in db 9 as real Redis 7.0.15 computes it
        assertThat(c.call("DEBUG", "DIGEST-VALUE", "foo", "nokey")).isEqualTo(
                "*2\r\n+68467c70ae30376e7ce005bcc8827f5ba7fd67dc\r\n+0000000000000000000000000000000000000000\r\n");
        c.call("DEL", "foo");
    }

    @Test
    void debugProtocolEmitsEachResp3TypeAndItsResp2Form() {
        RespConnection c = server.connect();
        assertThat(c.call("DEBUG", "PROTOCOL", "map")).isEqualTo("*6\r\n:0\r\n:0\r\n:1\r\n:1\r\n:2\r\n:0\r\n");
        assertThat(c.call("DEBUG", "PROTOCOL", "push")).isEqualTo("-ERR RESP2 is not supported by this command\r\n");
        c.call("HELLO", "3");
        assertThat(c.call("DEBUG", "PROTOCOL", "map")).isEqualTo("%3\r\n:0\r\n#f\r\n:1\r\n#t\r\n:2\r\n#f\r\n");
        assertThat(c.call("DEBUG", "PROTOCOL", "double")).isEqualTo(",3.141\r\n");
        assertThat(c.call("DEBUG", "PROTOCOL", "bignum")).isEqualTo("(1234567999999999999999999999999999999\r\n");
        assertThat(c.call("DEBUG", "PROTOCOL", "null")).isEqualTo("_\r\n");
        assertThat(c.call("DEBUG", "PROTOCOL", "verbatim")).isEqualTo("=29\r\ntxt:This is a verbatim\nstring\r\n");
        assertThat(c.call("DEBUG", "PROTOCOL", "push")).isEqualTo(">2\r\n$16\r\nserver-cpu-usage\r\n:42\r\n");
        assertThat(c.read()).isEqualTo("$40\r\nSome real reply following the push reply\r\n");
    }

    @Test
    void memoryUsageCountsValueKeyAndDictEntryLikeRedis() {
        RespConnection c = server.connect();
        c.call("SET", "mem:k", "v");
        // real Redis 7.0.15: SET k v; MEMORY USAGE k -> 64 (embstr 32, key sds 8, dictEntry 24)
        c.call("SET", "k", "v");
        assertThat(c.call("MEMORY", "USAGE", "k")).isEqualTo(":64\r\n");
        assertThat(c.call("MEMORY", "USAGE", "k", "SAMPLES", "-1")).isEqualTo("-ERR syntax error\r\n");
        assertThat(c.call("MEMORY", "USAGE", "mem:none")).isEqualTo("$-1\r\n");
        c.call("DEL", "k", "mem:k");
    }

    @Test
    void debugObjectDescribesTheValue() {
        RespConnection c = server.connect();
        c.call("SET", "dbg:n", "12345");
        assertThat(c.call("DEBUG", "OBJECT", "dbg:n")).matches(
                "\\+Value at:0x[0-9a-f]+ refcount:1 encoding:int serializedlength:3 lru:\\d+ lru_seconds_idle:\\d+\r\n");
        assertThat(c.call("DEBUG", "OBJECT", "dbg:none")).isEqualTo("-ERR no such key\r\n");
    }

    @Test
    void debugObjectShowsSharedIntegersRefcountAndIsNoAccess() {
        RespConnection c = server.connect();
        // real Redis 7.0.15: 0..9999 are the shared integers, INCR-made or SET-made alike
        c.call("SET", "dbg:small", "7");
        c.call("INCR", "dbg:counter");
        assertThat(c.call("DEBUG", "OBJECT", "dbg:small")).contains(" refcount:2147483647 encoding:int ");
        assertThat(c.call("DEBUG", "OBJECT", "dbg:counter")).contains(" refcount:2147483647 encoding:int ");
        c.call("CONFIG", "SET", "maxmemory-policy", "allkeys-lfu");
        try {
            c.call("SET", "dbg:lfu", "12345");
            c.call("DEBUG", "OBJECT", "dbg:lfu");
            c.call("DEBUG", "OBJECT", "dbg:lfu");
            // LOOKUP_NOTOUCH: the counter stays at LFU_INIT_VAL (a touch from 5 always increments it)
            assertThat(c.call("OBJECT", "FREQ", "dbg:lfu")).isEqualTo(":5\r\n");
        } finally {
            c.call("CONFIG", "SET", "maxmemory-policy", "noeviction");
            c.call("DEL", "dbg:small", "dbg:counter", "dbg:lfu");
        }
    }

    @Test
    void aCopiedSmallIntegerIsPrivateUntilIncrMakesItSharedAgain() {
        RespConnection c = server.connect();
        // real Redis 7.0.15: COPY duplicates the shared object (dupStringObject), INCR to a small
        // result stores the shared one again, also from a counter changed in place before
        c.call("SET", "ref:k", "5");
        c.call("COPY", "ref:k", "ref:copy");
        assertThat(c.call("OBJECT", "REFCOUNT", "ref:copy")).isEqualTo(":1\r\n");
        assertThat(c.call("INCR", "ref:copy")).isEqualTo(":6\r\n");
        assertThat(c.call("OBJECT", "REFCOUNT", "ref:copy")).isEqualTo(":2147483647\r\n");
        c.call("SET", "ref:big", "99999");
        c.call("COPY", "ref:big", "ref:big2");
        assertThat(c.call("DECRBY", "ref:big2", "99990")).isEqualTo(":9\r\n");
        assertThat(c.call("OBJECT", "REFCOUNT", "ref:big2")).isEqualTo(":2147483647\r\n");
        assertThat(c.call("OBJECT", "ENCODING", "ref:big2")).isEqualTo("$3\r\nint\r\n");
        c.call("DEL", "ref:k", "ref:copy", "ref:big", "ref:big2");
    }

    @Test
    void debugObjectDescribesAnExpiredKeyNotYetDeleted() throws InterruptedException {
        RespConnection c = server.connect();
        c.call("DEBUG", "SET-ACTIVE-EXPIRE", "0");
        try {
            c.call("SET", "dbg:expired", "100000", "PX", "1");
            Thread.sleep(10);
            // real Redis 7.0.15 uses dictFind: no lazy expiry, the key stays until something else expires it
            assertThat(c.call("DEBUG", "OBJECT", "dbg:expired")).contains(" refcount:1 encoding:int serializedlength:5 ");
            assertThat(c.call("EXISTS", "dbg:expired")).isEqualTo(":0\r\n");
        } finally {
            c.call("DEBUG", "SET-ACTIVE-EXPIRE", "1");
        }
    }

    @Test
    void debugObjectSerializedLengthIsTheValuesRdbEncodingWithCompression() {
        RespConnection c = server.connect();
        // real Redis 7.0.15 (rdbcompression yes): the DUMP payload's length minus type byte and footer
        c.call("RPUSH", "dbg:list", "a", "b", "c");
        c.call("SADD", "dbg:intset", "1", "2", "3");
        c.call("SET", "dbg:lzf", "a".repeat(82));
        assertThat(c.call("DEBUG", "OBJECT", "dbg:list")).contains(" encoding:quicklist serializedlength:19 ");
        assertThat(c.call("DEBUG", "OBJECT", "dbg:intset")).contains(" encoding:intset serializedlength:15 ");
        assertThat(c.call("DEBUG", "OBJECT", "dbg:lzf")).contains(" encoding:raw serializedlength:13 ");
        c.call("DEL", "dbg:list", "dbg:intset", "dbg:lzf");
    }

    @Test
    void slowlogRecordsCommandsOverTheThreshold() {
        RespConnection c = server.connect();
        c.call("CONFIG", "SET", "slowlog-log-slower-than", "0");
        try {
            c.call("SLOWLOG", "RESET");
            c.call("CLIENT", "SETNAME", "slowpoke");
            String entries = c.call("SLOWLOG", "GET", "1");
            assertThat(entries).startsWith("*1\r\n*6\r\n:").contains("*3\r\n$6\r\nCLIENT\r\n$7\r\nSETNAME\r\n$8\r\nslowpoke\r\n")
                    .endsWith("$8\r\nslowpoke\r\n");
        } finally {
            c.call("CONFIG", "SET", "slowlog-log-slower-than", "10000");
        }
    }

    @Test
    void monitorSeesOtherClientsCommands() {
        RespConnection monitor = server.connect();
        RespConnection other = server.connect();
        assertThat(monitor.call("MONITOR")).isEqualTo("+OK\r\n");
        other.call("ECHO", "watched \"quote\"");
        assertThat(monitor.read()).matches("\\+\\d+\\.\\d{6} \\[0 127\\.0\\.0\\.1:\\d+\\] \"ECHO\" \"watched \\\\\"quote\\\\\"\"\r\n");
    }

    @Test
    void clientListShowsOneLinePerClientInRedisFormat() {
        RespConnection c = server.connect();
        c.call("CLIENT", "SETNAME", "lister");
        String info = c.call("CLIENT", "INFO");
        assertThat(info).matches("(?s)\\$\\d+\r\nid=\\d+ addr=127\\.0\\.0\\.1:\\d+ laddr=127\\.0\\.0\\.1:\\d+ fd=-?\\d+ "
                + "name=lister age=\\d+ idle=\\d+ flags=N db=0 sub=0 psub=0 ssub=0 multi=-1 .* cmd=client\\|info "
                + "user=default redir=-1 resp=2\n\r\n");
        assertThat(c.call("CLIENT", "GETNAME")).isEqualTo("$6\r\nlister\r\n");
    }

    @Test
    void clientKillByIdClosesThatConnection() {
        RespConnection killer = server.connect();
        RespConnection victim = server.connect();
        String id = victim.call("CLIENT", "ID");
        assertThat(killer.call("CLIENT", "KILL", "ID", id.substring(1, id.length() - 2))).isEqualTo(":1\r\n");
        assertThat(victim.closedByServer()).isTrue();
    }

    @Test
    void clientPauseWriteHoldsWritesUntilItEnds() {
        RespConnection admin = server.connect();
        RespConnection writer = server.connect();
        assertThat(admin.call("CLIENT", "PAUSE", "300", "WRITE")).isEqualTo("+OK\r\n");
        long start = System.nanoTime();
        assertThat(writer.call("GET", "pause:k")).isEqualTo("$-1\r\n");
        assertThat(writer.call("SET", "pause:k", "v")).isEqualTo("+OK\r\n");
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(200);
    }

    @Test
    void blockedClientShowsInInfoAndClientListAndClientUnblockReleasesIt() throws InterruptedException {
        RespConnection blocked = server.connect();
        RespConnection admin = server.connect();
        String id = blocked.call("CLIENT", "ID");
        blocked.send("BLPOP", "unblock:list", "0");
        Thread.sleep(100);
        assertThat(admin.call("INFO", "clients")).contains("blocked_clients:1\r\n");
        assertThat(admin.call("CLIENT", "LIST", "ID", id.substring(1, id.length() - 2))).contains(" flags=b ");
        assertThat(admin.call("CLIENT", "UNBLOCK", id.substring(1, id.length() - 2))).isEqualTo(":1\r\n");
        assertThat(blocked.read()).isEqualTo("*-1\r\n");
        assertThat(admin.call("INFO", "clients")).contains("blocked_clients:0\r\n");
    }

    @Test
    void authWithoutPasswordConfiguredIsAnError() {
        RespConnection c = server.connect();
        assertThat(c.call("AUTH", "x")).isEqualTo("-ERR AUTH <password> called without any password configured for "
                + "the default user. Are you sure your configuration is correct?\r\n");
        assertThat(c.call("AUTH", "default", "anything")).isEqualTo("+OK\r\n");
    }
}
