package dev.verdict.server.command;

import dev.verdict.server.testing.RespConnection;
import dev.verdict.server.testing.ServerFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A rejected EXEC answers EXECABORT in or out of MULTI, as Redis 7.0.15's execCommandAbort. */
class RejectedExecTest {

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
    void execWithWrongArityOutsideMultiIsExecabort() {
        RespConnection c = server.connect();
        assertThat(c.call("EXEC", "0"))
                .isEqualTo("-EXECABORT Transaction discarded because of: wrong number of arguments for 'exec' command\r\n");
        assertThat(c.call("EXEC")).isEqualTo("-ERR EXEC without MULTI\r\n");
    }

    @Test
    void execWithWrongArityInsideMultiDiscardsTheTransaction() {
        RespConnection c = server.connect();
        c.call("MULTI");
        c.call("SET", "k", "v");
        assertThat(c.call("EXEC", "0"))
                .isEqualTo("-EXECABORT Transaction discarded because of: wrong number of arguments for 'exec' command\r\n");
        assertThat(c.call("EXEC")).isEqualTo("-ERR EXEC without MULTI\r\n");
        assertThat(c.call("EXISTS", "k")).isEqualTo(":0\r\n");
    }
}
