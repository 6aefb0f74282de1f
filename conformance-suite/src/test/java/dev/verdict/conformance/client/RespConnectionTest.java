package dev.verdict.conformance.client;

import dev.verdict.conformance.target.Target;
import dev.verdict.conformance.target.TargetSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The raw client against real Redis: exact bytes, both protocols, pipelining and timeouts. */
class RespConnectionTest {

    private static Target redis;

    @BeforeAll
    static void startRedis() {
        TargetSpec spec = TargetSpec.parse("redis-process");
        Assumptions.assumeTrue(spec.unavailableReason().isEmpty(), () -> spec.unavailableReason().orElse(""));
        redis = spec.create();
        redis.start();
    }

    @AfterAll
    static void stopRedis() {
        if (redis != null) {
            redis.stop();
        }
    }

    @BeforeEach
    void flush() {
        try (RespConnection c = open(Protocol.RESP2)) {
            c.call("FLUSHALL");
        }
    }

    private static RespConnection open(Protocol protocol) {
        return RespConnection.open("127.0.0.1", redis.endpoint().port(), protocol, Duration.ofSeconds(5));
    }

    @Test
    void resp2RepliesKeepTheirExactBytes() {
        try (RespConnection c = open(Protocol.RESP2)) {
            assertThat(c.call("SET", "k", "v").rawText()).isEqualTo("+OK\r\n");
            assertThat(c.call("GET", "k").rawText()).isEqualTo("$1\r\nv\r\n");
            assertThat(c.call("GET", "missing").value()).isEqualTo(new RespValue.Null(RespValue.NullKind.BULK));
            assertThat(c.call("INCR", "n").value()).isEqualTo(new RespValue.Integer(1));
            assertThat(c.call("INCR", "k").rawText()).isEqualTo("-ERR value is not an integer or out of range\r\n");
            assertThat(c.call("BLPOP", "nolist", "0.01").rawText()).isEqualTo("*-1\r\n");
            c.call("HSET", "h", "f", "1");
            assertThat(c.call("HGETALL", "h").rawText()).isEqualTo("*2\r\n$1\r\nf\r\n$1\r\n1\r\n");
        }
    }

    @Test
    void resp3DecodesMapsSetsDoublesBooleansAndNulls() {
        try (RespConnection c = open(Protocol.RESP3)) {
            assertThat(c.protocol()).isEqualTo(Protocol.RESP3);
            assertThat(c.call("GET", "missing").rawText()).isEqualTo("_\r\n");
            c.call("HSET", "h", "f", "1");
            RespReply map = c.call("HGETALL", "h");
            assertThat(map.rawText()).isEqualTo("%1\r\n$1\r\nf\r\n$1\r\n1\r\n");
            assertThat(map.value()).isInstanceOf(RespValue.MapValue.class);
            c.call("SADD", "s", "a");
            assertThat(c.call("SMEMBERS", "s").rawText()).isEqualTo("~1\r\n$1\r\na\r\n");
            c.call("ZADD", "z", "1.5", "m");
            assertThat(c.call("ZSCORE", "z", "m").value()).isEqualTo(new RespValue.Double("1.5"));
            assertThat(c.call("SCRIPT", "EXISTS", "0000000000000000000000000000000000000000").rawText())
                    .isEqualTo("*1\r\n:0\r\n");
            assertThat(c.call("EVAL", "return redis.setresp(3) or {double=1.25}", "0").value())
                    .isEqualTo(new RespValue.Double("1.25"));
            assertThat(c.call("EVAL", "redis.setresp(3); return {big_number='12345678901234567890'}", "0").value())
                    .isEqualTo(new RespValue.BigNumber("12345678901234567890"));
            assertThat(c.call("EVAL", "redis.setresp(3); return true", "0").value()).isEqualTo(new RespValue.Boolean(true));
            RespReply verbatim = c.call("LOLWUT", "VERSION", "5", "1", "1", "1");
            assertThat(verbatim.value()).isInstanceOf(RespValue.Verbatim.class);
            assertThat(((RespValue.Verbatim) verbatim.value()).format()).isEqualTo("txt");
        }
    }

    @Test
    void encoderReproducesTheServersBytesInBothProtocols() {
        for (Protocol p : Protocol.values()) {
            try (RespConnection c = open(p)) {
                c.call("HSET", "h", "a", "1", "b", "2");
                c.call("ZADD", "z", "2.5", "m");
                for (String[] cmd : List.of(new String[] {"HGETALL", "h"}, new String[] {"ZSCORE", "z", "m"},
                        new String[] {"GET", "nothing"}, new String[] {"CONFIG", "GET", "maxmemory"},
                        new String[] {"ZRANGE", "z", "0", "-1", "WITHSCORES"})) {
                    RespReply r = c.call(cmd);
                    assertThat(RespValues.escape(RespEncoder.encode(r.value(), p)))
                            .as("%s %s", p, String.join(" ", cmd)).isEqualTo(r.rawEscaped());
                }
            }
        }
    }

    @Test
    void pipelineReadsOneReplyPerCommandInOrder() {
        try (RespConnection c = open(Protocol.RESP2)) {
            List<RespReply> replies = c.pipeline(List.of(RespValues.args("SET", "a", "1"),
                    RespValues.args("INCR", "a"), RespValues.args("GET", "a")));
            assertThat(replies).extracting(RespReply::rawText).containsExactly("+OK\r\n", ":2\r\n", "$1\r\n2\r\n");
        }
    }

    @Test
    void inlineCommandsAreAnsweredLikeArrays() {
        try (RespConnection c = open(Protocol.RESP2)) {
            c.sendInline("SET inline \"a b\"");
            c.flush();
            assertThat(c.read().rawText()).isEqualTo("+OK\r\n");
            assertThat(c.call("GET", "inline").rawText()).isEqualTo("$3\r\na b\r\n");
        }
    }

    @Test
    void pushMessagesArriveOutOfBandInResp3() {
        try (RespConnection sub = open(Protocol.RESP3); RespConnection pub = open(Protocol.RESP2)) {
            assertThat(sub.call("SUBSCRIBE", "ch").rawText()).isEqualTo(">3\r\n$9\r\nsubscribe\r\n$2\r\nch\r\n:1\r\n");
            assertThat(pub.call("PUBLISH", "ch", "hi").value()).isEqualTo(new RespValue.Integer(1));
            assertThat(sub.read().value()).isInstanceOf(RespValue.Push.class);
        }
    }

    @Test
    void readTimesOutWithoutLosingALaterReply() {
        try (RespConnection c = open(Protocol.RESP2)) {
            assertThat(c.poll(Duration.ofMillis(50))).isEmpty();
            assertThatThrownBy(() -> c.read(Duration.ofMillis(20))).isInstanceOf(RespConnection.ReplyTimeoutException.class);
            c.sendRaw("*1\r\n$4\r\nPI".getBytes());
            c.flush();
            assertThat(c.poll(Duration.ofMillis(50))).isEmpty();
            c.sendRaw("NG\r\n".getBytes());
            c.flush();
            assertThat(c.read().rawText()).isEqualTo("+PONG\r\n");
        }
    }

    @Test
    void decoderHandlesAttributesAndBlobErrors() {
        byte[] bytes = "|1\r\n+ttl\r\n:3\r\n$1\r\nv\r\n".getBytes();
        RespValue v = RespDecoder.decodeFully(bytes);
        assertThat(v).isInstanceOf(RespValue.Attributed.class);
        assertThat(((RespValue.Attributed) v).value()).isEqualTo(new RespValue.Bulk("v"));
        assertThat(RespEncoder.encode(v, Protocol.RESP3)).isEqualTo(bytes);
        assertThat(RespDecoder.decodeFully("!5\r\nERR x\r\n".getBytes())).isEqualTo(new RespValue.Error("ERR x", true));
        assertThat(RespDecoder.decode("$5\r\nab".getBytes(), 0, 6)).isNull();
    }

    /** The wait can end between two reads of a reply in pieces (a --clients 3 run under load): nothing yet. */
    @Test
    void pollWhoseWaitIsOverBeforeAReplyIsCompleteReturnsNothing() {
        try (RespConnection c = open(Protocol.RESP2)) {
            assertThat(c.poll(Duration.ZERO)).isEmpty();
            assertThat(c.call("PING").rawText()).isEqualTo("+PONG\r\n");
        }
    }
}
