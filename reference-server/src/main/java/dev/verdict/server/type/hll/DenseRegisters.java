package dev.verdict.server.type.hll;

/**
 * The dense representation: 16384 six-bit registers packed little-endian-bitwise after the
 * header, register i starting at bit 6*i (Redis's HLL_DENSE_GET/SET_REGISTER).
 */
final class DenseRegisters {

    private DenseRegisters() {
    }

    static int get(byte[] hll, int index) {
        int bit = index * HyperLogLog.BITS;
        int b = HyperLogLog.HEADER_SIZE + (bit >>> 3);
        int fb = bit & 7;
        int b0 = hll[b] & 0xff;
        int b1 = b + 1 < hll.length ? hll[b + 1] & 0xff : 0;
        return ((b0 >>> fb) | (b1 << (8 - fb))) & HyperLogLog.REGISTER_MAX;
    }

    static void set(byte[] hll, int index, int value) {
        int bit = index * HyperLogLog.BITS;
        int b = HyperLogLog.HEADER_SIZE + (bit >>> 3);
        int fb = bit & 7;
        hll[b] = (byte) ((hll[b] & ~(HyperLogLog.REGISTER_MAX << fb)) | (value << fb));
        if (b + 1 < hll.length) {
            int high = 8 - fb;
            hll[b + 1] = (byte) ((hll[b + 1] & ~(HyperLogLog.REGISTER_MAX >>> high)) | (value >>> high));
        }
    }

    /** Raises register {@code index} to {@code count}; true when it changed. */
    static boolean raise(byte[] hll, int index, int count) {
        if (count <= get(hll, index)) return false;
        set(hll, index, count);
        return true;
    }

    static void histogram(byte[] hll, int[] histo) {
        for (int i = 0; i < HyperLogLog.REGISTERS; i++) histo[get(hll, i)]++;
    }

    static void mergeInto(byte[] hll, byte[] max) {
        for (int i = 0; i < HyperLogLog.REGISTERS; i++) {
            int v = get(hll, i);
            if (v > max[i]) max[i] = (byte) v;
        }
    }
}
