package dev.verdict.server.type.common;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/**
 * Long-double arithmetic as HINCRBYFLOAT sees it (string2ld, then ld2string with LD_STR_HUMAN:
 * %.17Lf, trailing zeros removed). Exact decimals stand in for the x87 long double, which
 * agrees with Redis for the decimal inputs people write.
 */
public final class Decimals {

    /** The parse failed (Redis: "not a valid float"). */
    public static final BigDecimal INVALID = new BigDecimal("-0.123456789e-99");
    /** The argument was an infinity (Redis: "NaN or Infinity"). */
    public static final BigDecimal INFINITE = new BigDecimal("-0.987654321e-99");

    private Decimals() {
    }

    /** string2ld: no leading space, no NaN; infinities come back as {@link #INFINITE}. */
    public static BigDecimal parse(byte[] bytes) {
        if (bytes.length == 0 || bytes.length > 5000 || Character.isWhitespace(bytes[0])) return INVALID;
        String s = new String(bytes, StandardCharsets.US_ASCII);
        if (Character.isWhitespace(s.charAt(s.length() - 1))) return INVALID;
        String lower = s.toLowerCase(java.util.Locale.ROOT);
        String unsigned = lower.startsWith("-") || lower.startsWith("+") ? lower.substring(1) : lower;
        if (unsigned.equals("inf") || unsigned.equals("infinity")) return INFINITE;
        if (unsigned.startsWith("nan")) return INVALID;
        if (unsigned.startsWith("0x")) {
            try {
                double d = Double.parseDouble(lower + (lower.contains("p") ? "" : "p0"));
                return toLongDouble(new BigDecimal(d));
            } catch (NumberFormatException e) {
                return INVALID;
            }
        }
        try {
            return toLongDouble(new BigDecimal(s.startsWith("+") ? s.substring(1) : s));
        } catch (NumberFormatException e) {
            try {
                double d = Double.parseDouble(s);
                if (Double.isNaN(d)) return INVALID;
                if (Double.isInfinite(d)) return INFINITE;
                return new BigDecimal(d);
            } catch (NumberFormatException e2) {
                return INVALID;
            }
        }
    }

    /** True when the value leaves long double's range (Redis: "would produce NaN or Infinity"). */
    public static boolean overflows(BigDecimal v) {
        return v.abs().compareTo(new BigDecimal("1.18973149535723176502e4932")) > 0;
    }

    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final BigDecimal TWO_63 = TWO.pow(63);
    private static final BigDecimal TWO_64 = TWO.pow(64);

    /** Rounds to the x87 long double's 64-bit mantissa (round half even), as strtold and addition do. */
    public static BigDecimal toLongDouble(BigDecimal v) {
        if (v.signum() == 0) return BigDecimal.ZERO;
        BigDecimal abs = v.abs();
        if (abs.compareTo(TWO_64) >= 0) {
            BigDecimal r = roundLarge(abs);
            return v.signum() < 0 ? r.negate() : r;
        }
        double approx = abs.doubleValue();
        int e = Double.isInfinite(approx) ? 1023 : approx == 0 ? -1074 : Math.getExponent(approx);
        int shift = 63 - e;
        BigDecimal scaled = shift >= 0 ? abs.multiply(TWO.pow(shift)) : abs.divide(TWO.pow(-shift));
        while (scaled.compareTo(TWO_64) >= 0) {
            scaled = scaled.divide(TWO);
            shift--;
        }
        while (scaled.compareTo(TWO_63) < 0) {
            scaled = scaled.multiply(TWO);
            shift++;
        }
        BigDecimal mantissa = scaled.setScale(0, RoundingMode.HALF_EVEN);
        BigDecimal r = shift >= 0 ? mantissa.divide(TWO.pow(shift)) : mantissa.multiply(TWO.pow(-shift));
        return v.signum() < 0 ? r.negate() : r;
    }

    /**
     * {@link #toLongDouble} for {@code abs >= 2^64}, on the integer part's bits: dividing by a large power of two
     * as a decimal (1e308 / 2^960) took milliseconds a call. The fraction only breaks an exact tie upwards.
     */
    private static BigDecimal roundLarge(BigDecimal abs) {
        BigInteger whole = abs.toBigInteger();
        int dropped = whole.bitLength() - 64;
        BigInteger mantissa = whole.shiftRight(dropped);
        int vsHalf = whole.subtract(mantissa.shiftLeft(dropped)).compareTo(BigInteger.ONE.shiftLeft(dropped - 1));
        boolean fraction = abs.compareTo(new BigDecimal(whole)) != 0;
        if (vsHalf > 0 || (vsHalf == 0 && (fraction || mantissa.testBit(0)))) {
            mantissa = mantissa.add(BigInteger.ONE);
        }
        return new BigDecimal(mantissa.shiftLeft(dropped));
    }

    /** ld2string(LD_STR_HUMAN). */
    public static byte[] format(BigDecimal v) {
        BigDecimal r = v.setScale(17, RoundingMode.HALF_EVEN).stripTrailingZeros();
        String s = r.signum() == 0 ? "0" : r.toPlainString();
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
