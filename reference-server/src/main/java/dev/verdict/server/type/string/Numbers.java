package dev.verdict.server.type.string;

/** Redis's strict number parsing (string2ll, string2ld) on raw bytes. */
public final class Numbers {

    private Numbers() {
    }

    /** ll2string: the decimal digits of {@code value}, written straight into bytes (no String on the way). */
    public static byte[] toBytes(long value) {
        if (value == Long.MIN_VALUE) return "-9223372036854775808".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        boolean negative = value < 0;
        long v = negative ? -value : value;
        int digits = 1;
        for (long t = v; t >= 10; t /= 10) digits++;
        byte[] out = new byte[digits + (negative ? 1 : 0)];
        for (int i = out.length - 1; i >= (negative ? 1 : 0); i--) {
            out[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        if (negative) out[0] = '-';
        return out;
    }

    /**
     * The value when {@code bytes} is exactly a canonical signed 64-bit decimal (no sign on
     * zero, no leading zeros, no spaces), else null: Redis's string2ll.
     */
    public static Long parseLongStrict(byte[] bytes) {
        int n = bytes.length;
        if (n == 0 || n > 20) return null;
        if (n == 1 && bytes[0] == '0') return 0L;
        int i = 0;
        boolean negative = false;
        if (bytes[0] == '-') {
            negative = true;
            i = 1;
            if (n == 1) return null;
        }
        if (bytes[i] < '1' || bytes[i] > '9') return null;
        long value = 0;
        for (; i < n; i++) {
            int digit = bytes[i] - '0';
            if (digit < 0 || digit > 9) return null;
            // Accumulate negatively so Long.MIN_VALUE parses without overflow.
            if (value < (Long.MIN_VALUE + digit) / 10) return null;
            value = value * 10 - digit;
        }
        if (!negative) {
            if (value == Long.MIN_VALUE) return null;
            return -value;
        }
        return value;
    }
}
