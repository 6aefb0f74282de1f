package dev.verdict.server.resp;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestDecoderTest {

    private final EmbeddedChannel channel = new EmbeddedChannel(new RequestDecoder(new RequestLimits() {
        @Override
        public long protoMaxBulkLen() {
            return 512L * 1024 * 1024;
        }

        @Override
        public long clientQueryBufferLimit() {
            return 1024;
        }
    }));

    private List<List<String>> feed(String... chunks) {
        for (String chunk : chunks) channel.writeInbound(Unpooled.copiedBuffer(chunk, StandardCharsets.UTF_8));
        List<List<String>> commands = new ArrayList<>();
        Object msg;
        while ((msg = channel.readInbound()) != null) {
            List<String> args = new ArrayList<>();
            for (byte[] arg : (byte[][]) msg) args.add(new String(arg, StandardCharsets.UTF_8));
            commands.add(args);
        }
        return commands;
    }

    @Test
    void pipelinedMultibulkAndInlineCommandsDecodeInOrder() {
        assertThat(feed("*2\r\n$3\r\nGET\r\n$1\r\nk\r\nPING\r\n*1\r\n$4\r\nPING\r\n"))
                .containsExactly(List.of("GET", "k"), List.of("PING"), List.of("PING"));
    }

    @Test
    void requestSplitAcrossReadsIsReassembled() {
        assertThat(feed("*2\r\n$3\r\nSE", "T\r\n$5\r\nhel", "lo\r\n")).containsExactly(List.of("SET", "hello"));
    }

    @Test
    void emptyAndNullMultibulksAndBlankInlineLinesRunNothing() {
        assertThat(feed("*0\r\n*-1\r\n\r\n*1\r\n$4\r\nPING\r\n")).containsExactly(List.of("PING"));
    }

    @Test
    void inlineArgumentsFollowSdssplitargsQuoting() {
        assertThat(feed("SET \"a b\" 'c d' \"\\x41\\n\"\r\n")).containsExactly(List.of("SET", "a b", "c d", "A\n"));
    }

    @Test
    void protocolErrorsCarryRedisText() {
        assertError("*abc\r\n", "Protocol error: invalid multibulk length");
        assertError("*1\r\n$x\r\n", "Protocol error: invalid bulk length");
        assertError("*1\r\n$-5\r\n", "Protocol error: invalid bulk length");
        assertError("*2\r\n$3\r\nGET\r\n+a\r\n", "Protocol error: expected '$', got '+'");
        assertError("\"unbalanced\r\n", "Protocol error: unbalanced quotes in request");
    }

    @Test
    void headerNumbersFollowString2llSoLeadingZerosAndMinusZeroAreInvalid() {
        assertError("*01\r\n", "Protocol error: invalid multibulk length");
        assertError("*-0\r\n", "Protocol error: invalid multibulk length");
        assertError("*2147483648\r\n", "Protocol error: invalid multibulk length");
        assertError("*-9223372036854775809\r\n", "Protocol error: invalid multibulk length");
        assertError("*1\r\n$04\r\n", "Protocol error: invalid bulk length");
        assertError("*1\r\n$ 4\r\n", "Protocol error: invalid bulk length");
        assertError("*1\r\n$9223372036854775808\r\n", "Protocol error: invalid bulk length");
        // the smallest 64-bit count is a valid number, and like every count <= 0 it runs nothing
        assertThat(feed("*-9223372036854775808\r\n*1\r\n$4\r\nPING\r\n")).containsExactly(List.of("PING"));
    }

    @Test
    void bulkLargerThanTheQueryBufferLimitClosesWithoutReply() {
        channel.writeInbound(Unpooled.copiedBuffer("*1\r\n$5000\r\n", StandardCharsets.UTF_8));
        assertThatThrownBy(() -> channel.writeInbound(Unpooled.wrappedBuffer(new byte[2000])))
                .isInstanceOf(DecoderException.class).hasCauseInstanceOf(QueryBufferLimitException.class);
    }

    private void assertError(String input, String message) {
        EmbeddedChannel fresh = new EmbeddedChannel(new RequestDecoder(new RequestLimits() {
            @Override
            public long protoMaxBulkLen() {
                return 512L * 1024 * 1024;
            }

            @Override
            public long clientQueryBufferLimit() {
                return 1L << 30;
            }
        }));
        assertThatThrownBy(() -> fresh.writeInbound(Unpooled.copiedBuffer(input, StandardCharsets.UTF_8)))
                .isInstanceOf(DecoderException.class)
                .cause().isInstanceOf(ProtocolException.class).hasMessage(message);
    }
}
