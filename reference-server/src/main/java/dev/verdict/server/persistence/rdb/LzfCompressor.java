package dev.verdict.server.persistence.rdb;

/**
 * LZF compression that makes the very bytes Redis's bundled liblzf 3.6 makes (VERY_FAST mode,
 * HLOG 16, offsets hash table), so DUMP payloads and RDB files are byte-identical to Redis's.
 * compress-lzf produces valid LZF too, but picks different matches (it hashes differently and
 * accepts a match at offset 0), so its output differs; it still decodes ours and Redis's.
 */
final class LzfCompressor {

    private static final int HLOG = 16;
    private static final int HSIZE = 1 << HLOG;
    private static final int MAX_LIT = 1 << 5;
    private static final int MAX_OFF = 1 << 13;
    private static final int MAX_REF = (1 << 8) + (1 << 3);

    /** Position of the last occurrence of each hash; valid only where {@link #stamp} is this call's. */
    private final int[] htab = new int[HSIZE];
    /** The call that wrote each slot: a slot from an earlier call reads as empty, without clearing 256 KB per string. */
    private final int[] stamp = new int[HSIZE];
    private int call;
    private byte[] out = new byte[256];

    private static int idx(int h) {
        return ((h >>> (3 * 8 - HLOG)) - h * 5) & (HSIZE - 1);
    }

    /** lzf_compress into at most {@code outLen} bytes: the output, or null when it does not fit. */
    byte[] compress(byte[] in, int outLen) {
        int inLen = in.length;
        if (inLen == 0 || outLen <= 0) return null;
        if (++call == 0) {
            java.util.Arrays.fill(stamp, 0);
            call = 1;
        }
        final int[] htab = this.htab;
        final int[] stamp = this.stamp;
        final int call = this.call;
        if (out.length < outLen + 8) out = new byte[outLen + 8];
        byte[] o = out;
        int ip = 0;
        int op = 0;
        int inEnd = inLen;
        int outEnd = outLen;
        int lit = 0;
        op++; // start run
        int hval = ((in[0] & 0xff) << 8) | (in.length > 1 ? in[1] & 0xff : 0);
        while (ip < inEnd - 2) {
            hval = (hval << 8) | (in[ip + 2] & 0xff);
            int slot = idx(hval);
            int ref = stamp[slot] == call ? htab[slot] : 0; // liblzf's offset from in_data (0: none, or position 0)
            htab[slot] = ip;
            stamp[slot] = call;
            int off = ip - ref - 1;
            if (ref < ip && off < MAX_OFF && ref > 0
                    && in[ref + 2] == in[ip + 2] && in[ref] == in[ip] && in[ref + 1] == in[ip + 1]) {
                int len = 2;
                int maxlen = inEnd - ip - len;
                if (maxlen > MAX_REF) maxlen = MAX_REF;
                if (op + 3 + 1 >= outEnd) {
                    if (op - (lit == 0 ? 1 : 0) + 3 + 1 >= outEnd) return null;
                }
                o[op - lit - 1] = (byte) (lit - 1); // stop run
                op -= lit == 0 ? 1 : 0; // undo run if length is zero
                boolean done = false;
                if (maxlen > 16) {
                    // liblzf's unrolled first 16 comparisons do not look at maxlen
                    for (int k = 0; k < 16; k++) {
                        len++;
                        if (in[ref + len] != in[ip + len]) {
                            done = true;
                            break;
                        }
                    }
                }
                if (!done) {
                    do {
                        len++;
                    } while (len < maxlen && in[ref + len] == in[ip + len]);
                }
                len -= 2;
                ip++;
                if (len < 7) {
                    o[op++] = (byte) ((off >> 8) + (len << 5));
                } else {
                    o[op++] = (byte) ((off >> 8) + (7 << 5));
                    o[op++] = (byte) (len - 7);
                }
                o[op++] = (byte) off;
                lit = 0;
                op++; // start run
                ip += len + 1;
                if (ip >= inEnd - 2) break;
                ip -= 2;
                hval = ((in[ip] & 0xff) << 8) | (in[ip + 1] & 0xff);
                hval = (hval << 8) | (in[ip + 2] & 0xff);
                int s1 = idx(hval);
                htab[s1] = ip;
                stamp[s1] = call;
                ip++;
                hval = (hval << 8) | (in[ip + 2] & 0xff);
                int s2 = idx(hval);
                htab[s2] = ip;
                stamp[s2] = call;
                ip++;
            } else {
                if (op >= outEnd) return null;
                lit++;
                o[op++] = in[ip++];
                if (lit == MAX_LIT) {
                    o[op - lit - 1] = (byte) (lit - 1);
                    lit = 0;
                    op++;
                }
            }
        }
        if (op + 3 > outEnd) return null;
        while (ip < inEnd) {
            lit++;
            o[op++] = in[ip++];
            if (lit == MAX_LIT) {
                o[op - lit - 1] = (byte) (lit - 1);
                lit = 0;
                op++;
            }
        }
        o[op - lit - 1] = (byte) (lit - 1);
        op -= lit == 0 ? 1 : 0;
        return java.util.Arrays.copyOf(o, op);
    }
}
