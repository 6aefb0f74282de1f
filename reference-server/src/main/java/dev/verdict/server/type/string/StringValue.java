package dev.verdict.server.type.string;

import dev.verdict.server.db.Encoding;
import dev.verdict.server.db.MemoryFootprint;
import dev.verdict.server.db.ObjectType;
import dev.verdict.server.db.RedisObject;


/**
 * A string value. Its encoding follows how Redis created it: {@link #of} is tryObjectEncoding
 * ({@code int} for a canonical 64-bit integer of at most 20 characters, {@code embstr} up to 44
 * bytes, {@code raw} above), {@link #plain} is createStringObject (embstr or raw, never int, as
 * INCRBYFLOAT stores), {@link #raw} is a value modified in place (APPEND, SETRANGE, SETBIT),
 * which Redis unshares into a raw sds. The encoding is implied by the subclass so that a string
 * costs one object header, the clock fields and one reference.
 */
public class StringValue extends RedisObject {

    /** OBJ_ENCODING_EMBSTR_SIZE_LIMIT. */
    public static final int EMBSTR_LIMIT = 44;

    private byte[] bytes;

    private StringValue(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A value as SET stores it: encoded like Redis's tryObjectEncoding would. */
    public static StringValue of(byte[] bytes) {
        return new StringValue(bytes);
    }

    /** A value as createStringObject makes it: embstr up to 44 bytes, raw above, never int. */
    public static StringValue plain(byte[] bytes) {
        return new Plain(bytes);
    }

    /**
     * A value that is modified in place: always raw, like Redis's dbUnshareStringValue. The
     * value takes ownership of {@code bytes}.
     */
    public static StringValue raw(byte[] bytes) {
        return new Raw(bytes);
    }

    /**
     * A number as INCR and DECR store it: int-encoded, and holding the number itself beside its
     * digits, so that the next INCR neither parses nor allocates a value (see {@link #counter}).
     */
    public static StringValue ofLong(long value) {
        return new Counter(value);
    }

    /**
     * This value as a counter that INCR may change in place (incrDecrCommand's {@code o->ptr}
     * update of an unshared int object), or null when it holds something else.
     */
    public Counter counter() {
        return null;
    }

    /** Only for raw values owned by one key (see {@link StringType#writable}). */
    void replaceBytes(byte[] bytes) {
        this.bytes = bytes;
    }

    boolean isRaw() {
        return this instanceof Raw;
    }

    /**
     * The value's bytes; callers must not modify them, except those of a value obtained from
     * {@link StringType#writable}, which its key owns.
     */
    public byte[] bytes() {
        return bytes;
    }

    public int length() {
        return bytes.length;
    }

    @Override
    public ObjectType type() {
        return ObjectType.STRING;
    }

    @Override
    public Encoding encoding() {
        if (bytes.length <= 20 && Numbers.parseLongStrict(bytes) != null) return Encoding.INT;
        return bytes.length <= EMBSTR_LIMIT ? Encoding.EMBSTR : Encoding.RAW;
    }

    /**
     * dupStringObject: same encoding; the bytes are never modified in place, so they are shared.
     * An int-encoded copy is a private object even for a small integer (COPY of a shared 5 has
     * refcount 1 in Redis), so it is a counter marked {@link Counter#isPrivateCopy}.
     */
    @Override
    public StringValue duplicate() {
        if (this instanceof Counter c) return Counter.privateCopy(c.value);
        if (encoding() == Encoding.INT) return Counter.privateCopy(Numbers.parseLongStrict(bytes));
        if (this instanceof Raw) return raw(bytes.clone());
        if (this instanceof Plain) return plain(bytes);
        return of(bytes);
    }

    /** objectComputeSize for strings: robj alone (int), one allocation (embstr), or robj + sds. */
    @Override
    public long memoryUsage() {
        return switch (encoding()) {
            case INT -> MemoryFootprint.OBJECT_HEADER;
            case EMBSTR -> MemoryFootprint.embeddedString(bytes.length);
            default -> MemoryFootprint.OBJECT_HEADER + MemoryFootprint.sds(bytes.length);
        };
    }

    private static final class Plain extends StringValue {
        Plain(byte[] bytes) {
            super(bytes);
        }

        @Override
        public Encoding encoding() {
            return length() <= EMBSTR_LIMIT ? Encoding.EMBSTR : Encoding.RAW;
        }
    }

    /**
     * An int-encoded number that changes in place. Its digits are replaced, never modified, so
     * readers of {@link #bytes()} keep what they read.
     */
    public static final class Counter extends StringValue {
        private long value;
        /** Made by dupStringObject rather than createStringObjectFromLongLongForValue: never shared. */
        private boolean privateCopy;

        private Counter(long value) {
            super(Numbers.toBytes(value));
            this.value = value;
        }

        static Counter privateCopy(long value) {
            Counter c = new Counter(value);
            c.privateCopy = true;
            return c;
        }

        /** True for a copy (COPY's dupStringObject), which Redis never swaps for a shared integer. */
        public boolean isPrivateCopy() {
            return privateCopy;
        }

        public long value() {
            return value;
        }

        /**
         * Sets the number in place. Only for a value that its key alone references and no running
         * snapshot holds; its memory footprint does not change.
         */
        public void set(long value) {
            this.value = value;
            replaceBytes(Numbers.toBytes(value));
            // Redis would now hold the shared integer (createStringObjectFromLongLongForValue): a
            // copy stops being private once its number lands in the shared range
            if (value >= 0 && value < SharedIntegers.COUNT) privateCopy = false;
        }

        @Override
        public Counter counter() {
            return this;
        }

        @Override
        public Encoding encoding() {
            return Encoding.INT;
        }
    }

    private static final class Raw extends StringValue {
        Raw(byte[] bytes) {
            super(bytes);
        }

        @Override
        public Encoding encoding() {
            return Encoding.RAW;
        }
    }

    @Override
    public void digest(dev.verdict.server.util.ValueDigest digest) {
        digest.mix(bytes());
    }
}
