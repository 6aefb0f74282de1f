package dev.verdict.server.type.list;

import dev.verdict.server.type.listpack.Listpack;

import java.util.ArrayList;

/**
 * Redis's quicklist: a sequence of listpack nodes, each filled up to list-max-listpack-size
 * (a negative value caps a node's bytes at 4, 8, 16, 32 or 64 KB, a positive one its entry
 * count, with an 8 KB safety cap). Elements are addressed by their index in the whole list.
 */
public final class QuickList {

    private static final int[] SIZE_LIMITS = {4096, 8192, 16384, 32768, 65536};
    private static final int SIZE_SAFETY_LIMIT = 8192;

    private final ArrayList<Listpack> nodes = new ArrayList<>();
    private long count;

    public long size() {
        return count;
    }

    /** The nodes, head first (for RDB's quicklist serialisation, one listpack blob per node). */
    public Iterable<Listpack> nodes() {
        return nodes;
    }

    public int nodeCount() {
        return nodes.size();
    }

    /** Appends a listpack node as read from RDB or a DUMP payload. */
    public void appendNode(Listpack lp) {
        if (lp.size() == 0) return;
        nodes.add(lp);
        count += lp.size();
    }

    public void push(byte[] value, boolean head, int fill) {
        int at = head ? 0 : nodes.size() - 1;
        if (nodes.isEmpty() || !allowsInsert(nodes.get(at), value, fill)) {
            nodes.add(head ? 0 : nodes.size(), new Listpack());
            at = head ? 0 : nodes.size() - 1;
        }
        if (head) nodes.get(at).prepend(value);
        else nodes.get(at).append(value);
        count++;
    }

    /** Removes and returns the head or tail element, null when empty. */
    public byte[] pop(boolean head) {
        if (count == 0) return null;
        int at = head ? 0 : nodes.size() - 1;
        Listpack lp = nodes.get(at);
        int p = head ? lp.first() : lp.last();
        byte[] value = lp.get(p);
        lp.delete(p);
        count--;
        if (lp.size() == 0) nodes.remove(at);
        return value;
    }

    /** A cursor on the element at {@code index} (0 .. size-1) walking towards the tail or the head. */
    public Cursor cursor(long index, boolean forward) {
        Cursor c = new Cursor(forward);
        if (index < 0 || index >= count) return c;
        long skipped = 0;
        if (index < count / 2) {
            for (int n = 0; n < nodes.size(); n++) {
                int sz = nodes.get(n).size();
                if (index < skipped + sz) {
                    c.position(n, nodes.get(n).seek(index - skipped));
                    return c;
                }
                skipped += sz;
            }
        } else {
            long fromTail = count - 1 - index;
            for (int n = nodes.size() - 1; n >= 0; n--) {
                int sz = nodes.get(n).size();
                if (fromTail < skipped + sz) {
                    c.position(n, nodes.get(n).seek(-1 - (fromTail - skipped)));
                    return c;
                }
                skipped += sz;
            }
        }
        return c;
    }

    public byte[] get(long index) {
        Cursor c = cursor(index, true);
        return c.valid() ? c.value() : null;
    }

    public void set(long index, byte[] value) {
        Cursor c = cursor(index, true);
        nodes.get(c.node).replace(c.p, value);
    }

    /** Inserts before the element at {@code index}, or appends when index == size. */
    public void insert(long index, byte[] value, int fill) {
        if (index == count) {
            push(value, false, fill);
            return;
        }
        if (index == 0) {
            push(value, true, fill);
            return;
        }
        Cursor c = cursor(index, true);
        Listpack lp = nodes.get(c.node);
        lp.insertBefore(c.p, value);
        count++;
        if (exceedsLimit(lp, fill)) split(c.node);
    }

    /** Deletes {@code n} elements from {@code start}. */
    public void deleteRange(long start, long n) {
        long index = 0;
        int i = 0;
        while (i < nodes.size() && n > 0) {
            Listpack lp = nodes.get(i);
            int sz = lp.size();
            if (start >= index + sz) {
                index += sz;
                i++;
                continue;
            }
            int from = (int) (start - index);
            int del = (int) Math.min(n, sz - from);
            lp.deleteRange(lp.seek(from), del);
            count -= del;
            n -= del;
            if (lp.size() == 0) {
                nodes.remove(i);
            } else {
                index += lp.size();
                i++;
            }
            // Whatever remains to delete starts at the next node's first element.
            start = index;
        }
    }

    /** Removes up to {@code limit} elements equal to {@code value} (0: all), from the tail when {@code fromTail}. */
    public long removeMatching(byte[] value, long limit, boolean fromTail) {
        long removed = 0;
        if (!fromTail) {
            for (int i = 0; i < nodes.size(); ) {
                Listpack lp = nodes.get(i);
                for (int p = lp.first(); p != -1 && (limit == 0 || removed < limit); ) {
                    if (lp.equalsAt(p, value)) {
                        p = lp.delete(p);
                        removed++;
                    } else {
                        p = lp.next(p);
                    }
                }
                if (lp.size() == 0) nodes.remove(i);
                else i++;
                if (limit != 0 && removed >= limit) break;
            }
        } else {
            for (int i = nodes.size() - 1; i >= 0; i--) {
                Listpack lp = nodes.get(i);
                for (int p = lp.last(); p != -1 && (limit == 0 || removed < limit); ) {
                    int prev = lp.prev(p);
                    if (lp.equalsAt(p, value)) {
                        lp.delete(p);
                        removed++;
                    }
                    p = prev;
                }
                if (lp.size() == 0) nodes.remove(i);
                if (limit != 0 && removed >= limit) break;
            }
        }
        count -= removed;
        return removed;
    }

    private void split(int node) {
        Listpack lp = nodes.get(node);
        int half = lp.size() / 2;
        Listpack tail = new Listpack();
        for (int p = lp.seek(half); p != -1; p = lp.next(p)) tail.append(lp.get(p));
        lp.deleteRange(lp.seek(half), lp.size() - half);
        nodes.add(node + 1, tail);
    }

    private static boolean allowsInsert(Listpack lp, byte[] value, int fill) {
        int newSize = lp.bytes() + Listpack.entrySizeOf(value);
        if (fill >= 0) return lp.size() < fill && newSize <= SIZE_SAFETY_LIMIT;
        return newSize <= sizeLimit(fill);
    }

    private static boolean exceedsLimit(Listpack lp, int fill) {
        if (fill >= 0) return lp.size() > Math.max(fill, 1) || lp.bytes() > SIZE_SAFETY_LIMIT;
        return lp.bytes() > sizeLimit(fill) && lp.size() > 1;
    }

    private static int sizeLimit(int fill) {
        return SIZE_LIMITS[Math.min(-fill, SIZE_LIMITS.length) - 1];
    }

    /** A position in the list that walks one way. */
    public final class Cursor {
        private final boolean forward;
        private int node = -1;
        private int p = -1;

        Cursor(boolean forward) {
            this.forward = forward;
        }

        void position(int node, int p) {
            this.node = node;
            this.p = p;
        }

        public boolean valid() {
            return p != -1;
        }

        public byte[] value() {
            return nodes.get(node).get(p);
        }

        public boolean valueEquals(byte[] s) {
            return nodes.get(node).equalsAt(p, s);
        }

        public void advance() {
            Listpack lp = nodes.get(node);
            p = forward ? lp.next(p) : lp.prev(p);
            if (p != -1) return;
            node += forward ? 1 : -1;
            if (node < 0 || node >= nodes.size()) return;
            Listpack n = nodes.get(node);
            p = forward ? n.first() : n.last();
        }
    }
}
