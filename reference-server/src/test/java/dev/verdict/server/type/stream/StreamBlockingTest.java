package dev.verdict.server.type.stream;

import dev.verdict.server.RedisServer;
import dev.verdict.server.config.ServerConfig;
import dev.verdict.server.type.RawRespClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** XREAD/XREADGROUP BLOCK: replies as real Redis 7.0.15 sent them in the same sequence. */
class StreamBlockingTest {

    private RedisServer server;
    private RawRespClient waiter;
    private RawRespClient writer;

    @BeforeEach
    void start() throws IOException {
        server = RedisServer.start(ServerConfig.fromArgs("--port", "0"));
        waiter = new RawRespClient(server.port());
        writer = new RawRespClient(server.port());
    }

    @AfterEach
    void stop() throws IOException {
        waiter.close();
        writer.close();
        server.close();
    }

    private void send(RawRespClient client, String... args) throws IOException {
        byte[][] raw = new byte[args.length][];
        for (int i = 0; i < args.length; i++) raw[i] = args[i].getBytes(StandardCharsets.UTF_8);
        client.send(raw);
    }

    private String await(RawRespClient client) throws IOException {
        return new String(client.readReply(), StandardCharsets.UTF_8);
    }

    @Test
    void xreadBlockTimesOutWithNullArray() throws IOException {
        long start = System.nanoTime();
        assertThat(waiter.call("XREAD", "BLOCK", "150", "STREAMS", "s", "$")).isEqualTo("*-1\r\n");
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(140);
    }

    @Test
    void xreadBlockIsServedByTheNextXaddOnlyForItsKey() throws IOException, InterruptedException {
        send(waiter, "XREAD", "BLOCK", "0", "COUNT", "1", "STREAMS", "s", "other", "$", "$");
        Thread.sleep(100);
        assertThat(writer.call("XADD", "s", "1-1", "f", "v")).isEqualTo("$3\r\n1-1\r\n");
        assertThat(await(waiter)).isEqualTo("*1\r\n*2\r\n$1\r\ns\r\n*1\r\n*2\r\n$3\r\n1-1\r\n*2\r\n$1\r\nf\r\n$1\r\nv\r\n");
    }

    @Test
    void xreadgroupBlockDeliversNewEntriesAndMakesThemPending() throws IOException, InterruptedException {
        writer.call("XGROUP", "CREATE", "s", "g", "$", "MKSTREAM");
        send(waiter, "XREADGROUP", "GROUP", "g", "c1", "BLOCK", "0", "STREAMS", "s", ">");
        Thread.sleep(100);
        writer.call("XADD", "s", "1-2", "f", "v2");
        assertThat(await(waiter)).isEqualTo("*1\r\n*2\r\n$1\r\ns\r\n*1\r\n*2\r\n$3\r\n1-2\r\n*2\r\n$1\r\nf\r\n$2\r\nv2\r\n");
        assertThat(writer.call("XPENDING", "s", "g"))
                .isEqualTo("*4\r\n:1\r\n$3\r\n1-2\r\n$3\r\n1-2\r\n*1\r\n*2\r\n$2\r\nc1\r\n$1\r\n1\r\n");
    }

    @Test
    void destroyingTheGroupWakesItsBlockedReadersWithNogroup() throws IOException, InterruptedException {
        writer.call("XGROUP", "CREATE", "s", "g", "$", "MKSTREAM");
        send(waiter, "XREADGROUP", "GROUP", "g", "c2", "BLOCK", "0", "STREAMS", "s", ">");
        Thread.sleep(100);
        assertThat(writer.call("XGROUP", "DESTROY", "s", "g")).isEqualTo(":1\r\n");
        assertThat(await(waiter)).isEqualTo("-NOGROUP the consumer group this client was blocked on no longer exists\r\n");
    }

    @Test
    void deletingOrRetypingTheKeyWakesGroupReadersButNotPlainReaders() throws IOException, InterruptedException {
        writer.call("XGROUP", "CREATE", "s", "g", "$", "MKSTREAM");
        writer.call("XADD", "t", "1-1", "f", "v");
        send(waiter, "XREADGROUP", "GROUP", "g", "c", "BLOCK", "0", "STREAMS", "s", ">");
        try (RawRespClient plain = new RawRespClient(server.port())) {
            send(plain, "XREAD", "BLOCK", "300", "STREAMS", "t", "$");
            Thread.sleep(100);
            assertThat(writer.call("SET", "s", "x")).isEqualTo("+OK\r\n");
            assertThat(writer.call("DEL", "t")).isEqualTo(":1\r\n");
            assertThat(await(waiter)).isEqualTo("-UNBLOCKED the stream key no longer exists\r\n");
            assertThat(await(plain)).isEqualTo("*-1\r\n");
        }
    }

    @Test
    void invalidTimeoutsGetRedisErrors() throws IOException {
        assertThat(waiter.call("XREAD", "BLOCK", "abc", "STREAMS", "s", "$"))
                .isEqualTo("-ERR timeout is not an integer or out of range\r\n");
        assertThat(waiter.call("XREAD", "BLOCK", "-5", "STREAMS", "s", "$")).isEqualTo("-ERR timeout is negative\r\n");
    }

    @Test
    void aBlockPastTheLargestDeadlineWaitsLikeRedis70InsteadOfFailing() throws IOException, InterruptedException {
        send(waiter, "XREAD", "BLOCK", "9223372036854775807", "STREAMS", "s", "$");
        Thread.sleep(200);
        assertThat(writer.call("XADD", "s", "1-1", "f", "v")).isEqualTo("$3\r\n1-1\r\n");
        assertThat(await(waiter)).isEqualTo("*1\r\n*2\r\n$1\r\ns\r\n*1\r\n*2\r\n$3\r\n1-1\r\n*2\r\n$1\r\nf\r\n$1\r\nv\r\n");
    }
}
