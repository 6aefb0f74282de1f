package dev.verdict.server.type.stream;

import dev.verdict.server.type.string.Numbers;

import java.nio.charset.StandardCharsets;

/**
 * A stream entry ID {@code ms-seq}: two unsigned 64-bit numbers, ordered as Redis orders them
 * (the 128-bit big-endian key of the radix tree).
 */
public record StreamId(long ms, long seq) implements Comparable<StreamId> {

    public static final StreamId MIN = new StreamId(0, 0);
    public static final StreamId MAX = new StreamId(-1L, -1L);

    @Override
    public int compareTo(StreamId o) {
        int c = Long.compareUnsigned(ms, o.ms);
        return c != 0 ? c : Long.compareUnsigned(seq, o.seq);
    }

    public boolean isZero() {
        return ms == 0 && seq == 0;
    }

    /** The next ID (streamIncrID), or null when this is the maximum. */
    public StreamId next() {
        if (seq == -1L) {
            if (ms == -1L) return null;
            return new StreamId(ms + 1, 0);
        }
        return new StreamId(ms, seq + 1);
    }

    /** The previous ID (streamDecrID), or null when this is 0-0. */
    public StreamId previous() {
        if (seq == 0) {
            if (ms == 0) return null;
            return new StreamId(ms - 1, -1L);
        }
        return new StreamId(ms, seq - 1);
    }

    @Override
    public String toString() {
        return Long.toUnsignedString(ms) + "-" + Long.toUnsignedString(seq);
    }

    public byte[] toBytes() {
        return toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** The 16-byte big-endian radix-tree key. */
    byte[] raxKey() {
        byte[] key = new byte[16];
        for (int i = 0; i < 8; i++) {
            key[i] = (byte) (ms >>> (56 - 8 * i));
            key[8 + i] = (byte) (seq >>> (56 - 8 * i));
        }
        return key;
    }

    /**
     * Redis's string2ull: a canonical 64-bit decimal, or else an unsigned decimal up to
     * 2^64-1 as strtoull reads it (optional leading spaces and '+'). Null when invalid.
     */
    static Long parseUnsigned(byte[] s, int from, int to) {
        byte[] part = java.util.Arrays.copyOfRange(s, from, to);
        Long strict = Numbers.parseLongStrict(part);
        if (strict != null) return strict < 0 ? null : strict;
        int i = 0;
        while (i < part.length && (part[i] == ' ' || (part[i] >= '\t' && part[i] <= '\r'))) i++;
        if (i < part.length && part[i] == '+') i++;
        if (i >= part.length) return null;
        long value = 0;
        for (; i < part.length; i++) {
            int d = part[i] - '0';
            if (d < 0 || d > 9) return null;
            if (Long.compareUnsigned(value, Long.divideUnsigned(-1L, 10)) > 0) return null;
            long next = value * 10 + d;
            if (Long.compareUnsigned(next, value * 10) < 0) return null;
            value = next;
        }
        return value;
    }
}
