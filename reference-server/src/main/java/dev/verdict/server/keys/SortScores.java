package dev.verdict.server.keys;

import java.nio.charset.StandardCharsets;

/** SORT's numeric reading of a value: C's strtod on the whole string, refusing NaN and out-of-range values. */
final class SortScores {

    private SortScores() {
    }

    /** The score, or null where Redis reports "One or more scores can't be converted into double". */
    static Double strtod(byte[] bytes) {
        String s = new String(bytes, StandardCharsets.ISO_8859_1);
        int i = 0;
        while (i < s.length() && isSpace(s.charAt(i))) i++;
        String t = s.substring(i);
        if (t.isEmpty()) return s.isEmpty() ? 0.0 : null;
        String unsigned = t.startsWith("+") || t.startsWith("-") ? t.substring(1) : t;
        boolean negative = t.startsWith("-");
        if (unsigned.equalsIgnoreCase("inf") || unsigned.equalsIgnoreCase("infinity")) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (unsigned.isEmpty() || !(Character.isDigit(unsigned.charAt(0)) || unsigned.charAt(0) == '.')) return null;
        for (int j = 0; j < unsigned.length(); j++) {
            char c = unsigned.charAt(j);
            if (!(Character.isDigit(c) || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-')) return null;
        }
        double d;
        try {
            d = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return null;
        }
        if (Double.isInfinite(d)) return null;
        if (d == 0 && hasNonZeroDigitBeforeExponent(unsigned)) return null;
        return d;
    }

    private static boolean hasNonZeroDigitBeforeExponent(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 'e' || c == 'E') return false;
            if (c >= '1' && c <= '9') return true;
        }
        return false;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b;
    }
}
