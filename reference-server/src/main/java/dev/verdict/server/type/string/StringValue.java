package dev.verdict.server.type.string;

import dev.verdict.server.db.Encoding;
import dev.verdict.server.db.ObjectType;
import dev.verdict.server.db.RedisObject;

/**
 * A string value. Its encoding follows Redis's tryObjectEncoding: {@code int} for a canonical
 * 64-bit integer of at most 20 characters, {@code embstr} up to 44 bytes, {@code raw} above, and
 * {@code raw} once modified in place (APPEND, SETRANGE, SETBIT), as Redis unshares it.
 */
public final class StringValue extends RedisObject {

    /** OBJ_ENCODING_EMBSTR_SIZE_LIMIT. */
    public static final int EMBSTR_LIMIT = 44;

    private final byte[] bytes;
    private final Encoding encoding;

    private StringValue(byte[] bytes, Encoding encoding) {
        this.bytes = bytes;
        this.encoding = encoding;
    }

    /** A value as SET stores it: encoded like Redis's tryObjectEncoding would. */
    public static StringValue of(byte[] bytes) {
        if (bytes.length <= 20 && Numbers.parseLongStrict(bytes) != null) return new StringValue(bytes, Encoding.INT);
        return new StringValue(bytes, bytes.length <= EMBSTR_LIMIT ? Encoding.EMBSTR : Encoding.RAW);
    }

    /** A value that was modified in place: always raw, like Redis's dbUnshareStringValue. */
    public static StringValue raw(byte[] bytes) {
        return new StringValue(bytes, Encoding.RAW);
    }

    public static StringValue ofLong(long value) {
        return new StringValue(Long.toString(value).getBytes(java.nio.charset.StandardCharsets.US_ASCII), Encoding.INT);
    }

    /** The value's bytes; callers must not modify them. */
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
        return encoding;
    }

    @Override
    public void digest(dev.verdict.server.util.ValueDigest digest) {
        digest.mix(bytes());
    }
}
