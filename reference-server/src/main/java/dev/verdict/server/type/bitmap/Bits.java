package dev.verdict.server.type.bitmap;

/**
 * Bit arithmetic on byte arrays as bitops.c does it: bit 0 is the most significant bit of byte 0;
 * fields are read and written most significant bit first.
 */
final class Bits {

    private Bits() {
    }

    static long popcount(byte[] s, int start, int count) {
        long total = 0;
        for (int i = start; i < start + count; i++) total += Integer.bitCount(s[i] & 0xff);
        return total;
    }

    /**
     * redisBitpos: the first bit equal to {@code bit} in {@code count} bytes from {@code start};
     * when none, -1 for a set bit and {@code count * 8} (the first bit after) for a clear one.
     */
    static long bitpos(byte[] s, int start, int count, int bit) {
        int skip = bit == 1 ? 0 : 0xff;
        for (int i = 0; i < count; i++) {
            int b = s[start + i] & 0xff;
            if (b != skip) {
                for (int j = 0; j < 8; j++) {
                    int v = (b >> (7 - j)) & 1;
                    if (v == bit) return (long) i * 8 + j;
                }
            }
        }
        return bit == 1 ? -1 : (long) count * 8;
    }

    static int getBit(byte[] s, long offset) {
        long index = offset >> 3;
        if (index >= s.length) return 0;
        return (s[(int) index] >> (7 - (int) (offset & 7))) & 1;
    }

    static long getUnsigned(byte[] p, long offset, int bits) {
        long value = 0;
        for (int j = 0; j < bits; j++, offset++) {
            int byteval = p[(int) (offset >> 3)] & 0xff;
            int bitval = (byteval >> (7 - (int) (offset & 7))) & 1;
            value = (value << 1) | bitval;
        }
        return value;
    }

    static long getSigned(byte[] p, long offset, int bits) {
        long value = getUnsigned(p, offset, bits);
        if (bits < 64 && (value & (1L << (bits - 1))) != 0) value |= -1L << bits;
        return value;
    }

    static void set(byte[] p, long offset, int bits, long value) {
        for (int j = 0; j < bits; j++, offset++) {
            int bitval = (value & (1L << (bits - 1 - j))) != 0 ? 1 : 0;
            int index = (int) (offset >> 3);
            int bit = 7 - (int) (offset & 7);
            int byteval = p[index] & 0xff;
            byteval &= ~(1 << bit);
            byteval |= bitval << bit;
            p[index] = (byte) byteval;
        }
    }
}
