package dev.verdict.server.resp;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** C's {@code printf("%.17g")}, which Redis uses for doubles in replies (addReplyDouble). */
public final class DoubleFormat {

    private DoubleFormat() {
    }

    public static String g17(double d) {
        return g(d, 17);
    }

    /**
     * {@code %.<digits>f}: the exact binary value rounded half-even (as glibc does), {@code inf}
     * and {@code nan} spelled the C way, and the sign kept when a negative value rounds to zero.
     */
    public static String fixed(double d, int digits) {
        if (Double.isNaN(d)) return "nan";
        if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
        String text = new BigDecimal(d).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
        boolean negative = d < 0 || (d == 0 && 1 / d < 0);
        return negative && !text.startsWith("-") ? "-" + text : text;
    }

    /** {@code %.<precision>g}: shortest of fixed or exponent form, trailing zeros removed. */
    public static String g(double d, int precision) {
        if (Double.isNaN(d)) return "nan";
        if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
        if (d == 0) return (1 / d < 0) ? "-0" : "0";
        BigDecimal exact = new BigDecimal(d);
        BigDecimal rounded = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent < -4 || exponent >= precision) {
            BigDecimal mantissa = rounded.movePointLeft(exponent);
            String m = stripZeros(mantissa.toPlainString());
            String sign = exponent < 0 ? "-" : "+";
            int abs = Math.abs(exponent);
            return m + "e" + sign + (abs < 10 ? "0" + abs : Integer.toString(abs));
        }
        return stripZeros(rounded.toPlainString());
    }

    private static String stripZeros(String s) {
        if (s.indexOf('.') < 0) return s;
        int end = s.length();
        while (s.charAt(end - 1) == '0') end--;
        if (s.charAt(end - 1) == '.') end--;
        return s.substring(0, end);
    }
}
