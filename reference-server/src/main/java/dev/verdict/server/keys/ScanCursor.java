package dev.verdict.server.keys;

import dev.verdict.server.client.Client;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * SCAN-family cursors: unsigned 64-bit values parsed as Redis's parseScanCursorOrReply does with
 * strtoul (an optional sign, a negative value wrapping around, the empty string meaning 0) and
 * printed unsigned.
 */
public final class ScanCursor {

    private static final BigInteger MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private ScanCursor() {
    }

    /** The cursor, or null after replying {@code ERR invalid cursor}. */
    public static Long parse(Client client, byte[] arg) {
        Long cursor = parse(arg);
        if (cursor == null) client.reply().error("ERR invalid cursor");
        return cursor;
    }

    static Long parse(byte[] arg) {
        if (arg.length == 0) return 0L;
        int i = 0;
        boolean negative = false;
        if (arg[0] == '+' || arg[0] == '-') {
            negative = arg[0] == '-';
            i = 1;
        }
        if (i == arg.length) return i == 0 ? 0L : null;
        for (int j = i; j < arg.length; j++) {
            if (arg[j] < '0' || arg[j] > '9') return null;
        }
        BigInteger value = new BigInteger(new String(arg, i, arg.length - i, StandardCharsets.US_ASCII));
        if (value.compareTo(MAX) > 0) return null;
        long v = value.longValue();
        return negative ? -v : v;
    }

    public static byte[] format(long cursor) {
        return Long.toUnsignedString(cursor).getBytes(StandardCharsets.US_ASCII);
    }
}
