package dev.verdict.server.type.geo;

/**
 * Redis's geohash (geohash.c): longitude and latitude scaled to 26-bit integers each and
 * interleaved, latitude in the even bits and longitude in the odd ones; at step 26 the 52 bits
 * are the sorted-set score. The latitude range is Web Mercator's ±85.05112878.
 */
public final class GeoHash {

    public static final double LAT_MIN = -85.05112878;
    public static final double LAT_MAX = 85.05112878;
    public static final double LONG_MIN = -180;
    public static final double LONG_MAX = 180;
    public static final int STEP_MAX = 26;

    /** A cell: its interleaved bits at a precision of {@code step} bits per axis. */
    public record Bits(long bits, int step) {
        public static final Bits ZERO = new Bits(0, 0);

        boolean isZero() {
            return bits == 0 && step == 0;
        }
    }

    /** A cell's extent. */
    public record Area(double longMin, double longMax, double latMin, double latMax) {
    }

    private GeoHash() {
    }

    /** geohashEncode over the given ranges; null when outside them or the WGS84 limits. */
    public static Bits encode(double longMin, double longMax, double latMin, double latMax,
                              double longitude, double latitude, int step) {
        if (longitude > 180 || longitude < -180 || latitude > LAT_MAX || latitude < LAT_MIN) return null;
        if (latitude < latMin || latitude > latMax || longitude < longMin || longitude > longMax) return null;
        double latOffset = (latitude - latMin) / (latMax - latMin);
        double longOffset = (longitude - longMin) / (longMax - longMin);
        latOffset *= (double) (1L << step);
        longOffset *= (double) (1L << step);
        return new Bits(interleave(toUint32(latOffset), toUint32(longOffset)), step);
    }

    public static Bits encodeWgs84(double longitude, double latitude, int step) {
        return encode(LONG_MIN, LONG_MAX, LAT_MIN, LAT_MAX, longitude, latitude, step);
    }

    /** C's conversion of a non-negative double to uint32_t (truncation). */
    private static long toUint32(double d) {
        return ((long) d) & 0xffffffffL;
    }

    /**
     * C's conversion of a double to uint64_t as x86-64 compiles it (decodeGeohash's cast of any sorted-set score):
     * from 2^63 up the value is converted less 2^63 and the top bit set back; what the signed conversion cannot
     * hold (beyond the range, infinities) becomes 0x8000000000000000 first, so a score of inf or 1e308 decodes as
     * cell 0, where Java's saturating cast would give cell 2^63-1.
     */
    static long toUint64(double d) {
        if (d < 0x1p63) {
            return toInt64(d);
        }
        return toInt64(d - 0x1p63) ^ Long.MIN_VALUE;
    }

    /** cvttsd2si: truncation, or 0x8000000000000000 for what a long cannot hold. */
    private static long toInt64(double d) {
        return d >= -0x1p63 && d < 0x1p63 ? (long) d : Long.MIN_VALUE;
    }

    /** geohashDecode over the WGS84 ranges. */
    public static Area decode(Bits hash) {
        long sep = deinterleave(hash.bits());
        long ilato = sep & 0xffffffffL;
        long ilono = sep >>> 32;
        double latScale = LAT_MAX - LAT_MIN;
        double longScale = LONG_MAX - LONG_MIN;
        double cells = (double) (1L << hash.step());
        return new Area(
                LONG_MIN + (ilono * 1.0 / cells) * longScale,
                LONG_MIN + ((ilono + 1) * 1.0 / cells) * longScale,
                LAT_MIN + (ilato * 1.0 / cells) * latScale,
                LAT_MIN + ((ilato + 1) * 1.0 / cells) * latScale);
    }

    /** The cell centre of a 52-bit score, clamped to the valid range: {longitude, latitude}. */
    public static double[] decodeScore(double score) {
        Area a = decode(new Bits(toUint64(score), STEP_MAX));
        double x = (a.longMin() + a.longMax()) / 2;
        double y = (a.latMin() + a.latMax()) / 2;
        x = Math.max(LONG_MIN, Math.min(LONG_MAX, x));
        y = Math.max(LAT_MIN, Math.min(LAT_MAX, y));
        return new double[] {x, y};
    }

    /** The 52-bit score range start of a cell (geohashAlign52Bits). */
    public static long align52(Bits hash) {
        return hash.bits() << (52 - hash.step() * 2);
    }

    static long interleave(long xlo, long ylo) {
        long x = spread(xlo);
        long y = spread(ylo);
        return x | (y << 1);
    }

    private static long spread(long v) {
        v = (v | (v << 16)) & 0x0000FFFF0000FFFFL;
        v = (v | (v << 8)) & 0x00FF00FF00FF00FFL;
        v = (v | (v << 4)) & 0x0F0F0F0F0F0F0F0FL;
        v = (v | (v << 2)) & 0x3333333333333333L;
        v = (v | (v << 1)) & 0x5555555555555555L;
        return v;
    }

    /** Even bits to the low 32, odd bits to the high 32. */
    static long deinterleave(long interleaved) {
        long x = compact(interleaved);
        long y = compact(interleaved >>> 1);
        return x | (y << 32);
    }

    private static long compact(long v) {
        v &= 0x5555555555555555L;
        v = (v | (v >>> 1)) & 0x3333333333333333L;
        v = (v | (v >>> 2)) & 0x0F0F0F0F0F0F0F0FL;
        v = (v | (v >>> 4)) & 0x00FF00FF00FF00FFL;
        v = (v | (v >>> 8)) & 0x0000FFFF0000FFFFL;
        v = (v | (v >>> 16)) & 0x00000000FFFFFFFFL;
        return v;
    }

    /** The cell moved east (+1) or west (-1): longitude lives in the odd bits. */
    static Bits moveX(Bits hash, int d) {
        if (d == 0) return hash;
        long x = hash.bits() & 0xaaaaaaaaaaaaaaaaL;
        long y = hash.bits() & 0x5555555555555555L;
        long zz = 0x5555555555555555L >>> (64 - hash.step() * 2);
        if (d > 0) {
            x = x + (zz + 1);
        } else {
            x = x | zz;
            x = x - (zz + 1);
        }
        x &= (0xaaaaaaaaaaaaaaaaL >>> (64 - hash.step() * 2));
        return new Bits(x | y, hash.step());
    }

    /** The cell moved north (+1) or south (-1): latitude lives in the even bits. */
    static Bits moveY(Bits hash, int d) {
        if (d == 0) return hash;
        long x = hash.bits() & 0xaaaaaaaaaaaaaaaaL;
        long y = hash.bits() & 0x5555555555555555L;
        long zz = 0xaaaaaaaaaaaaaaaaL >>> (64 - hash.step() * 2);
        if (d > 0) {
            y = y + (zz + 1);
        } else {
            y = y | zz;
            y = y - (zz + 1);
        }
        y &= (0x5555555555555555L >>> (64 - hash.step() * 2));
        return new Bits(x | y, hash.step());
    }

    /** The standard 11-character geohash (GEOHASH): re-encoded over latitude ±90. */
    public static String toBase32(double score) {
        final String alphabet = "0123456789bcdefghjkmnpqrstuvwxyz";
        double[] xy = decodeScore(score);
        Bits hash = encode(-180, 180, -90, 90, xy[0], xy[1], STEP_MAX);
        long bits = hash == null ? 0 : hash.bits();
        StringBuilder out = new StringBuilder(11);
        for (int i = 0; i < 11; i++) {
            int idx = i == 10 ? 0 : (int) ((bits >>> (52 - ((i + 1) * 5))) & 0x1f);
            out.append(alphabet.charAt(idx));
        }
        return out.toString();
    }
}
