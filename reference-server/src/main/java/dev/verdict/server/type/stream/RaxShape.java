package dev.verdict.server.type.stream;

import java.util.Arrays;
import java.util.List;

/**
 * How many nodes Redis's rax holds for a set of equal-length keys (XINFO's radix-tree-nodes).
 * rax keeps the compressed shape: one node per branching point, one compressed node per
 * single-child chain, one empty node per key; inserts split and deletes re-compress, so the
 * count depends only on the key set.
 */
final class RaxShape {

    private RaxShape() {
    }

    /** Node count for {@code sortedKeys} (ascending, distinct, all the same length). */
    static long nodeCount(List<byte[]> sortedKeys) {
        if (sortedKeys.isEmpty()) return 1;
        return count(sortedKeys, 0, sortedKeys.size(), 0, sortedKeys.get(0).length);
    }

    private static long count(List<byte[]> keys, int lo, int hi, int depth, int length) {
        if (depth == length) return 1;
        if (hi - lo == 1) return 2;
        int common = commonPrefix(keys.get(lo), keys.get(hi - 1), depth, length);
        if (common > depth) return 1 + count(keys, lo, hi, common, length);
        long total = 1;
        int start = lo;
        while (start < hi) {
            int end = start + 1;
            byte b = keys.get(start)[depth];
            while (end < hi && keys.get(end)[depth] == b) end++;
            total += count(keys, start, end, depth + 1, length);
            start = end;
        }
        return total;
    }

    private static int commonPrefix(byte[] a, byte[] b, int from, int length) {
        int mismatch = Arrays.mismatch(a, from, length, b, from, length);
        return mismatch < 0 ? length : from + mismatch;
    }
}
