package dev.verdict.server.type.stream;

import dev.verdict.server.type.string.Numbers;

/**
 * Byte sizes of listpack elements (listpack.c), so that a stream node closes exactly when
 * Redis's would under {@code stream-node-max-bytes}: integers (and strings that read as
 * integers) take 1-9 bytes, strings a 1, 2 or 5 byte header, each plus its back-length.
 */
final class ListpackSizes {

    /** Total-bytes and element-count header, plus the end marker. */
    static final int EMPTY = 6 + 1;

    private ListpackSizes() {
    }

    static int ofInteger(long v) {
        int encoded;
        if (v >= 0 && v <= 127) encoded = 1;
        else if (v >= -4096 && v <= 4095) encoded = 2;
        else if (v >= -32768 && v <= 32767) encoded = 3;
        else if (v >= -8388608 && v <= 8388607) encoded = 4;
        else if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) encoded = 5;
        else encoded = 9;
        return encoded + backlen(encoded);
    }

    static int ofString(byte[] s) {
        Long asInt = s.length <= 20 ? Numbers.parseLongStrict(s) : null;
        if (asInt != null) return ofInteger(asInt);
        int encoded = s.length < 64 ? 1 + s.length : s.length < 4096 ? 2 + s.length : 5 + s.length;
        return encoded + backlen(encoded);
    }

    private static int backlen(int l) {
        if (l < 128) return 1;
        if (l < 16384) return 2;
        if (l < 2097152) return 3;
        if (l < 268435456) return 4;
        return 5;
    }
}
