package dev.verdict.server.tracking;

import dev.verdict.server.testing.RespConnection;
import dev.verdict.server.testing.ServerFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Invalidation delivery and the tracking table over sockets; each expected frame was read from Redis 7.0.15. */
class TrackingTest {

    private static final String INVALIDATE_K = ">2\r\n$10\r\ninvalidate\r\n*1\r\n$1\r\nk\r\n";

    private static ServerFixture server;
    private RespConnection admin;

    @BeforeAll
    static void start() {
        server = new ServerFixture();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void emptyTable() {
        admin = server.connect();
        admin.call("FLUSHALL");
    }

    private static RespConnection resp3() {
        RespConnection c = server.connect();
        c.call("HELLO", "3");
        return c;
    }

    private String stat(String field) {
        for (String line : admin.call("INFO", "everything").split("\r\n")) {
            if (line.startsWith(field + ":")) return line.substring(field.length() + 1);
        }
        throw new AssertionError("no INFO field " + field);
    }

    private static void eventually(Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 3000;
        while (!condition.get() && System.currentTimeMillis() < deadline) Thread.sleep(10);
        assertThat(condition.get()).isTrue();
    }

    @Test
    void pipelinedReadsAndWritesGetEachInvalidationRightAfterTheWritersReply() {
        try (RespConnection c = resp3()) {
            c.call("CLIENT", "TRACKING", "ON");
            c.call("SET", "k", "1");
            c.call("GET", "k");
            c.send("SET", "k", "2");
            c.send("GET", "k");
            c.send("INCR", "k");
            assertThat(c.read()).isEqualTo("+OK\r\n");
            assertThat(c.read()).isEqualTo(INVALIDATE_K);
            assertThat(c.read()).isEqualTo("$1\r\n2\r\n");
            assertThat(c.read()).isEqualTo(":3\r\n");
            assertThat(c.read()).isEqualTo(INVALIDATE_K);
        }
    }

    @Test
    void tableCountsReadersPerKeyAndForgetsThemOnInvalidation() throws InterruptedException {
        try (RespConnection a = resp3(); RespConnection b = resp3()) {
            a.call("CLIENT", "TRACKING", "ON");
            b.call("CLIENT", "TRACKING", "ON");
            a.call("MGET", "x", "y");
            b.call("GET", "x");
            assertThat(stat("tracking_clients")).isEqualTo("2");
            assertThat(stat("tracking_total_keys")).isEqualTo("2");
            assertThat(stat("tracking_total_items")).isEqualTo("3");
            admin.call("SET", "x", "1");
            assertThat(a.read()).isEqualTo(">2\r\n$10\r\ninvalidate\r\n*1\r\n$1\r\nx\r\n");
            assertThat(b.read()).isEqualTo(">2\r\n$10\r\ninvalidate\r\n*1\r\n$1\r\nx\r\n");
            assertThat(stat("tracking_total_keys")).isEqualTo("1");
            assertThat(stat("tracking_total_items")).isEqualTo("1");
            b.call("CLIENT", "TRACKING", "OFF");
            assertThat(stat("tracking_clients")).isEqualTo("1");
        }
        // closed clients leave tracking; the keys they read stay until changed, as in Redis
        eventually(() -> stat("tracking_clients").equals("0"));
        assertThat(stat("tracking_total_keys")).isEqualTo("1");
        admin.call("SET", "y", "1");
        assertThat(stat("tracking_total_keys")).isEqualTo("0");
    }

    @Test
    void clientThatTurnedTrackingOffIsNotToldAboutKeysItReadBefore() {
        try (RespConnection c = resp3()) {
            c.call("CLIENT", "TRACKING", "ON");
            c.call("GET", "k");
            c.call("CLIENT", "TRACKING", "OFF");
            admin.call("SET", "k", "1");
            assertThat(c.silentFor(200)).isTrue();
        }
    }

    @Test
    void resp2ClientWithoutRedirectIsTrackedButNeverSentAnything() {
        try (RespConnection c = server.connect()) {
            assertThat(c.call("CLIENT", "TRACKING", "ON")).isEqualTo("+OK\r\n");
            c.call("GET", "k");
            admin.call("SET", "k", "1");
            assertThat(c.silentFor(200)).isTrue();
            assertThat(c.call("CLIENT", "INFO")).contains(" flags=t ").contains(" redir=0 ");
        }
    }

    @Test
    void redirectToAResp3ClientPushesThereAndNotOnTheTrackingConnection() {
        try (RespConnection target = resp3(); RespConnection c = server.connect()) {
            String id = target.call("CLIENT", "ID").substring(1).trim();
            c.call("CLIENT", "TRACKING", "ON", "REDIRECT", id);
            c.call("GET", "k");
            admin.call("SET", "k", "1");
            assertThat(target.read()).isEqualTo(INVALIDATE_K);
            assertThat(c.silentFor(200)).isTrue();
        }
    }

    @Test
    void lazyExpiryByTheReaderIsPushedBeforeItsReply() throws InterruptedException {
        try (RespConnection c = resp3()) {
            c.call("CLIENT", "TRACKING", "ON");
            admin.call("DEBUG", "SET-ACTIVE-EXPIRE", "0");
            try {
                admin.call("SET", "k", "1", "PX", "50");
                assertThat(c.call("GET", "k")).isEqualTo("$1\r\n1\r\n");
                Thread.sleep(100);
                // no client changed the key, so nothing waits for the reply
                assertThat(c.call("GET", "k")).isEqualTo(INVALIDATE_K);
                assertThat(c.read()).isEqualTo("_\r\n");
            } finally {
                admin.call("DEBUG", "SET-ACTIVE-EXPIRE", "1");
            }
        }
    }

    @Test
    void activeExpiryInvalidatesWithoutAnyCommand() {
        try (RespConnection c = resp3()) {
            c.call("CLIENT", "TRACKING", "ON");
            admin.call("SET", "k", "1", "PX", "100");
            c.call("GET", "k");
            assertThat(c.read()).isEqualTo(INVALIDATE_K);
        }
    }

    @Test
    void swapdbInvalidatesNothing() {
        try (RespConnection c = resp3()) {
            c.call("CLIENT", "TRACKING", "ON");
            admin.call("SET", "k", "1");
            c.call("GET", "k");
            admin.call("SWAPDB", "0", "1");
            assertThat(c.silentFor(200)).isTrue();
            admin.call("SWAPDB", "0", "1");
        }
    }

    @Test
    void tableOverItsMaxKeysDropsKeysAndInvalidatesTheirReaders() {
        try (RespConnection c = resp3()) {
            c.call("CLIENT", "TRACKING", "ON");
            admin.call("CONFIG", "SET", "tracking-table-max-keys", "1");
            try {
                c.call("GET", "m1");
                assertThat(c.call("GET", "m2")).isEqualTo("_\r\n");
                assertThat(c.read()).startsWith(">2\r\n$10\r\ninvalidate\r\n*1\r\n$2\r\nm");
                assertThat(stat("tracking_total_keys")).isEqualTo("1");
            } finally {
                admin.call("CONFIG", "SET", "tracking-table-max-keys", "1000000");
            }
        }
    }

    @Test
    void cachingYesLastsThroughClientCommandsAndAWholeTransaction() {
        try (RespConnection c = resp3()) {
            c.call("CLIENT", "TRACKING", "ON", "OPTIN");
            c.call("CLIENT", "CACHING", "YES");
            c.call("CLIENT", "ID");
            c.call("GET", "a");
            c.call("CLIENT", "CACHING", "YES");
            c.call("PING");
            c.call("GET", "b");
            c.call("CLIENT", "CACHING", "YES");
            c.call("MULTI");
            c.call("GET", "c");
            c.call("GET", "d");
            c.call("EXEC");
            admin.call("MSET", "a", "1", "b", "1", "c", "1", "d", "1");
            assertThat(c.read()).isEqualTo(">2\r\n$10\r\ninvalidate\r\n*1\r\n$1\r\na\r\n");
            assertThat(c.read()).isEqualTo(">2\r\n$10\r\ninvalidate\r\n*1\r\n$1\r\nc\r\n");
            assertThat(c.read()).isEqualTo(">2\r\n$10\r\ninvalidate\r\n*1\r\n$1\r\nd\r\n");
            assertThat(c.silentFor(200)).isTrue();
        }
    }

    @Test
    void bcastBatchesPipelinedWritesIntoOnePushPerPrefix() {
        try (RespConnection c = resp3(); RespConnection writer = server.connect()) {
            c.call("CLIENT", "TRACKING", "ON", "BCAST", "PREFIX", "u:");
            assertThat(stat("tracking_total_prefixes")).isEqualTo("1");
            writer.sendRaw("*3\r\n$3\r\nSET\r\n$3\r\nu:2\r\n$1\r\nx\r\n*3\r\n$3\r\nSET\r\n$3\r\nu:1\r\n$1\r\nx\r\n"
                    + "*2\r\n$3\r\nDEL\r\n$3\r\nu:2\r\n");
            writer.read();
            writer.read();
            writer.read();
            assertThat(c.read()).isEqualTo(">2\r\n$10\r\ninvalidate\r\n*2\r\n$3\r\nu:1\r\n$3\r\nu:2\r\n");
            c.call("CLIENT", "TRACKING", "OFF");
            assertThat(stat("tracking_total_prefixes")).isEqualTo("0");
        }
    }

    @Test
    void resetTurnsTrackingOff() {
        try (RespConnection c = resp3()) {
            c.call("CLIENT", "TRACKING", "ON", "BCAST");
            assertThat(c.call("RESET")).isEqualTo("+RESET\r\n");
            assertThat(c.call("CLIENT", "GETREDIR")).isEqualTo(":-1\r\n");
            assertThat(stat("tracking_total_prefixes")).isEqualTo("0");
            admin.call("SET", "k", "1");
            assertThat(c.silentFor(200)).isTrue();
        }
    }

    @Test
    void invalidationsArriveEvenWhenRepliesAreSkippedOrOff() {
        try (RespConnection c = resp3(); RespConnection target = resp3(); RespConnection other = server.connect()) {
            c.call("CLIENT", "TRACKING", "ON");
            c.call("GET", "k");
            c.send("CLIENT", "REPLY", "SKIP");
            c.send("SET", "k", "1");
            c.send("PING");
            assertThat(c.read()).isEqualTo(INVALIDATE_K);
            assertThat(c.read()).isEqualTo("+PONG\r\n");
            String id = target.call("CLIENT", "ID").substring(1).trim();
            target.send("CLIENT", "REPLY", "OFF");
            other.call("CLIENT", "TRACKING", "ON", "REDIRECT", id);
            other.call("GET", "k");
            admin.call("SET", "k", "2");
            assertThat(target.read()).isEqualTo(INVALIDATE_K);
        }
    }

    @Test
    void evictedKeyIsInvalidated() {
        try (RespConnection c = resp3()) {
            c.call("CLIENT", "TRACKING", "ON");
            admin.call("SET", "k", "v");
            c.call("GET", "k");
            admin.call("CONFIG", "SET", "maxmemory-policy", "allkeys-random");
            admin.call("CONFIG", "SET", "maxmemory", "1");
            try {
                admin.call("GET", "other");
                assertThat(c.read()).isEqualTo(INVALIDATE_K);
            } finally {
                admin.call("CONFIG", "SET", "maxmemory", "0");
                admin.call("CONFIG", "SET", "maxmemory-policy", "noeviction");
            }
        }
    }
}
