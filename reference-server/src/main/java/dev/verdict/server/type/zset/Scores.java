package dev.verdict.server.type.zset;

import java.nio.charset.StandardCharsets;

/** Scores as Redis reads (strtod) and stores (d2string) them. */
public final class Scores {

    private Scores() {
    }

    /**
     * getDoubleFromObject: strtod over the whole argument, no leading space, NaN refused, and an
     * overflow to infinity or an underflow to zero (ERANGE) refused: null when invalid.
     */
    public static Double parse(byte[] bytes) {
        if (bytes.length > 0 && Character.isWhitespace(bytes[0])) return null;
        Double d = parseRange(bytes);
        if (d == null) return null;
        String lower = new String(bytes, StandardCharsets.ISO_8859_1).toLowerCase(java.util.Locale.ROOT);
        if (Double.isInfinite(d) && !lower.contains("inf")) return null;
        if (d == 0 && hasNonZeroMantissa(lower)) return null;
        return d;
    }

    private static boolean hasNonZeroMantissa(String s) {
        boolean hex = s.contains("0x");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!hex && (c == 'e')) break;
            if (hex && c == 'p') break;
            if (c >= '1' && c <= '9') return true;
            if (hex && c >= 'a' && c <= 'f' && i > s.indexOf('x')) return true;
        }
        return false;
    }

    /** zslParseRange's bare strtod: like {@link #parse} but overflow and underflow are accepted. */
    public static Double parseRange(byte[] bytes) {
        if (bytes.length == 0 || bytes.length > 400) return null;
        // strtod skips leading white space (getDoubleFromObject refuses it separately) but not trailing.
        String s = new String(bytes, StandardCharsets.ISO_8859_1).stripLeading();
        if (s.isEmpty() || Character.isWhitespace(s.charAt(s.length() - 1))) return null;
        String lower = s.toLowerCase(java.util.Locale.ROOT);
        int sign = 1;
        String body = lower;
        if (body.startsWith("+") || body.startsWith("-")) {
            if (body.startsWith("-")) sign = -1;
            body = body.substring(1);
        }
        if (body.equals("inf") || body.equals("infinity")) return sign * Double.POSITIVE_INFINITY;
        if (body.isEmpty() || body.startsWith("nan")) return null;
        char c0 = body.charAt(0);
        if (!(Character.isDigit(c0) || c0 == '.')) return null;
        if (body.endsWith("d") || body.endsWith("f")) return null; // Java suffixes strtod refuses
        try {
            double d = body.startsWith("0x") ? Double.parseDouble(body + (body.contains("p") ? "" : "p0"))
                    : Double.parseDouble(body);
            return sign * d;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** d2string: -0 as such, integers in plain decimal (within 2^52), %.17g otherwise. */
    public static byte[] toBytes(double value) {
        String s;
        if (Double.isNaN(value)) s = "nan";
        else if (Double.isInfinite(value)) s = value > 0 ? "inf" : "-inf";
        else if (value == 0) s = 1.0 / value < 0 ? "-0" : "0"; // d2string keeps the sign of zero
        else if (value > -4503599627370495.0 && value < 4503599627370496.0 && value == (double) (long) value) {
            s = Long.toString((long) value);
        } else {
            s = dev.verdict.server.resp.DoubleFormat.g17(value);
        }
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * A score as zzlInsertAt writes it into a listpack: an integral score within +-2^62 (double2ll's range,
     * LLONG_MAX/2 as a double) as an integer, anything else as d2string's text. So 1e17 is stored as the integer
     * 100000000000000000 where d2string would write "1e+17", and ZSCAN of a listpack answers it that way.
     */
    public static byte[] toListpackBytes(double value) {
        if (value >= -0x1p62 && value <= 0x1p62 && value == (double) (long) value) {
            return Long.toString((long) value).getBytes(StandardCharsets.US_ASCII);
        }
        return toBytes(value);
    }

    /** Reads back a score stored as a listpack string (zzlStrtod). */
    static double fromStored(byte[] stored) {
        Double d = parseRange(stored);
        return d == null ? 0 : d;
    }
}
