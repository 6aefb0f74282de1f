package dev.verdict.server.transaction;

import dev.verdict.server.testing.RespConnection;
import dev.verdict.server.testing.ServerFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TransactionTest {

    private static ServerFixture server;

    @BeforeAll
    static void start() {
        server = new ServerFixture();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void execRunsQueuedCommandsAndRepliesWithTheirReplies() {
        RespConnection c = server.connect();
        c.call("MULTI");
        assertThat(c.call("SET", "tx:a", "1")).isEqualTo("+QUEUED\r\n");
        assertThat(c.call("GET", "tx:a")).isEqualTo("+QUEUED\r\n");
        assertThat(c.call("EXEC")).isEqualTo("*2\r\n+OK\r\n$1\r\n1\r\n");
    }

    @Test
    void watchedKeyWrittenByAnotherClientFailsExec() {
        RespConnection watcher = server.connect();
        RespConnection writer = server.connect();
        assertThat(watcher.call("WATCH", "tx:w")).isEqualTo("+OK\r\n");
        writer.call("SET", "tx:w", "changed");
        watcher.call("MULTI");
        watcher.call("SET", "tx:w", "mine");
        assertThat(watcher.call("EXEC")).isEqualTo("*-1\r\n");
        assertThat(writer.call("GET", "tx:w")).isEqualTo("$7\r\nchanged\r\n");
    }

    @Test
    void unwatchAndExecForgetWatchedKeys() {
        RespConnection watcher = server.connect();
        RespConnection writer = server.connect();
        watcher.call("WATCH", "tx:u");
        assertThat(watcher.call("UNWATCH")).isEqualTo("+OK\r\n");
        writer.call("SET", "tx:u", "x");
        watcher.call("MULTI");
        watcher.call("GET", "tx:u");
        assertThat(watcher.call("EXEC")).isEqualTo("*1\r\n$1\r\nx\r\n");
    }

    @Test
    void unwatchAfterTheWatchedKeyChangedLetsTheNextExecRun() {
        RespConnection c = server.connect();
        c.call("WATCH", "tx:d");
        c.call("SET", "tx:d", "1");
        assertThat(c.call("UNWATCH")).isEqualTo("+OK\r\n");
        c.call("MULTI");
        c.call("PING");
        assertThat(c.call("EXEC")).isEqualTo("*1\r\n+PONG\r\n");
    }

    @Test
    void watchedKeyThatExpiresBeforeExecFailsIt() throws InterruptedException {
        RespConnection c = server.connect();
        c.call("SET", "tx:e", "v", "PX", "50");
        c.call("WATCH", "tx:e");
        Thread.sleep(120);
        c.call("MULTI");
        c.call("PING");
        assertThat(c.call("EXEC")).isEqualTo("*-1\r\n");
    }

    @Test
    void watchInsideMultiAndDiscardWithoutMultiAreErrors() {
        RespConnection c = server.connect();
        assertThat(c.call("DISCARD")).isEqualTo("-ERR DISCARD without MULTI\r\n");
        c.call("MULTI");
        assertThat(c.call("WATCH", "x")).isEqualTo("-ERR WATCH inside MULTI is not allowed\r\n");
        assertThat(c.call("DISCARD")).isEqualTo("+OK\r\n");
    }

    @Test
    void resp3NullArrayForAbortedWatch() {
        RespConnection watcher = server.connect();
        RespConnection writer = server.connect();
        watcher.call("HELLO", "3");
        watcher.call("WATCH", "tx:r3");
        writer.call("SET", "tx:r3", "x");
        watcher.call("MULTI");
        watcher.call("PING");
        assertThat(watcher.call("EXEC")).isEqualTo("_\r\n");
    }
}
