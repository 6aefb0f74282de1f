package dev.verdict.server.persistence.rdb;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The encodings Redis 7.0 still reads from older files and converts on load: ziplist (lists,
 * hashes, sorted sets before 7.0) and zipmap (hashes before 2.6). Each blob is checked as it is
 * walked; a malformed one is reported, never half-read.
 */
final class LegacyEncodings {

    private LegacyEncodings() {
    }

    /** Every entry of a ziplist as bytes (integers in decimal, as ziplistGet + ll2string give them). */
    static List<byte[]> ziplistEntries(byte[] zl) throws RdbException {
        if (zl.length < 11) throw new RdbException("Ziplist integrity check failed.");
        long total = u32(zl, 0);
        if (total != zl.length || (zl[zl.length - 1] & 0xff) != 0xff) throw new RdbException("Ziplist integrity check failed.");
        List<byte[]> out = new ArrayList<>();
        int p = 10;
        try {
            while ((zl[p] & 0xff) != 0xff) {
                int prev = zl[p] & 0xff;
                p += prev < 254 ? 1 : 5;
                int enc = zl[p] & 0xff;
                int type = enc >> 6;
                if (type == 0) {
                    int len = enc & 0x3f;
                    out.add(slice(zl, p + 1, len));
                    p += 1 + len;
                } else if (type == 1) {
                    int len = ((enc & 0x3f) << 8) | (zl[p + 1] & 0xff);
                    out.add(slice(zl, p + 2, len));
                    p += 2 + len;
                } else if (enc == 0x80) {
                    long len = ((long) (zl[p + 1] & 0xff) << 24) | ((zl[p + 2] & 0xff) << 16) | ((zl[p + 3] & 0xff) << 8)
                            | (zl[p + 4] & 0xff);
                    if (len > zl.length) throw new RdbException("Ziplist integrity check failed.");
                    out.add(slice(zl, p + 5, (int) len));
                    p += 5 + (int) len;
                } else {
                    long v;
                    int size;
                    switch (enc) {
                        case 0xC0 -> { v = (short) le(zl, p + 1, 2); size = 2; }
                        case 0xD0 -> { v = (int) le(zl, p + 1, 4); size = 4; }
                        case 0xE0 -> { v = le(zl, p + 1, 8); size = 8; }
                        case 0xF0 -> { v = ((int) (le(zl, p + 1, 3) << 8)) >> 8; size = 3; }
                        case 0xFE -> { v = zl[p + 1]; size = 1; }
                        default -> {
                            if (enc >= 0xF1 && enc <= 0xFD) {
                                v = (enc & 0x0f) - 1;
                                size = 0;
                            } else {
                                throw new RdbException("Ziplist integrity check failed.");
                            }
                        }
                    }
                    out.add(Long.toString(v).getBytes(StandardCharsets.US_ASCII));
                    p += 1 + size;
                }
                if (p >= zl.length) throw new RdbException("Ziplist integrity check failed.");
            }
        } catch (ArrayIndexOutOfBoundsException | NegativeArraySizeException e) {
            throw new RdbException("Ziplist integrity check failed.");
        }
        if (p != zl.length - 1) throw new RdbException("Ziplist integrity check failed.");
        int declared = (zl[8] & 0xff) | (zl[9] & 0xff) << 8;
        if (declared != 0xffff && declared != out.size()) throw new RdbException("Ziplist integrity check failed.");
        return out;
    }

    /** A zipmap's keys and values interleaved. */
    static List<byte[]> zipmapEntries(byte[] zm) throws RdbException {
        List<byte[]> out = new ArrayList<>();
        int p = 1;
        try {
            while ((zm[p] & 0xff) != 0xff) {
                int[] len = zipmapLen(zm, p);
                p += len[1];
                out.add(slice(zm, p, len[0]));
                p += len[0];
                int[] vlen = zipmapLen(zm, p);
                p += vlen[1];
                int free = zm[p] & 0xff;
                p++;
                out.add(slice(zm, p, vlen[0]));
                p += vlen[0] + free;
            }
        } catch (ArrayIndexOutOfBoundsException | NegativeArraySizeException e) {
            throw new RdbException("Zipmap integrity check failed.");
        }
        if (p != zm.length - 1) throw new RdbException("Zipmap integrity check failed.");
        return out;
    }

    private static int[] zipmapLen(byte[] zm, int p) {
        int b = zm[p] & 0xff;
        if (b < 254) return new int[] {b, 1};
        return new int[] {(int) le(zm, p + 1, 4), 5};
    }

    private static byte[] slice(byte[] b, int from, int len) {
        if (from + len > b.length) throw new ArrayIndexOutOfBoundsException();
        return java.util.Arrays.copyOfRange(b, from, from + len);
    }

    private static long le(byte[] b, int from, int n) {
        long v = 0;
        for (int i = n - 1; i >= 0; i--) v = (v << 8) | (b[from + i] & 0xff);
        return v;
    }

    private static long u32(byte[] b, int from) {
        return le(b, from, 4);
    }
}
