package dev.verdict.server.command;

import dev.verdict.server.testing.RespConnection;
import dev.verdict.server.testing.ServerFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The central checks every request passes, with Redis 7.0.15's exact replies. */
class DispatcherTest {

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
    void unknownCommandQuotesTheArgumentsLikeRedis() {
        RespConnection c = server.connect();
        assertThat(c.call("FOO", "bar", "baz"))
                .isEqualTo("-ERR unknown command 'FOO', with args beginning with: 'bar' 'baz' \r\n");
        assertThat(c.call("CONFIG", "FOO")).isEqualTo("-ERR unknown subcommand 'FOO'. Try CONFIG HELP.\r\n");
    }

    @Test
    void arityIsCheckedWithTheFullSubcommandName() {
        RespConnection c = server.connect();
        assertThat(c.call("GET")).isEqualTo("-ERR wrong number of arguments for 'get' command\r\n");
        assertThat(c.call("CONFIG", "GET")).isEqualTo("-ERR wrong number of arguments for 'config|get' command\r\n");
    }

    @Test
    void errorInsideMultiAbortsExec() {
        RespConnection c = server.connect();
        assertThat(c.call("MULTI")).isEqualTo("+OK\r\n");
        assertThat(c.call("MULTI")).isEqualTo("-ERR MULTI calls can not be nested\r\n");
        assertThat(c.call("SET", "a")).isEqualTo("-ERR wrong number of arguments for 'set' command\r\n");
        assertThat(c.call("SET", "a", "1")).isEqualTo("+QUEUED\r\n");
        assertThat(c.call("EXEC")).isEqualTo("-EXECABORT Transaction discarded because of previous errors.\r\n");
        assertThat(c.call("EXEC")).isEqualTo("-ERR EXEC without MULTI\r\n");
    }

    @Test
    void rejectedExecDiscardsAndSaysWhyEvenOutsideMulti() {
        RespConnection c = server.connect();
        assertThat(c.call("EXEC", "0")).isEqualTo(
                "-EXECABORT Transaction discarded because of: wrong number of arguments for 'exec' command\r\n");
        c.call("MULTI");
        assertThat(c.call("EXEC", "0")).isEqualTo(
                "-EXECABORT Transaction discarded because of: wrong number of arguments for 'exec' command\r\n");
        assertThat(c.call("EXEC")).isEqualTo("-ERR EXEC without MULTI\r\n");
    }

    @Test
    void noMultiCommandIsRejectedInsideTransaction() {
        RespConnection c = server.connect();
        c.call("MULTI");
        assertThat(c.call("SHUTDOWN")).isEqualTo("-ERR Command not allowed inside a transaction\r\n");
        assertThat(c.call("DISCARD")).isEqualTo("+OK\r\n");
    }

    @Test
    void subscribedResp2ClientMayOnlyRunPubSubCommands() {
        RespConnection c = server.connect();
        c.call("SUBSCRIBE", "ch");
        assertThat(c.call("GET", "x")).isEqualTo("-ERR Can't execute 'get': only (P|S)SUBSCRIBE / "
                + "(P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context\r\n");
        assertThat(c.call("PING")).isEqualTo("*2\r\n$4\r\npong\r\n$0\r\n\r\n");
        assertThat(c.call("RESET")).isEqualTo("+RESET\r\n");
        assertThat(c.call("PING")).isEqualTo("+PONG\r\n");
    }

    @Test
    void debugIsProtectedByDefault() {
        RespConnection c = server.connect();
        assertThat(c.call("DEBUG", "DIGEST")).startsWith("-ERR DEBUG command not allowed. If the enable-debug-command");
    }

    @Test
    void protocolErrorIsAnsweredThenTheConnectionCloses() {
        RespConnection c = server.connect();
        c.sendRaw("*1\r\n$4\r\nPING\r\n*abc\r\nPING\r\n");
        assertThat(c.read()).isEqualTo("+PONG\r\n");
        assertThat(c.read()).isEqualTo("-ERR Protocol error: invalid multibulk length\r\n");
        assertThat(c.closedByServer()).isTrue();
    }

    @Test
    void pipelinedRepliesArriveInOrder() {
        RespConnection c = server.connect();
        c.sendRaw("*1\r\n$4\r\nPING\r\nECHO hi\r\n*2\r\n$4\r\nECHO\r\n$2\r\nyo\r\n");
        assertThat(c.read() + c.read() + c.read()).isEqualTo("+PONG\r\n$2\r\nhi\r\n$2\r\nyo\r\n");
    }

    @Test
    void clientReplySkipDropsOnlyTheNextReplyAndOnIsAnswered() {
        RespConnection c = server.connect();
        c.send("CLIENT", "REPLY", "SKIP");
        c.send("PING", "dropped");
        c.send("CLIENT", "REPLY", "OFF");
        c.send("PING", "dropped too");
        assertThat(c.call("CLIENT", "REPLY", "ON")).isEqualTo("+OK\r\n");
        assertThat(c.call("PING", "x")).isEqualTo("$1\r\nx\r\n");
    }
}
