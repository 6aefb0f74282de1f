package dev.verdict.conformance.client;

import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.output.CommandOutput;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * A Lettuce output that rebuilds the reply as a {@link RespValue} tree. Aggregates are closed
 * by counting their elements rather than by Lettuce's depth callbacks, and errors are kept as
 * values (also nested ones, as in EXEC), so the caller sees the reply, not an exception.
 */
final class ReplyTreeOutput extends CommandOutput<byte[], byte[], RespValue> {

    private enum Kind { ARRAY, SET, PUSH, MAP }

    private static final class Frame {
        final Kind kind;
        final int expected;
        final List<RespValue> items = new ArrayList<>();

        Frame(Kind kind, int expected) {
            this.kind = kind;
            this.expected = expected;
        }
    }

    private final Deque<Frame> stack = new ArrayDeque<>();

    ReplyTreeOutput() {
        super(ByteArrayCodec.INSTANCE, null);
    }

    @Override
    public void set(ByteBuffer bytes) {
        add(bytes == null ? new RespValue.Null(RespValue.NullKind.BULK) : new RespValue.Bulk(toBytes(bytes)));
    }

    @Override
    public void setSingle(ByteBuffer bytes) {
        add(bytes == null ? new RespValue.Null(RespValue.NullKind.BULK)
                : new RespValue.SimpleString(new String(toBytes(bytes), StandardCharsets.UTF_8)));
    }

    @Override
    public void setBigNumber(ByteBuffer bytes) {
        add(new RespValue.BigNumber(new String(toBytes(bytes), StandardCharsets.US_ASCII)));
    }

    @Override
    public void set(long integer) {
        add(new RespValue.Integer(integer));
    }

    @Override
    public void set(double number) {
        add(new RespValue.Double(Double.toString(number)));
    }

    @Override
    public void set(boolean value) {
        add(new RespValue.Boolean(value));
    }

    @Override
    public void setError(ByteBuffer error) {
        add(new RespValue.Error(new String(toBytes(error), StandardCharsets.UTF_8)));
    }

    @Override
    public void setError(String error) {
        add(new RespValue.Error(error));
    }

    @Override
    public void multi(int count) {
        open(Kind.ARRAY, count);
    }

    @Override
    public void multiArray(int count) {
        open(Kind.ARRAY, count);
    }

    @Override
    public void multiSet(int count) {
        open(Kind.SET, count);
    }

    @Override
    public void multiPush(int count) {
        open(Kind.PUSH, count);
    }

    @Override
    public void multiMap(int count) {
        open(Kind.MAP, count * 2);
    }

    /**
     * Lettuce's decoder swallows a top-level {@code +QUEUED} and delivers nothing, so a completed
     * command without any value can only have been answered {@code +QUEUED}.
     */
    @Override
    public RespValue get() {
        RespValue v = super.get();
        return v == null ? new RespValue.SimpleString("QUEUED") : v;
    }

    @Override
    public void complete(int depth) {
        // aggregates close themselves when their last element arrives
    }

    private void open(Kind kind, int count) {
        if (count < 0) {
            add(new RespValue.Null(RespValue.NullKind.ARRAY));
            return;
        }
        stack.push(new Frame(kind, count));
        closeFullFrames();
    }

    private void add(RespValue value) {
        if (stack.isEmpty()) {
            output = value;
            return;
        }
        stack.peek().items.add(value);
        closeFullFrames();
    }

    private void closeFullFrames() {
        while (!stack.isEmpty() && stack.peek().items.size() >= stack.peek().expected) {
            Frame f = stack.pop();
            RespValue v = switch (f.kind) {
                case ARRAY -> new RespValue.Array(f.items);
                case SET -> new RespValue.SetValue(f.items);
                case PUSH -> new RespValue.Push(f.items);
                case MAP -> {
                    List<Map.Entry<RespValue, RespValue>> entries = new ArrayList<>();
                    for (int i = 0; i + 1 < f.items.size(); i += 2) {
                        entries.add(new AbstractMap.SimpleImmutableEntry<>(f.items.get(i), f.items.get(i + 1)));
                    }
                    yield new RespValue.MapValue(entries);
                }
            };
            if (stack.isEmpty()) {
                output = v;
            } else {
                stack.peek().items.add(v);
            }
        }
    }

    private static byte[] toBytes(ByteBuffer buffer) {
        byte[] b = new byte[buffer.remaining()];
        buffer.duplicate().get(b);
        return b;
    }
}
