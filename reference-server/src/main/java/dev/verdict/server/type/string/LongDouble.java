package dev.verdict.server.type.string;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/**
 * INCRBYFLOAT's arithmetic as Redis does it on x86-64: values are C {@code long double}s (a
 * 64-bit binary mantissa), parsed with strtold, added with one rounding, and printed with
 * {@code %.17Lf} minus trailing zeros. Emulated exactly with BigDecimal: every value is kept as
 * the exact decimal expansion of the binary number it stands for.
 */
final class LongDouble {

    private static final int MANTISSA_BITS = 64;
    /** Beyond this, strtold overflows (LDBL_MAX is about 1.19e4932). */
    private static final BigDecimal MAX = new BigDecimal("1.18973149535723176502e4932");
    /** MAX_LONG_DOUBLE_CHARS: longer inputs are rejected before parsing. */
    private static final int MAX_CHARS = 5 * 1024;

    private LongDouble() {
    }

    /** string2ld: the exact value of the long double the text parses to, or null when invalid. */
    static BigDecimal parse(byte[] text) {
        if (text.length == 0 || text.length >= MAX_CHARS) return null;
        String s = new String(text, StandardCharsets.ISO_8859_1);
        if (Character.isWhitespace(s.charAt(0))) return null;
        BigDecimal exact;
        try {
            exact = isHex(s) ? parseHex(s) : new BigDecimal(s);
        } catch (NumberFormatException | ArithmeticException e) {
            return isInfinity(s) ? INFINITY : null;
        }
        if (exact.signum() == 0) return BigDecimal.ZERO;
        BigDecimal rounded = round(exact);
        if (rounded.abs().compareTo(MAX) > 0) return null;
        return rounded;
    }

    private static boolean isHex(String s) {
        int i = s.startsWith("+") || s.startsWith("-") ? 1 : 0;
        return s.regionMatches(true, i, "0x", 0, 2);
    }

    /** strtold's hexadecimal form: {@code [sign]0x hex[.hex][p[sign]dec]}, exactly. */
    private static BigDecimal parseHex(String s) {
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("([+-]?)0[xX]([0-9a-fA-F]*)(?:\\.([0-9a-fA-F]*))?(?:[pP]([+-]?[0-9]+))?").matcher(s);
        if (!m.matches()) throw new NumberFormatException(s);
        String whole = m.group(2), fraction = m.group(3) == null ? "" : m.group(3);
        if (whole.isEmpty() && fraction.isEmpty()) throw new NumberFormatException(s);
        BigInteger mantissa = new BigInteger(whole + fraction, 16);
        long exponent = (m.group(4) == null ? 0 : Long.parseLong(m.group(4))) - 4L * fraction.length();
        if (Math.abs(exponent) > 20_000) throw new NumberFormatException(s);
        BigDecimal value = new BigDecimal(mantissa);
        value = exponent >= 0 ? value.multiply(new BigDecimal(BigInteger.TWO.pow((int) exponent)))
                : value.divide(new BigDecimal(BigInteger.TWO.pow((int) -exponent)));
        return m.group(1).equals("-") ? value.negate() : value;
    }

    /** A marker for ±inf, which strtold accepts but any result with it is refused. */
    static final BigDecimal INFINITY = new BigDecimal("1e999999");

    private static boolean isInfinity(String s) {
        String t = s.startsWith("+") || s.startsWith("-") ? s.substring(1) : s;
        return t.equalsIgnoreCase("inf") || t.equalsIgnoreCase("infinity");
    }

    /** The sum rounded to a long double, or null when it is infinite. */
    static BigDecimal add(BigDecimal a, BigDecimal b) {
        if (a == INFINITY || b == INFINITY) return null;
        BigDecimal sum = a.add(b);
        if (sum.signum() == 0) return BigDecimal.ZERO;
        BigDecimal rounded = round(sum);
        return rounded.abs().compareTo(MAX) > 0 ? null : rounded;
    }

    /** ld2string in LD_STR_HUMAN mode: {@code %.17Lf}, trailing zeros and dot removed, no "-0". */
    static byte[] format(BigDecimal value) {
        String s = value.setScale(17, RoundingMode.HALF_EVEN).toPlainString();
        int end = s.length();
        while (s.charAt(end - 1) == '0') end--;
        if (s.charAt(end - 1) == '.') end--;
        s = s.substring(0, end);
        if (s.equals("-0")) s = "0";
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** Rounds an exact decimal to the nearest value with a 64-bit binary mantissa (ties to even). */
    static BigDecimal round(BigDecimal x) {
        BigInteger unscaled = x.unscaledValue().abs();
        int scale = x.scale();
        BigInteger numerator = scale <= 0 ? unscaled.multiply(BigInteger.TEN.pow(-scale)) : unscaled;
        BigInteger denominator = scale <= 0 ? BigInteger.ONE : BigInteger.TEN.pow(scale);
        // Find shift so that numerator * 2^shift / denominator has exactly 64 integer bits.
        int shift = MANTISSA_BITS - (numerator.bitLength() - denominator.bitLength());
        BigInteger[] qr;
        while (true) {
            BigInteger n = shift >= 0 ? numerator.shiftLeft(shift) : numerator;
            BigInteger d = shift >= 0 ? denominator : denominator.shiftLeft(-shift);
            qr = n.divideAndRemainder(d);
            int bits = qr[0].bitLength();
            if (bits > MANTISSA_BITS) {
                shift--;
            } else if (bits < MANTISSA_BITS) {
                shift++;
            } else {
                BigInteger twiceRemainder = qr[1].shiftLeft(1);
                int cmp = twiceRemainder.compareTo(d);
                BigInteger mantissa = qr[0];
                if (cmp > 0 || (cmp == 0 && mantissa.testBit(0))) mantissa = mantissa.add(BigInteger.ONE);
                BigDecimal m = new BigDecimal(mantissa);
                BigDecimal result = shift >= 0
                        ? m.divide(new BigDecimal(BigInteger.ONE.shiftLeft(shift)))
                        : m.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(-shift)));
                return x.signum() < 0 ? result.negate() : result;
            }
        }
    }
}
