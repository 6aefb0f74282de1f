package dev.verdict.server.type.listpack;

import dev.verdict.server.type.string.Numbers;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Redis 7.0's listpack, byte for byte: a 4-byte total length and a 2-byte element count (both
 * little-endian), the entries, and a 0xFF terminator. Each entry is an encoding byte (with its
 * length or small integer folded in), the data, and a "backlen" that lets iteration walk
 * backwards. Strings that are canonical 64-bit integers are stored as integers, in the smallest
 * of Redis's integer encodings, so the blob here is the blob Redis writes to RDB and DUMP.
 *
 * <p>Entries are addressed by byte offset ({@link #first()}, {@link #next(int)}, ...), as
 * Redis's {@code unsigned char *p}. Mutations move the tail with one array copy, as lpInsert does.
 */
public final class Listpack {

    public static final int HEADER_SIZE = 6;
    private static final int EOF = 0xFF;
    /** lpLength stores this when the count does not fit in 16 bits. */
    private static final int UNKNOWN_COUNT = 65535;

    private byte[] buf;
    private int used;
    private int count;

    public Listpack() {
        buf = new byte[16];
        used = HEADER_SIZE + 1;
        buf[HEADER_SIZE] = (byte) EOF;
        writeHeader();
    }

    private Listpack(byte[] blob, int count) {
        this.buf = blob;
        this.used = blob.length;
        this.count = count;
    }

    /** Reads a listpack blob (from RDB or DUMP), validating its structure; throws on corruption. */
    public static Listpack fromBytes(byte[] blob) {
        if (blob.length < HEADER_SIZE + 1) throw new IllegalArgumentException("listpack too short");
        long total = u32(blob, 0);
        if (total != blob.length) throw new IllegalArgumentException("listpack length mismatch");
        if ((blob[blob.length - 1] & 0xff) != EOF) throw new IllegalArgumentException("listpack without terminator");
        Listpack lp = new Listpack(blob.clone(), 0);
        int n = 0;
        int p = HEADER_SIZE;
        while ((blob[p] & 0xff) != EOF) {
            int len = lp.encodedSize(p);
            int back = backlenSize(len);
            if (p + len + back > blob.length - 1) throw new IllegalArgumentException("listpack entry overflows");
            if (decodeBacklen(blob, p + len + back - 1) != len) throw new IllegalArgumentException("bad backlen");
            p += len + back;
            n++;
        }
        if (p != blob.length - 1) throw new IllegalArgumentException("listpack trailing bytes");
        int declared = (blob[4] & 0xff) | (blob[5] & 0xff) << 8;
        if (declared != UNKNOWN_COUNT && declared != n) throw new IllegalArgumentException("listpack count mismatch");
        lp.count = n;
        return lp;
    }

    /** The exact blob Redis would store. */
    public byte[] toBytes() {
        return Arrays.copyOf(buf, used);
    }

    public int size() {
        return count;
    }

    /** Total bytes of the blob (lpBytes). */
    public int bytes() {
        return used;
    }

    /** Bytes held in memory, including spare capacity. */
    public int allocatedBytes() {
        return buf.length;
    }

    public Listpack copy() {
        Listpack c = new Listpack(Arrays.copyOf(buf, used), count);
        return c;
    }

    // ---- navigation

    /** Offset of the first entry, or -1 when empty. */
    public int first() {
        return count == 0 ? -1 : HEADER_SIZE;
    }

    /** Offset of the last entry, or -1 when empty. */
    public int last() {
        return count == 0 ? -1 : prevOf(used - 1);
    }

    public int next(int p) {
        int q = p + entrySize(p);
        return (buf[q] & 0xff) == EOF ? -1 : q;
    }

    public int prev(int p) {
        return p == HEADER_SIZE ? -1 : prevOf(p);
    }

    private int prevOf(int p) {
        int len = decodeBacklen(buf, p - 1);
        return p - len - backlenSize(len);
    }

    /** Offset of the element at {@code index} (negative counts from the tail), or -1. */
    public int seek(long index) {
        if (index < 0) index += count;
        if (index < 0 || index >= count) return -1;
        if (index < count / 2) {
            int p = first();
            for (long i = 0; i < index; i++) p = next(p);
            return p;
        }
        int p = last();
        for (long i = count - 1; i > index; i--) p = prev(p);
        return p;
    }

    // ---- reading entries

    /** True when the entry at {@code p} is stored with an integer encoding. */
    public boolean isInteger(int p) {
        int b = buf[p] & 0xff;
        return (b & 0x80) == 0 || (b & 0xE0) == 0xC0 || (b >= 0xF1 && b <= 0xF4);
    }

    /** The integer stored at {@code p}; only for {@link #isInteger} entries. */
    public long getLong(int p) {
        int b = buf[p] & 0xff;
        if ((b & 0x80) == 0) return b;
        if ((b & 0xE0) == 0xC0) {
            int v = ((b & 0x1F) << 8) | (buf[p + 1] & 0xff);
            return v >= 4096 ? v - 8192 : v;
        }
        return switch (b) {
            case 0xF1 -> (short) ((buf[p + 1] & 0xff) | (buf[p + 2] & 0xff) << 8);
            case 0xF2 -> ((buf[p + 1] & 0xff) | (buf[p + 2] & 0xff) << 8 | buf[p + 3] << 16);
            case 0xF3 -> (int) u32(buf, p + 1);
            case 0xF4 -> u32(buf, p + 1) | (u32(buf, p + 5) << 32);
            default -> throw new IllegalStateException("not an integer entry");
        };
    }

    /** The entry's value as bytes (integers in decimal, as lpGet renders them). */
    public byte[] get(int p) {
        if (isInteger(p)) return Long.toString(getLong(p)).getBytes(StandardCharsets.US_ASCII);
        int start = stringStart(p);
        return Arrays.copyOfRange(buf, start, start + stringLength(p));
    }

    /** True when the entry equals {@code s} (lpCompare). */
    public boolean equalsAt(int p, byte[] s) {
        if (isInteger(p)) {
            Long v = Numbers.parseLongStrict(s);
            return v != null && v == getLong(p);
        }
        int len = stringLength(p);
        if (len != s.length) return false;
        int start = stringStart(p);
        return Arrays.equals(buf, start, start + len, s, 0, len);
    }

    /** Offset of the first entry equal to {@code s} from {@code p}, stepping {@code skip} entries between comparisons (lpFind). */
    public int find(int p, byte[] s, int skip) {
        int sinceLast = 0;
        while (p != -1) {
            if (sinceLast == 0) {
                if (equalsAt(p, s)) return p;
                sinceLast = skip;
            } else {
                sinceLast--;
            }
            p = next(p);
        }
        return -1;
    }

    // ---- mutation

    public void append(byte[] value) {
        insertAt(used - 1, value);
    }

    public void prepend(byte[] value) {
        insertAt(HEADER_SIZE, value);
    }

    /** Inserts before the entry at {@code p} (or at the end when p is -1); returns the new entry's offset. */
    public int insertBefore(int p, byte[] value) {
        return insertAt(p == -1 ? used - 1 : p, value);
    }

    /** Inserts after the entry at {@code p}; returns the new entry's offset. */
    public int insertAfter(int p, byte[] value) {
        return insertAt(p + entrySize(p), value);
    }

    /** Replaces the entry at {@code p}; returns its offset. */
    public int replace(int p, byte[] value) {
        byte[] entry = encode(value);
        int old = entrySize(p);
        makeRoom(p, old, entry.length);
        System.arraycopy(entry, 0, buf, p, entry.length);
        writeHeader();
        return p;
    }

    /** Deletes the entry at {@code p}; returns the offset of the entry that followed, or -1. */
    public int delete(int p) {
        makeRoom(p, entrySize(p), 0);
        count--;
        writeHeader();
        return (buf[p] & 0xff) == EOF ? -1 : p;
    }

    /** Deletes {@code n} entries starting at {@code p}. */
    public void deleteRange(int p, int n) {
        int end = p;
        int removed = 0;
        while (removed < n && (buf[end] & 0xff) != EOF) {
            end += entrySize(end);
            removed++;
        }
        makeRoom(p, end - p, 0);
        count -= removed;
        writeHeader();
    }

    private int insertAt(int p, byte[] value) {
        byte[] entry = encode(value);
        makeRoom(p, 0, entry.length);
        System.arraycopy(entry, 0, buf, p, entry.length);
        count++;
        writeHeader();
        return p;
    }

    /** Replaces {@code oldLen} bytes at {@code p} by a gap of {@code newLen} bytes. */
    private void makeRoom(int p, int oldLen, int newLen) {
        int newUsed = used - oldLen + newLen;
        if (newUsed > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(newUsed, buf.length + (buf.length >> 1)));
        }
        System.arraycopy(buf, p + oldLen, buf, p + newLen, used - p - oldLen);
        used = newUsed;
        if (buf.length > 64 && used < buf.length / 2) buf = Arrays.copyOf(buf, used + (used >> 2));
    }

    private void writeHeader() {
        buf[0] = (byte) used;
        buf[1] = (byte) (used >>> 8);
        buf[2] = (byte) (used >>> 16);
        buf[3] = (byte) (used >>> 24);
        int n = Math.min(count, UNKNOWN_COUNT);
        buf[4] = (byte) n;
        buf[5] = (byte) (n >>> 8);
    }

    // ---- entry encoding

    /** The bytes a single entry (encoding, data, backlen) takes for {@code value}. */
    public static int entrySizeOf(byte[] value) {
        return encode(value).length;
    }

    static byte[] encode(byte[] value) {
        Long asInt = value.length <= 20 ? Numbers.parseLongStrict(value) : null;
        byte[] head;
        if (asInt != null) {
            head = encodeInteger(asInt);
        } else {
            int len = value.length;
            int hl = len < 64 ? 1 : len < 4096 ? 2 : 5;
            head = new byte[hl + len];
            if (hl == 1) {
                head[0] = (byte) (0x80 | len);
            } else if (hl == 2) {
                head[0] = (byte) (0xE0 | (len >> 8));
                head[1] = (byte) len;
            } else {
                head[0] = (byte) 0xF0;
                head[1] = (byte) len;
                head[2] = (byte) (len >>> 8);
                head[3] = (byte) (len >>> 16);
                head[4] = (byte) (len >>> 24);
            }
            System.arraycopy(value, 0, head, hl, len);
        }
        int l = head.length;
        int bl = backlenSize(l);
        byte[] entry = Arrays.copyOf(head, l + bl);
        encodeBacklen(entry, l, l);
        return entry;
    }

    private static byte[] encodeInteger(long v) {
        if (v >= 0 && v <= 127) return new byte[] {(byte) v};
        if (v >= -4096 && v <= 4095) {
            int u = (int) (v < 0 ? v + 8192 : v);
            return new byte[] {(byte) (0xC0 | (u >> 8)), (byte) u};
        }
        int n;
        int tag;
        if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) {
            n = 2;
            tag = 0xF1;
        } else if (v >= -8388608 && v <= 8388607) {
            n = 3;
            tag = 0xF2;
        } else if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
            n = 4;
            tag = 0xF3;
        } else {
            n = 8;
            tag = 0xF4;
        }
        byte[] out = new byte[1 + n];
        out[0] = (byte) tag;
        for (int i = 0; i < n; i++) out[1 + i] = (byte) (v >>> (8 * i));
        return out;
    }

    static int backlenSize(int l) {
        if (l <= 127) return 1;
        if (l < 16383) return 2;
        if (l < 2097151) return 3;
        if (l < 268435455) return 4;
        return 5;
    }

    /** Writes l's backlen at {@code at}: most significant 7-bit group first, every byte but the first flagged 128. */
    private static void encodeBacklen(byte[] out, int at, int l) {
        int n = backlenSize(l);
        for (int i = 0; i < n; i++) {
            int shift = 7 * (n - 1 - i);
            int group = (l >>> shift) & 127;
            out[at + i] = (byte) (i == 0 ? group : group | 128);
        }
    }

    /** Reads the backlen that ends at {@code end} (inclusive), walking backwards. */
    private static int decodeBacklen(byte[] b, int end) {
        int val = 0;
        int shift = 0;
        int p = end;
        while (true) {
            val |= (b[p] & 127) << shift;
            if ((b[p] & 128) == 0) break;
            shift += 7;
            p--;
            if (shift > 28) throw new IllegalArgumentException("bad backlen");
        }
        return val;
    }

    /** Bytes of encoding plus data of the entry at p, without the backlen. */
    private int encodedSize(int p) {
        int b = buf[p] & 0xff;
        if ((b & 0x80) == 0) return 1;
        if ((b & 0xC0) == 0x80) return 1 + (b & 0x3F);
        if ((b & 0xE0) == 0xC0) return 2;
        if ((b & 0xF0) == 0xE0) return 2 + (((b & 0x0F) << 8) | (buf[p + 1] & 0xff));
        return switch (b) {
            case 0xF0 -> 5 + (int) u32(buf, p + 1);
            case 0xF1 -> 3;
            case 0xF2 -> 4;
            case 0xF3 -> 5;
            case 0xF4 -> 9;
            default -> throw new IllegalArgumentException("bad listpack encoding " + b);
        };
    }

    private int entrySize(int p) {
        int l = encodedSize(p);
        return l + backlenSize(l);
    }

    private int stringStart(int p) {
        int b = buf[p] & 0xff;
        if ((b & 0xC0) == 0x80) return p + 1;
        if ((b & 0xF0) == 0xE0) return p + 2;
        return p + 5;
    }

    private int stringLength(int p) {
        return encodedSize(p) - (stringStart(p) - p);
    }

    private static long u32(byte[] b, int at) {
        return (b[at] & 0xffL) | (b[at + 1] & 0xffL) << 8 | (b[at + 2] & 0xffL) << 16 | (b[at + 3] & 0xffL) << 24;
    }
}
