package dev.verdict.server.server;

import dev.verdict.server.testing.RespConnection;
import dev.verdict.server.testing.ServerFixture;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuthAndLimitsTest {

    @Test
    void requirepassDemandsAuthBeforeCommands() {
        try (ServerFixture server = new ServerFixture("--requirepass", "secret")) {
            RespConnection c = server.connect();
            assertThat(c.call("GET", "k")).isEqualTo("-NOAUTH Authentication required.\r\n");
            assertThat(c.call("AUTH", "wrong")).isEqualTo("-WRONGPASS invalid username-password pair or user is disabled.\r\n");
            assertThat(c.call("AUTH", "secret")).isEqualTo("+OK\r\n");
            assertThat(c.call("GET", "k")).isEqualTo("$-1\r\n");
            assertThat(c.call("RESET")).isEqualTo("+RESET\r\n");
            assertThat(c.call("GET", "k")).isEqualTo("-NOAUTH Authentication required.\r\n");
            assertThat(c.call("HELLO", "3", "AUTH", "default", "secret")).startsWith("%7\r\n");
        }
    }

    @Test
    void slowPubSubConsumerIsDisconnectedAtItsHardLimit() throws Exception {
        try (ServerFixture server = new ServerFixture("--client-output-buffer-limit", "pubsub 256kb 0 0")) {
            RespConnection slow = server.connect();
            slow.socket().setReceiveBufferSize(4096);
            slow.call("SUBSCRIBE", "firehose");
            RespConnection pub = server.connect();
            String payload = "x".repeat(1024 * 1024);
            int receivers = 1;
            for (int i = 0; i < 200 && receivers == 1; i++) {
                String reply = pub.call("PUBLISH", "firehose", payload);
                receivers = reply.equals(":1\r\n") ? 1 : 0;
            }
            assertThat(receivers).as("the subscriber was dropped").isZero();
            assertThat(pub.call("INFO", "stats")).containsPattern("client_output_limit_disconnections|total_connections_received");
        }
    }

    @Test
    void normalClientWhoseReplyExceedsTheHardLimitIsClosedWithoutIt() {
        try (ServerFixture server = new ServerFixture("--client-output-buffer-limit", "normal 1mb 0 0")) {
            RespConnection c = server.connect();
            assertThat(c.call("SET", "big", "x".repeat(2 * 1024 * 1024))).isEqualTo("+OK\r\n");
            c.send("GET", "big");
            assertThat(c.closedByServer()).isTrue();
            assertThat(server.connect().call("INFO", "stats")).contains("total_connections_received:2\r\n");
        }
    }

    @Test
    void queryBufferLimitClosesTheConnectionWithoutReply() {
        try (ServerFixture server = new ServerFixture("--client-query-buffer-limit", "1mb")) {
            RespConnection c = server.connect();
            try {
                c.sendRaw("*2\r\n$3\r\nGET\r\n$3000000\r\n" + "x".repeat(1_500_000));
            } catch (java.io.UncheckedIOException resetWhileSending) {
                // the server closed at the limit while the rest was still going out: the reset says so
                return;
            }
            assertThat(c.closedByServer()).isTrue();
        }
    }
}
