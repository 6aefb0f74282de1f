package dev.verdict.server.type.hll;

import java.util.Arrays;

/**
 * The sparse representation: a run-length sequence of opcodes after the header, exactly Redis's
 * ZERO ({@code 00xxxxxx}, 1-64 zero registers), XZERO ({@code 01xxxxxx yyyyyyyy}, 1-16384 zero
 * registers) and VAL ({@code 1vvvvvxx}, 1-4 registers of value 1-32). Updates edit the sequence in
 * place the way hllSparseSet does, so the bytes match Redis's after the same inserts.
 */
final class SparseRegisters {

    static final int VAL_MAX_VALUE = 32;
    static final int VAL_MAX_LEN = 4;
    static final int ZERO_MAX_LEN = 64;
    static final int XZERO_MAX_LEN = 16384;

    /** The outcome of {@link #set}: the new bytes, or a request to promote to dense. */
    record Update(byte[] hll, boolean changed, boolean promote) {
    }

    private SparseRegisters() {
    }

    static boolean isZero(int op) {
        return (op & 0xc0) == 0;
    }

    static boolean isXzero(int op) {
        return (op & 0xc0) == 0x40;
    }

    static boolean isVal(int op) {
        return (op & 0x80) != 0;
    }

    static int zeroLen(int op) {
        return (op & 0x3f) + 1;
    }

    static int xzeroLen(int op, int next) {
        return (((op & 0x3f) << 8) | next) + 1;
    }

    static int valValue(int op) {
        return ((op >>> 2) & 0x1f) + 1;
    }

    static int valLen(int op) {
        return (op & 0x3) + 1;
    }

    static byte val(int value, int len) {
        return (byte) (0x80 | ((value - 1) << 2) | (len - 1));
    }

    /** An empty sparse HLL: the header and XZERO opcodes covering every register. */
    static byte[] empty() {
        int ops = (HyperLogLog.REGISTERS + XZERO_MAX_LEN - 1) / XZERO_MAX_LEN;
        byte[] hll = new byte[HyperLogLog.HEADER_SIZE + ops * 2];
        HyperLogLog.writeHeader(hll, HyperLogLog.SPARSE);
        int p = HyperLogLog.HEADER_SIZE;
        for (int left = HyperLogLog.REGISTERS; left > 0; left -= XZERO_MAX_LEN) {
            p = putZeros(hll, p, Math.min(left, XZERO_MAX_LEN));
        }
        return hll;
    }

    /** Writes a ZERO or XZERO run at {@code p}; returns the position after it. */
    private static int putZeros(byte[] out, int p, int len) {
        if (len > ZERO_MAX_LEN) {
            int l = len - 1;
            out[p] = (byte) ((l >>> 8) | 0x40);
            out[p + 1] = (byte) l;
            return p + 2;
        }
        out[p] = (byte) (len - 1);
        return p + 1;
    }

    /**
     * Raises register {@code index} to {@code count} (hllSparseSet), editing {@code hll} in place
     * when the opcode sequence keeps its length. Returns the updated bytes,
     * whether a register changed, or that the HLL must be promoted to dense first (a value above
     * 32, or growth beyond {@code maxBytes}); null when the encoding is corrupt.
     */
    static Update set(byte[] hll, int index, int count, int maxBytes) {
        if (count > VAL_MAX_VALUE) return new Update(hll, false, true);
        int end = hll.length;
        int p = HyperLogLog.HEADER_SIZE;
        int first = 0;
        int prev = -1;
        int span = 0;
        while (p < end) {
            int op = hll[p] & 0xff;
            int oplen = 1;
            if (isZero(op)) {
                span = zeroLen(op);
            } else if (isVal(op)) {
                span = valLen(op);
            } else {
                if (p + 1 >= end) return null;
                span = xzeroLen(op, hll[p + 1] & 0xff);
                oplen = 2;
            }
            if (index <= first + span - 1) break;
            prev = p;
            p += oplen;
            first += span;
        }
        if (span == 0 || p >= end) return null;

        int op = hll[p] & 0xff;
        boolean zero = isZero(op);
        boolean xzero = isXzero(op);
        boolean isVal = isVal(op);
        int runlen = zero ? zeroLen(op) : xzero ? xzeroLen(op, hll[p + 1] & 0xff) : valLen(op);

        byte[] out = hll;
        if (isVal) {
            if (valValue(op) >= count) return new Update(hll, false, false);
            if (runlen == 1) {
                out[p] = val(count, 1);
                return new Update(mergeAdjacent(out, prev), true, false);
            }
        }
        if (zero && runlen == 1) {
            out[p] = val(count, 1);
            return new Update(mergeAdjacent(out, prev), true, false);
        }

        // General case: split the opcode into up to three (XZERO-VAL-XZERO is the longest).
        byte[] seq = new byte[5];
        int n = 0;
        int last = first + span - 1;
        if (zero || xzero) {
            if (index != first) n = putZeros(seq, n, index - first);
            seq[n++] = val(count, 1);
            if (index != last) n = putZeros(seq, n, last - index);
        } else {
            int current = valValue(op);
            if (index != first) seq[n++] = val(current, index - first);
            seq[n++] = val(count, 1);
            if (index != last) seq[n++] = val(current, last - index);
        }
        int oldLen = xzero ? 2 : 1;
        int delta = n - oldLen;
        if (delta > 0 && hll.length + delta > maxBytes) return new Update(hll, false, true);
        out = new byte[hll.length + delta];
        System.arraycopy(hll, 0, out, 0, p);
        System.arraycopy(seq, 0, out, p, n);
        System.arraycopy(hll, p + oldLen, out, p + n, hll.length - p - oldLen);
        return new Update(mergeAdjacent(out, prev), true, false);
    }

    /** Merges adjacent VAL opcodes of equal value, scanning up to five opcodes from {@code prev}. */
    private static byte[] mergeAdjacent(byte[] hll, int prev) {
        int end = hll.length;
        int p = prev >= 0 ? prev : HyperLogLog.HEADER_SIZE;
        int scan = 5;
        while (p < end && scan-- > 0) {
            int op = hll[p] & 0xff;
            if (isXzero(op)) {
                p += 2;
                continue;
            }
            if (isZero(op)) {
                p++;
                continue;
            }
            if (p + 1 < end && isVal(hll[p + 1] & 0xff)) {
                int next = hll[p + 1] & 0xff;
                if (valValue(op) == valValue(next)) {
                    int len = valLen(op) + valLen(next);
                    if (len <= VAL_MAX_LEN) {
                        hll[p + 1] = val(valValue(op), len);
                        System.arraycopy(hll, p + 1, hll, p, end - p - 1);
                        end--;
                        continue;
                    }
                }
            }
            p++;
        }
        return end == hll.length ? hll : Arrays.copyOf(hll, end);
    }

    /** Adds each run to the histogram; false when the runs do not cover exactly 16384 registers. */
    static boolean histogram(byte[] hll, int[] histo) {
        int idx = 0;
        int p = HyperLogLog.HEADER_SIZE;
        while (p < hll.length) {
            int op = hll[p] & 0xff;
            if (isZero(op)) {
                int run = zeroLen(op);
                idx += run;
                histo[0] += run;
                p++;
            } else if (isXzero(op)) {
                if (p + 1 >= hll.length) return false;
                int run = xzeroLen(op, hll[p + 1] & 0xff);
                idx += run;
                histo[0] += run;
                p += 2;
            } else {
                int run = valLen(op);
                idx += run;
                histo[valValue(op)] += run;
                p++;
            }
        }
        return idx == HyperLogLog.REGISTERS;
    }

    /** max[i] = max(max[i], register i); false when the encoding is corrupt. */
    static boolean mergeInto(byte[] hll, byte[] max) {
        int i = 0;
        int p = HyperLogLog.HEADER_SIZE;
        while (p < hll.length) {
            int op = hll[p] & 0xff;
            if (isZero(op)) {
                i += zeroLen(op);
                p++;
            } else if (isXzero(op)) {
                if (p + 1 >= hll.length) return false;
                i += xzeroLen(op, hll[p + 1] & 0xff);
                p += 2;
            } else {
                int run = valLen(op);
                int value = valValue(op);
                if (run + i > HyperLogLog.REGISTERS) break;
                for (int k = 0; k < run; k++, i++) {
                    if (value > max[i]) max[i] = (byte) value;
                }
                p++;
            }
        }
        return i == HyperLogLog.REGISTERS;
    }

    /** The dense form with the same header (cached cardinality included); null when corrupt. */
    static byte[] toDense(byte[] hll) {
        byte[] dense = new byte[HyperLogLog.DENSE_SIZE];
        System.arraycopy(hll, 0, dense, 0, HyperLogLog.HEADER_SIZE);
        dense[4] = HyperLogLog.DENSE;
        int idx = 0;
        int p = HyperLogLog.HEADER_SIZE;
        while (p < hll.length) {
            int op = hll[p] & 0xff;
            if (isZero(op)) {
                idx += zeroLen(op);
                p++;
            } else if (isXzero(op)) {
                if (p + 1 >= hll.length) return null;
                idx += xzeroLen(op, hll[p + 1] & 0xff);
                p += 2;
            } else {
                int run = valLen(op);
                int value = valValue(op);
                if (idx + run > HyperLogLog.REGISTERS) break;
                while (run-- > 0) DenseRegisters.set(dense, idx++, value);
                p++;
            }
        }
        return idx == HyperLogLog.REGISTERS ? dense : null;
    }

    /** PFDEBUG DECODE's text: {@code z:len}, {@code Z:len}, {@code v:value,len} separated by spaces. */
    static String decode(byte[] hll) {
        StringBuilder out = new StringBuilder();
        int p = HyperLogLog.HEADER_SIZE;
        while (p < hll.length) {
            int op = hll[p] & 0xff;
            if (isZero(op)) {
                out.append("z:").append(zeroLen(op)).append(' ');
                p++;
            } else if (isXzero(op)) {
                int next = p + 1 < hll.length ? hll[p + 1] & 0xff : 0;
                out.append("Z:").append(xzeroLen(op, next)).append(' ');
                p += 2;
            } else {
                out.append("v:").append(valValue(op)).append(',').append(valLen(op)).append(' ');
                p++;
            }
        }
        int len = out.length();
        while (len > 0 && out.charAt(len - 1) == ' ') len--;
        return out.substring(0, len);
    }
}
