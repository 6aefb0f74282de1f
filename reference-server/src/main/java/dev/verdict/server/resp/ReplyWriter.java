package dev.verdict.server.resp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

import java.nio.charset.StandardCharsets;

/**
 * Encodes replies for one client into its pending output buffer, in the client's protocol
 * (RESP2 or RESP3). RESP3-only types degrade to their RESP2 forms exactly as Redis's
 * {@code addReply*} functions do: maps become flat arrays, sets arrays, doubles bulk strings,
 * booleans integers, nulls {@code $-1} or {@code *-1}. Output accumulates until the network
 * layer takes it with {@link #takeOutput()} once per read batch.
 */
public final class ReplyWriter {

    private final ByteBufAllocator allocator;
    private ByteBuf out;
    private int protocol = 2;
    private long bytesWritten;
    private long errorCount;
    private java.util.function.Consumer<String> errorListener = message -> { };

    public ReplyWriter(ByteBufAllocator allocator) {
        this.allocator = allocator;
    }

    /** Called with each error reply's text, for INFO errorstats. */
    public void onError(java.util.function.Consumer<String> listener) {
        this.errorListener = listener;
    }

    /** Error replies written so far: the dispatcher compares it around a call to count failed calls. */
    public long errorCount() {
        return errorCount;
    }

    public int protocol() {
        return protocol;
    }

    public void protocol(int protocol) {
        this.protocol = protocol;
    }

    public boolean resp3() {
        return protocol == 3;
    }

    // ---- simple types

    public void ok() {
        raw(SharedReplies.OK);
    }

    public void queued() {
        raw(SharedReplies.QUEUED);
    }

    /** A status reply ({@code +text}); the text must not contain CR or LF. */
    public void status(String text) {
        ByteBuf b = buffer();
        b.writeByte('+');
        writeText(b, text);
        crlf(b);
    }

    /**
     * Error and status texts: a char up to 0xFF is one byte (so user bytes echoed through
     * {@code Args.cString} go out raw, as Redis's %s does); anything wider is UTF-8.
     */
    private static void writeText(ByteBuf b, String text) {
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch <= 0xFF) {
                b.writeByte(ch);
            } else {
                int cp = text.codePointAt(i);
                int width = Character.charCount(cp);
                b.writeCharSequence(text.substring(i, i + width), StandardCharsets.UTF_8);
                i += width - 1;
            }
        }
    }

    /** An error reply; {@code message} starts with its code, e.g. {@code "ERR syntax error"}. */
    public void error(String message) {
        errorCount++;
        errorListener.accept(message);
        ByteBuf b = buffer();
        b.writeByte('-');
        // Like Redis's addReplyErrorLength: newlines would break the protocol.
        writeText(b, message.replace('\r', ' ').replace('\n', ' '));
        crlf(b);
    }

    public void integer(long value) {
        if (value >= 0 && value < SharedReplies.INTEGERS.length) {
            raw(SharedReplies.INTEGERS[(int) value]);
            return;
        }
        ByteBuf b = buffer();
        b.writeByte(':');
        writeDecimal(b, value);
        crlf(b);
    }

    public void bulk(byte[] value) {
        bulk(value, 0, value.length);
    }

    public void bulk(byte[] value, int offset, int length) {
        ByteBuf b = buffer();
        b.writeByte('$');
        writeDecimal(b, length);
        crlf(b);
        b.writeBytes(value, offset, length);
        crlf(b);
    }

    public void bulk(String value) {
        bulk(value.getBytes(StandardCharsets.UTF_8));
    }

    /** A bulk string holding the decimal form of {@code value} (Redis's addReplyBulkLongLong). */
    public void bulkLong(long value) {
        bulk(Long.toString(value).getBytes(StandardCharsets.US_ASCII));
    }

    /** The null bulk string: {@code $-1} in RESP2, {@code _} in RESP3. */
    public void nullBulk() {
        raw(resp3() ? SharedReplies.NULL3 : SharedReplies.NULL_BULK);
    }

    /** The null array: {@code *-1} in RESP2, {@code _} in RESP3. */
    public void nullArray() {
        raw(resp3() ? SharedReplies.NULL3 : SharedReplies.NULL_ARRAY);
    }

    /** A double: {@code ,d} in RESP3, a bulk string in RESP2, formatted as Redis's %.17g. */
    public void doubleValue(double value) {
        String text = DoubleFormat.g17(value);
        if (resp3()) {
            ByteBuf b = buffer();
            b.writeByte(',');
            b.writeCharSequence(text, StandardCharsets.US_ASCII);
            crlf(b);
        } else {
            bulk(text.getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** A boolean: {@code #t}/{@code #f} in RESP3, {@code :1}/{@code :0} in RESP2. */
    public void bool(boolean value) {
        if (resp3()) raw(value ? SharedReplies.TRUE3 : SharedReplies.FALSE3);
        else integer(value ? 1 : 0);
    }

    /** A verbatim string ({@code =len\r\ntxt:...}) in RESP3, a bulk string in RESP2. */
    public void verbatim(String format, String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        if (!resp3()) {
            bulk(body);
            return;
        }
        ByteBuf b = buffer();
        b.writeByte('=');
        writeDecimal(b, body.length + 4);
        crlf(b);
        b.writeCharSequence(format, StandardCharsets.US_ASCII);
        b.writeByte(':');
        b.writeBytes(body);
        crlf(b);
    }

    /** A big number: {@code (digits} in RESP3, a bulk string in RESP2. */
    public void bigNumber(String digits) {
        if (!resp3()) {
            bulk(digits);
            return;
        }
        ByteBuf b = buffer();
        b.writeByte('(');
        b.writeCharSequence(digits, StandardCharsets.US_ASCII);
        crlf(b);
    }

    // ---- aggregates: write the header, then exactly that many elements

    /** RESP3 attributes ({@code |n}) of the reply that follows; RESP2 has none, callers skip them there. */
    public void attributeHeader(long pairs) {
        aggregateHeader('|', pairs);
    }

    public void arrayHeader(long length) {
        aggregateHeader('*', length);
    }

    /** A map of {@code pairs} key/value pairs; RESP2 sees an array of 2 * pairs elements. */
    public void mapHeader(long pairs) {
        if (resp3()) aggregateHeader('%', pairs);
        else aggregateHeader('*', pairs * 2);
    }

    public void setHeader(long length) {
        aggregateHeader(resp3() ? '~' : '*', length);
    }

    /** An out-of-band push message ({@code >} in RESP3, an array in RESP2). */
    public void pushHeader(long length) {
        aggregateHeader(resp3() ? '>' : '*', length);
    }

    public void emptyArray() {
        raw(SharedReplies.EMPTY_ARRAY);
    }

    /** Writes bytes that are already a complete, protocol-independent reply. */
    public void raw(byte[] encoded) {
        buffer().writeBytes(encoded);
    }

    /** Writes part of an array of bytes that are already protocol (the replication stream). */
    public void raw(byte[] encoded, int offset, int length) {
        buffer().writeBytes(encoded, offset, length);
    }

    // ---- output handling

    public boolean hasOutput() {
        return out != null && out.isReadable();
    }

    /** Bytes waiting to be written to the socket. */
    public int pendingBytes() {
        return out == null ? 0 : out.readableBytes();
    }

    /** Total reply bytes produced for this client (INFO's total_net_output_bytes feeds on this). */
    public long bytesWritten() {
        return bytesWritten + pendingBytes();
    }

    /** Hands the pending output to the network layer; the writer starts a fresh buffer. */
    public ByteBuf takeOutput() {
        ByteBuf taken = out;
        if (taken != null) bytesWritten += taken.readableBytes();
        out = null;
        return taken;
    }

    /** Drops pending output (CLIENT REPLY OFF/SKIP, or a closing connection). */
    public void discardOutput() {
        if (out != null) {
            out.release();
            out = null;
        }
    }

    /** Drops everything written after {@code mark} (a value of {@link #pendingBytes()}). */
    public void truncate(int mark) {
        if (out == null) return;
        if (mark == 0) {
            discardOutput();
            return;
        }
        out.writerIndex(out.readerIndex() + mark);
    }

    /** Everything written since {@code mark} (a value of {@link #pendingBytes()}), removed from the output. */
    public byte[] cutSince(int mark) {
        byte[] cut = new byte[out.readableBytes() - mark];
        out.getBytes(out.readerIndex() + mark, cut);
        out.writerIndex(out.readerIndex() + mark);
        return cut;
    }

    private void aggregateHeader(char type, long length) {
        ByteBuf b = buffer();
        b.writeByte(type);
        writeDecimal(b, length);
        crlf(b);
    }

    private ByteBuf buffer() {
        if (out == null) out = allocator.buffer(256);
        return out;
    }

    private static void crlf(ByteBuf b) {
        b.writeShort(0x0d0a);
    }

    /** Decimal digits straight into the buffer: replies are written without a String per number. */
    private static void writeDecimal(ByteBuf b, long value) {
        if (value >= 0 && value < 10) {
            b.writeByte('0' + (int) value);
            return;
        }
        if (value == Long.MIN_VALUE) {
            b.writeCharSequence(Long.toString(value), StandardCharsets.US_ASCII);
            return;
        }
        if (value < 0) {
            b.writeByte('-');
            value = -value;
        }
        int digits = 1;
        for (long v = value; v >= 10; v /= 10) digits++;
        int at = b.writerIndex();
        b.ensureWritable(digits);
        for (int i = digits - 1; i >= 0; i--) {
            b.setByte(at + i, '0' + (int) (value % 10));
            value /= 10;
        }
        b.writerIndex(at + digits);
    }
}
