package dev.verdict.server;

import dev.verdict.server.client.Client;
import dev.verdict.server.config.ServerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** Blocking list and sorted-set commands over real sockets against the in-JVM server. */
class BlockingCommandsTest {

    private RedisServer server;

    @BeforeEach
    void start() {
        server = RedisServer.start(ServerConfig.fromArgs("--port", "0", "--bind", "127.0.0.1"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** A minimal RESP connection: sends commands, reads raw replies. */
    private final class Conn implements AutoCloseable {
        private final Socket socket;
        private final InputStream in;

        Conn() throws IOException {
            socket = new Socket("127.0.0.1", server.port());
            socket.setSoTimeout(3000);
            in = socket.getInputStream();
        }

        void send(String... args) throws IOException {
            StringBuilder sb = new StringBuilder("*" + args.length + "\r\n");
            for (String a : args) sb.append('$').append(a.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(a).append("\r\n");
            socket.getOutputStream().write(sb.toString().getBytes(StandardCharsets.UTF_8));
        }

        String call(String... args) throws IOException {
            send(args);
            return reply();
        }

        String reply() throws IOException {
            String line = line();
            char t = line.charAt(0);
            if (t == '$') {
                int n = Integer.parseInt(line.substring(1));
                return n < 0 ? line : line + "|" + line();
            }
            if (t == '*') {
                int n = Integer.parseInt(line.substring(1));
                StringBuilder sb = new StringBuilder(line);
                for (int i = 0; i < n; i++) sb.append("|").append(reply());
                return sb.toString();
            }
            return line;
        }

        private String line() throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            int c;
            while ((c = in.read()) != '\r') {
                if (c < 0) throw new IOException("closed");
                b.write(c);
            }
            in.read();
            return b.toString(StandardCharsets.UTF_8);
        }

        boolean silentFor(int millis) throws IOException {
            socket.setSoTimeout(millis);
            try {
                return in.read() < 0;
            } catch (SocketTimeoutException e) {
                return true;
            } finally {
                socket.setSoTimeout(3000);
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    @Test
    void waitingClientsAreServedFirstComeFirstServed() throws Exception {
        try (Conn first = new Conn(); Conn second = new Conn(); Conn pusher = new Conn()) {
            first.send("BLPOP", "q", "0");
            assertThat(first.silentFor(100)).isTrue();
            second.send("BRPOP", "q", "other", "0");
            assertThat(second.silentFor(100)).isTrue();
            assertThat(pusher.call("RPUSH", "q", "a", "b", "c")).isEqualTo(":3");
            assertThat(first.reply()).isEqualTo("*2|$1|q|$1|a");
            assertThat(second.reply()).isEqualTo("*2|$1|q|$1|c");
            assertThat(pusher.call("LRANGE", "q", "0", "-1")).isEqualTo("*1|$1|b");
        }
    }

    @Test
    void fractionalTimeoutAnswersNullArrayAndLaterRequestsWaitTheirTurn() throws Exception {
        try (Conn c = new Conn()) {
            long start = System.nanoTime();
            c.send("BLPOP", "none", "0.2");
            c.send("PING");
            assertThat(c.reply()).isEqualTo("*-1");
            assertThat(System.nanoTime() - start).isGreaterThan(150_000_000L);
            assertThat(c.reply()).isEqualTo("+PONG");
        }
    }

    /** Redis 7.0.15 adds the timeout to now unchecked: the deadline wraps, never fires, yet is in the timeout table. */
    @Test
    void aTimeoutPastTheLargestDeadlineBlocksUntilServedAsInRedis70() throws Exception {
        try (Conn waiter = new Conn(); Conn pusher = new Conn()) {
            waiter.send("BLPOP", "q", "9223372036854775");
            assertThat(waiter.silentFor(200)).isTrue();
            java.util.concurrent.atomic.AtomicInteger inTimeoutTable = new java.util.concurrent.atomic.AtomicInteger();
            server.runOnLoop(() -> inTimeoutTable.set(server.context().blocked().withTimeoutCount()));
            assertThat(inTimeoutTable.get()).as("INFO's clients_in_timeout_table").isEqualTo(1);
            pusher.call("RPUSH", "q", "a");
            assertThat(waiter.reply()).isEqualTo("*2|$1|q|$1|a");
        }
    }

    @Test
    void blmoveServedByAPushMovesTheElement() throws Exception {
        try (Conn waiter = new Conn(); Conn pusher = new Conn()) {
            waiter.send("BLMOVE", "src", "dst", "LEFT", "RIGHT", "0");
            assertThat(waiter.silentFor(100)).isTrue();
            pusher.call("LPUSH", "src", "v");
            assertThat(waiter.reply()).isEqualTo("$1|v");
            assertThat(pusher.call("LRANGE", "dst", "0", "-1")).isEqualTo("*1|$1|v");
            assertThat(pusher.call("LLEN", "src")).isEqualTo(":0");
        }
    }

    @Test
    void aKeyRetypedWhileWaitedOnLeavesTheClientBlocked() throws Exception {
        try (Conn waiter = new Conn(); Conn other = new Conn()) {
            waiter.send("BZPOPMIN", "z", "0");
            assertThat(waiter.silentFor(100)).isTrue();
            other.call("RPUSH", "z", "not-a-zset");
            assertThat(waiter.silentFor(150)).isTrue();
            other.call("DEL", "z");
            other.call("ZADD", "z", "2", "b", "1", "a");
            assertThat(waiter.reply()).isEqualTo("*3|$1|z|$1|a|$1|1");
        }
    }

    /**
     * Redis 7.0.15 signals a key as ready from dbAdd (a created key) only: an overwrite by a *STORE,
     * or a ZADD to the zset that now exists, leaves the waiter blocked until the key is re-created.
     */
    @Test
    void aStoreOverwritingAKeyOfAnotherTypeLeavesTheClientBlocked() throws Exception {
        try (Conn waiter = new Conn(); Conn other = new Conn()) {
            waiter.send("BZPOPMAX", "k", "0");
            assertThat(waiter.silentFor(100)).isTrue();
            other.call("SET", "k", "string");
            other.call("ZADD", "src", "1", "a");
            assertThat(other.call("ZUNIONSTORE", "k", "1", "src")).isEqualTo(":1");
            assertThat(waiter.silentFor(150)).isTrue();
            assertThat(other.call("ZADD", "k", "2", "b")).isEqualTo(":1");
            assertThat(waiter.silentFor(150)).as("a ZADD to an existing zset signals nothing").isTrue();
            assertThat(other.call("ZUNIONSTORE", "k2", "1", "src")).isEqualTo(":1");
            assertThat(other.call("RENAME", "k2", "k")).isEqualTo("+OK");
            assertThat(waiter.reply()).isEqualTo("*3|$1|k|$1|a|$1|1");
        }
    }

    @Test
    void aPushToAListThatExistedDoesNotWakeAWaiterBlockedBeforeItWasRetyped() throws Exception {
        try (Conn waiter = new Conn(); Conn other = new Conn()) {
            waiter.send("BLPOP", "l", "0");
            assertThat(waiter.silentFor(100)).isTrue();
            other.call("SET", "l", "x");
            other.call("RPUSH", "src", "a");
            assertThat(other.call("SORT", "src", "ALPHA", "STORE", "l")).isEqualTo(":1");
            assertThat(other.call("RPUSH", "l", "b")).isEqualTo(":2");
            assertThat(waiter.silentFor(150)).isTrue();
            other.call("DEL", "l");
            other.call("RPUSH", "l", "c");
            assertThat(waiter.reply()).isEqualTo("*2|$1|l|$1|c");
        }
    }

    @Test
    void clientUnblockApiEndsTheWaitWithTimeoutOrError() throws Exception {
        try (Conn waiter = new Conn()) {
            waiter.send("BLPOP", "k", "0");
            assertThat(waiter.silentFor(100)).isTrue();
            AtomicBoolean unblocked = new AtomicBoolean();
            server.runOnLoop(() -> {
                ServerContext ctx = server.context();
                for (Client c : ctx.clients().values()) unblocked.compareAndSet(false, ctx.blocked().unblock(c, true));
                ctx.flushPendingWrites();
            });
            assertThat(unblocked).isTrue();
            assertThat(waiter.reply()).isEqualTo("-UNBLOCKED client unblocked via CLIENT UNBLOCK");
            waiter.send("BLPOP", "k", "0");
            assertThat(waiter.silentFor(100)).isTrue();
            server.runOnLoop(() -> {
                ServerContext ctx = server.context();
                for (Client c : ctx.clients().values()) ctx.blocked().unblock(c, false);
                ctx.flushPendingWrites();
            });
            assertThat(waiter.reply()).isEqualTo("*-1");
        }
    }

    @Test
    void clientsThatMayNotBlockAnswerAtOnce() throws Exception {
        try (Conn c = new Conn()) {
            c.call("PING");
            server.runOnLoop(() -> server.context().clients().values().forEach(cl -> cl.denyBlocking(true)));
            assertThat(c.call("BLPOP", "k", "0")).isEqualTo("*-1");
            assertThat(c.call("BLMOVE", "k", "d", "LEFT", "LEFT", "0")).isEqualTo("$-1");
            assertThat(c.call("BZPOPMAX", "k", "0")).isEqualTo("*-1");
        }
    }

    @Test
    void aTransactionServesWaitersOnlyAfterExecAndDoesNotBlockInside() throws Exception {
        try (Conn waiter = new Conn(); Conn tx = new Conn()) {
            waiter.send("BLPOP", "k", "0");
            assertThat(waiter.silentFor(100)).isTrue();
            tx.call("MULTI");
            tx.call("RPUSH", "k", "x", "y");
            tx.call("LLEN", "k");
            tx.call("BLPOP", "empty", "0");
            assertThat(tx.call("EXEC")).isEqualTo("*3|:2|:2|*-1");
            assertThat(waiter.reply()).isEqualTo("*2|$1|k|$1|x");
        }
    }

    @Test
    void swapdbServesClientsBlockedOnKeysItBrings() throws Exception {
        try (Conn waiter = new Conn(); Conn other = new Conn()) {
            waiter.send("BLPOP", "swapped", "0");
            assertThat(waiter.silentFor(100)).isTrue();
            other.call("SELECT", "1");
            other.call("RPUSH", "swapped", "x");
            // real Redis 7.0.15: dbSwapDatabases scans both databases for keys clients wait on
            assertThat(other.call("SWAPDB", "0", "1")).isEqualTo("+OK");
            assertThat(waiter.reply()).isEqualTo("*2|$7|swapped|$1|x");
            other.call("SWAPDB", "0", "1");
        }
    }
}
