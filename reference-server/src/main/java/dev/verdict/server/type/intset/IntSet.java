package dev.verdict.server.type.intset;

import java.util.Arrays;

/**
 * Redis's intset, byte for byte: encoding (2, 4 or 8, u32), length (u32), then the values
 * sorted ascending, little-endian, all of the encoding's width. Adding a value that does not
 * fit the width upgrades every element (intsetUpgradeAndAdd); nothing ever downgrades.
 */
public final class IntSet {

    private static final int HEADER = 8;

    private byte[] buf;
    private int width;
    private int length;

    public IntSet() {
        width = 2;
        buf = new byte[HEADER];
        writeHeader();
    }

    private IntSet(byte[] blob, int width, int length) {
        this.buf = blob;
        this.width = width;
        this.length = length;
    }

    /** Reads an intset blob (RDB, DUMP), validating it as intsetValidateIntegrity does. */
    public static IntSet fromBytes(byte[] blob) {
        if (blob.length < HEADER) throw new IllegalArgumentException("intset too short");
        long enc = u32(blob, 0);
        long len = u32(blob, 4);
        if (enc != 2 && enc != 4 && enc != 8) throw new IllegalArgumentException("bad intset encoding");
        if (HEADER + len * enc != blob.length) throw new IllegalArgumentException("intset length mismatch");
        IntSet set = new IntSet(blob.clone(), (int) enc, (int) len);
        for (int i = 1; i < set.length; i++) {
            if (set.get(i - 1) >= set.get(i)) throw new IllegalArgumentException("intset not sorted");
        }
        return set;
    }

    public byte[] toBytes() {
        return buf.clone();
    }

    public int size() {
        return length;
    }

    /** Width of every element in bytes: 2, 4 or 8. */
    public int encodingWidth() {
        return width;
    }

    /** Blob size in bytes (intsetBlobLen). */
    public int bytes() {
        return buf.length;
    }

    public long get(int index) {
        int at = HEADER + index * width;
        return switch (width) {
            case 2 -> (short) ((buf[at] & 0xff) | (buf[at + 1] & 0xff) << 8);
            case 4 -> (int) u32(buf, at);
            default -> u32(buf, at) | (u32(buf, at + 4) << 32);
        };
    }

    public boolean contains(long value) {
        return widthFor(value) <= width && search(value) >= 0;
    }

    /** Adds the value; false when it was already present. */
    public boolean add(long value) {
        int needed = widthFor(value);
        if (needed > width) {
            upgradeAndAdd(value, needed);
            return true;
        }
        int pos = search(value);
        if (pos >= 0) return false;
        int insertAt = -pos - 1;
        byte[] grown = new byte[buf.length + width];
        System.arraycopy(buf, 0, grown, 0, HEADER + insertAt * width);
        System.arraycopy(buf, HEADER + insertAt * width, grown, HEADER + (insertAt + 1) * width,
                (length - insertAt) * width);
        buf = grown;
        length++;
        set(insertAt, value);
        writeHeader();
        return true;
    }

    public boolean remove(long value) {
        if (widthFor(value) > width) return false;
        int pos = search(value);
        if (pos < 0) return false;
        byte[] shrunk = new byte[buf.length - width];
        System.arraycopy(buf, 0, shrunk, 0, HEADER + pos * width);
        System.arraycopy(buf, HEADER + (pos + 1) * width, shrunk, HEADER + pos * width, (length - pos - 1) * width);
        buf = shrunk;
        length--;
        writeHeader();
        return true;
    }

    public IntSet copy() {
        return new IntSet(buf.clone(), width, length);
    }

    /** Index of value, or -(insertion point) - 1. */
    private int search(long value) {
        int lo = 0;
        int hi = length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long v = get(mid);
            if (v < value) lo = mid + 1;
            else if (v > value) hi = mid - 1;
            else return mid;
        }
        return -(lo + 1);
    }

    private void upgradeAndAdd(long value, int newWidth) {
        long[] values = new long[length];
        for (int i = 0; i < length; i++) values[i] = get(i);
        width = newWidth;
        buf = new byte[HEADER + (length + 1) * width];
        // A value that needs a wider encoding lies beyond every existing one.
        boolean prepend = value < 0;
        for (int i = 0; i < length; i++) set(i + (prepend ? 1 : 0), values[i]);
        set(prepend ? 0 : length, value);
        length++;
        writeHeader();
    }

    private void set(int index, long value) {
        int at = HEADER + index * width;
        for (int i = 0; i < width; i++) buf[at + i] = (byte) (value >>> (8 * i));
    }

    private static int widthFor(long v) {
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) return 8;
        if (v < Short.MIN_VALUE || v > Short.MAX_VALUE) return 4;
        return 2;
    }

    private void writeHeader() {
        for (int i = 0; i < 4; i++) buf[i] = (byte) (width >>> (8 * i));
        for (int i = 0; i < 4; i++) buf[4 + i] = (byte) (length >>> (8 * i));
    }

    private static long u32(byte[] b, int at) {
        return (b[at] & 0xffL) | (b[at + 1] & 0xffL) << 8 | (b[at + 2] & 0xffL) << 16 | (b[at + 3] & 0xffL) << 24;
    }

    @Override
    public String toString() {
        long[] v = new long[length];
        for (int i = 0; i < length; i++) v[i] = get(i);
        return Arrays.toString(v);
    }
}
