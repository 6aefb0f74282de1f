package dev.verdict.server.pubsub;

import dev.verdict.server.testing.RespConnection;
import dev.verdict.server.testing.ServerFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PubSubTest {

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
    void subscribersAndPatternSubscribersReceivePublishedMessages() {
        RespConnection sub = server.connect();
        RespConnection psub = server.connect();
        RespConnection pub = server.connect();
        assertThat(sub.call("SUBSCRIBE", "news")).isEqualTo("*3\r\n$9\r\nsubscribe\r\n$4\r\nnews\r\n:1\r\n");
        assertThat(psub.call("PSUBSCRIBE", "n*")).isEqualTo("*3\r\n$10\r\npsubscribe\r\n$2\r\nn*\r\n:1\r\n");
        assertThat(pub.call("PUBLISH", "news", "hi")).isEqualTo(":2\r\n");
        assertThat(sub.read()).isEqualTo("*3\r\n$7\r\nmessage\r\n$4\r\nnews\r\n$2\r\nhi\r\n");
        assertThat(psub.read()).isEqualTo("*4\r\n$8\r\npmessage\r\n$2\r\nn*\r\n$4\r\nnews\r\n$2\r\nhi\r\n");
        assertThat(pub.call("PUBSUB", "NUMSUB", "news", "none")).isEqualTo("*4\r\n$4\r\nnews\r\n:1\r\n$4\r\nnone\r\n:0\r\n");
        assertThat(pub.call("PUBSUB", "NUMPAT")).isEqualTo(":1\r\n");
    }

    @Test
    void resp3SubscriberGetsPushMessagesAndMayRunAnyCommand() {
        RespConnection sub = server.connect();
        RespConnection pub = server.connect();
        sub.call("HELLO", "3");
        assertThat(sub.call("SUBSCRIBE", "r3")).isEqualTo(">3\r\n$9\r\nsubscribe\r\n$2\r\nr3\r\n:1\r\n");
        assertThat(sub.call("PING")).isEqualTo("+PONG\r\n");
        pub.call("PUBLISH", "r3", "m");
        assertThat(sub.read()).isEqualTo(">3\r\n$7\r\nmessage\r\n$2\r\nr3\r\n$1\r\nm\r\n");
    }

    @Test
    void unsubscribeWithoutSubscriptionsRepliesWithNullChannel() {
        RespConnection c = server.connect();
        assertThat(c.call("UNSUBSCRIBE")).isEqualTo("*3\r\n$11\r\nunsubscribe\r\n$-1\r\n:0\r\n");
        assertThat(c.call("SUNSUBSCRIBE")).isEqualTo("*3\r\n$12\r\nsunsubscribe\r\n$-1\r\n:0\r\n");
    }

    @Test
    void shardChannelsAreSeparateFromChannels() {
        RespConnection sub = server.connect();
        RespConnection pub = server.connect();
        assertThat(sub.call("SSUBSCRIBE", "s1")).isEqualTo("*3\r\n$10\r\nssubscribe\r\n$2\r\ns1\r\n:1\r\n");
        assertThat(pub.call("PUBLISH", "s1", "x")).isEqualTo(":0\r\n");
        assertThat(pub.call("SPUBLISH", "s1", "y")).isEqualTo(":1\r\n");
        assertThat(sub.read()).isEqualTo("*3\r\n$8\r\nsmessage\r\n$2\r\ns1\r\n$1\r\ny\r\n");
        assertThat(pub.call("PUBSUB", "SHARDCHANNELS")).isEqualTo("*1\r\n$2\r\ns1\r\n");
    }

    @Test
    void expiredKeyIsNotifiedOnKeyspaceAndKeyeventChannels() throws InterruptedException {
        RespConnection admin = server.connect();
        RespConnection sub = server.connect();
        assertThat(admin.call("CONFIG", "SET", "notify-keyspace-events", "Ex")).isEqualTo("+OK\r\n");
        try {
            sub.call("SUBSCRIBE", "__keyevent@0__:expired");
            admin.call("SET", "ps:gone", "v", "PX", "20");
            Thread.sleep(60);
            admin.call("GET", "ps:gone");
            assertThat(sub.read()).isEqualTo("*3\r\n$7\r\nmessage\r\n$22\r\n__keyevent@0__:expired\r\n$7\r\nps:gone\r\n");
        } finally {
            admin.call("CONFIG", "SET", "notify-keyspace-events", "");
        }
    }
}
