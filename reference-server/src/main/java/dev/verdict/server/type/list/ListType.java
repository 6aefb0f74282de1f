package dev.verdict.server.type.list;

import dev.verdict.server.config.ServerConfig;

import java.util.ArrayList;
import java.util.List;

/** The list type's API (t_list.c's listType* functions); commands never touch the quicklist. */
public final class ListType {

    private ListType() {
    }

    public static ListValue create() {
        return new ListValue();
    }

    /** A list of the given elements, head to tail (SORT ... STORE builds its result through this). */
    public static ListValue of(List<byte[]> elements, ServerConfig config) {
        ListValue list = create();
        for (byte[] e : elements) push(list, e, false, config);
        return list;
    }

    public static long length(ListValue list) {
        return list.quicklist.size();
    }

    public static void push(ListValue list, byte[] value, boolean head, ServerConfig config) {
        list.quicklist.push(value, head, fill(config));
        compress(list, config);
    }

    /** Applies list-compress-depth after a change (Redis recompresses nodes it touched). */
    public static void compress(ListValue list, ServerConfig config) {
        int depth = config.getInt("list-compress-depth");
        if (depth > 0) list.quicklist.compress(depth);
    }

    /** Removes and returns the head or tail, null when empty. */
    public static byte[] pop(ListValue list, boolean head) {
        return list.quicklist.pop(head);
    }

    /** The element at index (negative from the tail), or null when out of range. */
    public static byte[] index(ListValue list, long index) {
        long i = normalize(list, index);
        return i < 0 ? null : list.quicklist.get(i);
    }

    /** Replaces the element at index; false when out of range. */
    public static boolean set(ListValue list, long index, byte[] value) {
        long i = normalize(list, index);
        if (i < 0) return false;
        list.quicklist.set(i, value);
        return true;
    }

    /** Inserts next to the first element equal to pivot; false when there is none. */
    public static boolean insert(ListValue list, byte[] pivot, byte[] value, boolean after, ServerConfig config) {
        long at = 0;
        QuickList.Cursor c = list.quicklist.cursor(0, true);
        for (; c.valid(); c.advance(), at++) {
            if (c.valueEquals(pivot)) {
                list.quicklist.insert(after ? at + 1 : at, value, fill(config));
                compress(list, config);
                return true;
            }
        }
        return false;
    }

    /** Elements start..end inclusive after Redis's clamping of negative and oversized indexes. */
    public static List<byte[]> range(ListValue list, long start, long end) {
        long len = length(list);
        if (start < 0) start += len;
        if (end < 0) end += len;
        if (start < 0) start = 0;
        List<byte[]> out = new ArrayList<>();
        if (start > end || start >= len) return out;
        if (end >= len) end = len - 1;
        QuickList.Cursor c = list.quicklist.cursor(start, true);
        for (long i = start; i <= end; i++, c.advance()) out.add(c.value());
        return out;
    }

    /** Every element, head to tail (SORT reads lists through this). */
    public static List<byte[]> elements(ListValue list) {
        return range(list, 0, -1);
    }

    /** The first {@code n} elements from the head or the tail, in that walking order. */
    public static List<byte[]> fromEnd(ListValue list, long n, boolean head) {
        List<byte[]> out = new ArrayList<>();
        long len = length(list);
        QuickList.Cursor c = list.quicklist.cursor(head ? 0 : len - 1, head);
        for (long i = 0; i < n && c.valid(); i++, c.advance()) out.add(c.value());
        return out;
    }

    /** LTRIM: keeps start..end (Redis's clamping); everything goes when the range is empty. */
    public static void trim(ListValue list, long start, long end) {
        long len = length(list);
        if (start < 0) start += len;
        if (end < 0) end += len;
        if (start < 0) start = 0;
        long ltrim;
        long rtrim;
        if (start > end || start >= len) {
            ltrim = len;
            rtrim = 0;
        } else {
            if (end >= len) end = len - 1;
            ltrim = start;
            rtrim = len - end - 1;
        }
        list.quicklist.deleteRange(0, ltrim);
        list.quicklist.deleteRange(length(list) - rtrim, rtrim);
    }

    /** LREM: count > 0 from the head, < 0 from the tail, 0 all; returns how many went. */
    public static long remove(ListValue list, byte[] value, long count) {
        // Redis negates a negative count in a long: LONG_MIN stays negative, never equals the
        // number removed, and so removes every match, walking from the tail (limit 0 = all).
        long limit = count == Long.MIN_VALUE ? 0 : Math.abs(count);
        return list.quicklist.removeMatching(value, limit, count < 0);
    }

    /**
     * LPOS: indexes of matches, skipping |rank|-1 of them (rank < 0 walks from the tail), at most
     * {@code count} (0: all), looking at no more than {@code maxlen} elements (0: all).
     */
    public static List<Long> positions(ListValue list, byte[] value, long rank, long count, long maxlen) {
        List<Long> out = new ArrayList<>();
        long len = length(list);
        boolean forward = rank > 0;
        long skip = forward ? rank - 1 : -(rank + 1);
        QuickList.Cursor c = list.quicklist.cursor(forward ? 0 : len - 1, forward);
        long index = 0;
        while (c.valid() && (maxlen == 0 || index < maxlen)) {
            if (c.valueEquals(value)) {
                if (skip > 0) skip--;
                else {
                    out.add(forward ? index : len - 1 - index);
                    if (count != 0 && out.size() >= count) break;
                }
            }
            index++;
            c.advance();
        }
        return out;
    }

    private static long normalize(ListValue list, long index) {
        long len = length(list);
        if (index < 0) index += len;
        return index < 0 || index >= len ? -1 : index;
    }

    private static int fill(ServerConfig config) {
        return config.getInt("list-max-listpack-size");
    }
}
