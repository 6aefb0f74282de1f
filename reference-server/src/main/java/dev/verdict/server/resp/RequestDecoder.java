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
        long count = number.parsed(in, in.readerIndex() + 1, eol);
        if (count == Long.MIN_VALUE || count > MULTIBULK_MAX) {
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
        long length = number.parsed(in, in.readerIndex() + 1, eol);
        if (length == Long.MIN_VALUE || length < 0 || length > limits.protoMaxBulkLen()) {
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

    /** The CR ending the header line at the reader index, parsing its number on the way; -1 if incomplete. */
    private int findCrlf(ByteBuf in) {
        int from = in.readerIndex() + 1;
        number.reset();
        int cr = from >= in.writerIndex() ? -1 : in.forEachByte(from, in.writerIndex() - from, number);
        if (cr < 0 || cr + 1 >= in.writerIndex()) return -1;
        return cr;
    }

    private final HeaderNumber number = new HeaderNumber();

    /**
     * Parses the decimal of a {@code *N} or {@code $N} line in the same single pass that finds
     * its CR, as string2ll would judge it (at most 18 digits here, optional minus).
     */
    private static final class HeaderNumber implements io.netty.util.ByteProcessor {
        private long value;
        private int digits;
        private boolean negative;
        private boolean invalid;
        private boolean first;

        void reset() {
            value = 0;
            digits = 0;
            negative = false;
            invalid = false;
            first = true;
        }

        @Override
        public boolean process(byte b) {
            if (b == '\r') return false;
            if (first && b == '-') {
                negative = true;
            } else if (b >= '0' && b <= '9' && digits < 18) {
                value = value * 10 + (b - '0');
                digits++;
            } else {
                invalid = true;
            }
            first = false;
            return true;
        }

        long parsed(ByteBuf in, int from, int to) {
            if (invalid || digits == 0) return Long.MIN_VALUE;
            return negative ? -value : value;
        }
    }


}
