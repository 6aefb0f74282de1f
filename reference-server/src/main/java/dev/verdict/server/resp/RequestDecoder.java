package dev.verdict.server.resp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;

import java.util.List;

/**
 * Incremental decoder of client requests: RESP multibulk ({@code *N\r\n$len\r\n...}) and inline
 * commands, emitting one {@code byte[][]} argument vector per command. Limits and error texts
 * follow Redis 7.0's {@code processMultibulkBuffer} and {@code processInlineBuffer}: a request
 * that breaks them raises {@link ProtocolException}, after which nothing more is decoded.
 */
public final class RequestDecoder extends ByteToMessageDecoder {

    /** Longest inline request or count line Redis accepts before a CRLF (PROTO_INLINE_MAX_SIZE). */
    static final int INLINE_MAX = 64 * 1024;
    static final int MULTIBULK_MAX = Integer.MAX_VALUE;

    private enum State { START, MULTIBULK_ARG_HEADER, MULTIBULK_ARG_BODY, FAILED }

    private final RequestLimits limits;
    private State state = State.START;
    private byte[][] argv;
    private int argIndex;
    private int argCount;
    private int bulkLength;

    public RequestDecoder(RequestLimits limits) {
        this.limits = limits;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof ByteBuf chunk) limits.bytesRead(chunk.readableBytes());
        super.channelRead(ctx, msg);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.isReadable()) {
            switch (state) {
                case FAILED -> {
                    in.skipBytes(in.readableBytes());
                    return;
                }
                case START -> {
                    if (in.getByte(in.readerIndex()) == '*') {
                        if (!readMultibulkCount(in)) return;
                        if (argv == null) continue; // *0 or *-1: nothing to run
                    } else {
                        byte[][] inline = readInline(in);
                        if (inline == null) return;
                        if (inline.length > 0) out.add(inline);
                        continue;
                    }
                }
                case MULTIBULK_ARG_HEADER -> {
                    if (!readBulkHeader(in)) return;
                }
                case MULTIBULK_ARG_BODY -> {
                    if (in.readableBytes() < bulkLength + 2) {
                        checkQueryBuffer(in);
                        return;
                    }
                    byte[] arg = new byte[bulkLength];
                    in.readBytes(arg);
                    in.skipBytes(2); // Redis does not check that these two bytes are CRLF
                    if (argIndex == argv.length) argv = java.util.Arrays.copyOf(argv, Math.min(argCount, argv.length * 2));
                    argv[argIndex++] = arg;
                    if (argIndex == argCount) {
                        out.add(argv);
                        argv = null;
                        state = State.START;
                    } else {
                        state = State.MULTIBULK_ARG_HEADER;
                    }
                }
            }
        }
    }

    /** Marks the decoder failed so the rest of the connection's input is ignored until it closes. */
    public void fail() {
        state = State.FAILED;
    }

    private boolean readMultibulkCount(ByteBuf in) {
        int eol = findCrlf(in);
        if (eol < 0) {
            if (in.readableBytes() > INLINE_MAX) throw new ProtocolException("Protocol error: too big mbulk count string");
            return false;
        }
        long count = number.value();
        if (!number.valid() || count > MULTIBULK_MAX) {
            throw new ProtocolException("Protocol error: invalid multibulk length");
        }
        in.readerIndex(eol + 2);
        if (count <= 0) {
            argv = null;
            return true;
        }
        // Like Redis, preallocate at most 1024 slots: a huge count costs nothing until args arrive.
        argCount = (int) count;
        argv = new byte[Math.min(argCount, 1024)][];
        argIndex = 0;
        state = State.MULTIBULK_ARG_HEADER;
        return true;
    }

    private boolean readBulkHeader(ByteBuf in) {
        int eol = findCrlf(in);
        if (eol < 0) {
            if (in.readableBytes() > INLINE_MAX) throw new ProtocolException("Protocol error: too big bulk count string");
            return false;
        }
        byte type = in.getByte(in.readerIndex());
        if (type != '$') {
            throw new ProtocolException("Protocol error: expected '$', got '" + (char) (type & 0xff) + "'");
        }
        long length = number.value();
        if (!number.valid() || length < 0 || length > limits.protoMaxBulkLen()) {
            throw new ProtocolException("Protocol error: invalid bulk length");
        }
        in.readerIndex(eol + 2);
        bulkLength = (int) length;
        state = State.MULTIBULK_ARG_BODY;
        return true;
    }

    private byte[][] readInline(ByteBuf in) {
        int newline = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) '\n');
        if (newline < 0) {
            if (in.readableBytes() > INLINE_MAX) throw new ProtocolException("Protocol error: too big inline request");
            return null;
        }
        int end = newline;
        if (end > in.readerIndex() && in.getByte(end - 1) == '\r') end--;
        byte[] line = new byte[end - in.readerIndex()];
        in.getBytes(in.readerIndex(), line);
        in.readerIndex(newline + 1);
        List<byte[]> args = InlineSplitter.split(line);
        if (args == null) throw new ProtocolException("Protocol error: unbalanced quotes in request");
        return args.toArray(new byte[0][]);
    }

    private void checkQueryBuffer(ByteBuf in) {
        if (in.readableBytes() > limits.clientQueryBufferLimit()) {
            throw new QueryBufferLimitException();
        }
    }

    /** The CR ending the header line at the reader index, its number parsed into {@link #number}; -1 if incomplete. */
    private int findCrlf(ByteBuf in) {
        int from = in.readerIndex() + 1;
        int cr = from >= in.writerIndex() ? -1 : in.indexOf(from, in.writerIndex(), (byte) '\r');
        if (cr < 0 || cr + 1 >= in.writerIndex()) return -1;
        number.parse(in, from, cr);
        return cr;
    }

    private final HeaderNumber number = new HeaderNumber();

    /**
     * The decimal of a {@code *N} or {@code $N} line as Redis's string2ll judges it: an optional
     * minus, then {@code 0} alone (never {@code -0}) or digits without a leading zero, within a
     * 64-bit signed range.
     */
    private static final class HeaderNumber {
        private long value;
        private boolean valid;

        void parse(ByteBuf in, int from, int to) {
            valid = false;
            if (to - from == 1 && in.getByte(from) == '0') {
                value = 0;
                valid = true;
                return;
            }
            boolean negative = from < to && in.getByte(from) == '-';
            int i = negative ? from + 1 : from;
            if (i == to || in.getByte(i) < '1' || in.getByte(i) > '9') return;
            // accumulated negatively, so that -9223372036854775808 fits
            long v = 0;
            for (; i < to; i++) {
                int digit = in.getByte(i) - '0';
                if (digit < 0 || digit > 9 || v < (Long.MIN_VALUE + digit) / 10) return;
                v = v * 10 - digit;
            }
            if (!negative && v == Long.MIN_VALUE) return;
            value = negative ? v : -v;
            valid = true;
        }

        boolean valid() {
            return valid;
        }

        long value() {
            return value;
        }
    }


}
