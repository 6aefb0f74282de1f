package dev.verdict.server.type.zset;

import java.nio.charset.StandardCharsets;

/** Scores as Redis reads (strtod) and stores (d2string) them. */
public final class Scores {

    private Scores() {
    }

    /** strtod over the whole argument, no leading space, NaN refused: null when invalid. */
    public static Double parse(byte[] bytes) {
        if (bytes.length == 0 || bytes.length > 400) return null;
        String s = new String(bytes, StandardCharsets.ISO_8859_1);
        if (Character.isWhitespace(s.charAt(0)) || Character.isWhitespace(s.charAt(s.length() - 1))) return null;
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

    /** d2string: integers in plain decimal (within 2^52), %.17g otherwise. */
    public static byte[] toBytes(double value) {
        String s;
        if (Double.isNaN(value)) s = "nan";
        else if (Double.isInfinite(value)) s = value > 0 ? "inf" : "-inf";
        else if (value == 0) s = (1 / value < 0) ? "-0" : "0";
        else if (value > -4503599627370495.0 && value < 4503599627370496.0 && value == (double) (long) value) {
            s = Long.toString((long) value);
        } else {
            s = dev.verdict.server.resp.DoubleFormat.g17(value);
        }
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** Reads back a score stored as a listpack string (zzlStrtod). */
    static double fromStored(byte[] stored) {
        Double d = parse(stored);
        return d == null ? 0 : d;
    }
}
