package dev.verdict.server.type.string;

import dev.verdict.server.db.Database;

import java.util.Arrays;

/** The string type API for commands that edit a string in place (APPEND, SETRANGE, SETBIT, BITFIELD). */
public final class StringType {

    private StringType() {
    }

    /**
     * dbUnshareStringValue + sdsgrowzero: the key's value as a raw string that this key alone
     * owns, zero-padded to at least {@code minLength} bytes, so its {@link StringValue#bytes()}
     * may be modified in place. {@code value} null creates the key. Callers signal the change
     * ({@link Database#signalModified}) when they make one.
     */
    public static StringValue writable(Database db, byte[] key, StringValue value, int minLength) {
        if (value == null) {
            StringValue created = StringValue.raw(new byte[minLength]);
            db.add(key, created);
            return created;
        }
        StringValue raw = value;
        // A value a running BGSAVE still reads is copied, never changed under it.
        if (!value.isRaw() || db.snapshotHolds(value)) {
            raw = StringValue.raw(value.bytes().clone());
            db.replaceValue(key, raw);
        }
        if (raw.length() < minLength) raw.replaceBytes(Arrays.copyOf(raw.bytes(), minLength));
        return raw;
    }
}
