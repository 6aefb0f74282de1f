package dev.verdict.server.type.bitmap;

/**
 * BITFIELD's OVERFLOW behaviours and the range checks of bitops.c
 * (checkUnsignedBitfieldOverflow, checkSignedBitfieldOverflow), with their exact wrap-around.
 */
enum Overflow {
    WRAP, SAT, FAIL;

    /** The value to store, or null when FAIL refuses an overflowing result. */
    Long unsigned(long value, long incr, int bits) {
        long max = (1L << bits) - 1;
        long maxIncr = max - value;
        long minIncr = -value;
        if (Long.compareUnsigned(value, max) > 0 || (incr > 0 && incr > maxIncr)) {
            return limit((value + incr) & max, max);
        }
        if (incr < 0 && incr < minIncr) {
            return limit((value + incr) & max, 0);
        }
        return value + incr;
    }

    Long signed(long value, long incr, int bits) {
        long max = bits == 64 ? Long.MAX_VALUE : (1L << (bits - 1)) - 1;
        long min = -max - 1;
        long maxIncr = max - value;
        long minIncr = min - value;
        if (value > max || (bits != 64 && incr > maxIncr) || (value >= 0 && incr > 0 && incr > maxIncr)) {
            return limit(wrapSigned(value, incr, bits), max);
        }
        if (value < min || (bits != 64 && incr < minIncr) || (value < 0 && incr < 0 && incr < minIncr)) {
            return limit(wrapSigned(value, incr, bits), min);
        }
        return value + incr;
    }

    /** What an overflowing operation stores: the wrapped value, the saturated limit, or nothing. */
    private Long limit(long wrapped, long saturated) {
        if (this == WRAP) return wrapped;
        if (this == SAT) return saturated;
        return null;
    }

    private static long wrapSigned(long value, long incr, int bits) {
        long c = value + incr;
        if (bits < 64) {
            long mask = -1L << bits;
            if ((c & (1L << (bits - 1))) != 0) c |= mask;
            else c &= ~mask;
        }
        return c;
    }
}
