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

    /** The nodes; null where a node is held LZF-compressed in {@link #packed}. */
    private final ArrayList<Listpack> nodes = new ArrayList<>();
    /** Compressed blobs of inner nodes (list-compress-depth), parallel to {@link #nodes}. */
    private final ArrayList<byte[]> packed = new ArrayList<>();
    private final ArrayList<Integer> rawSizes = new ArrayList<>();
    /** Nodes that did not compress, with their size then: not retried until they change (Redis's attempted_compress). */
    private final java.util.IdentityHashMap<Listpack, Integer> incompressible = new java.util.IdentityHashMap<>();
    private long count;

    public long size() {
        return count;
    }

    /** The nodes, head first (for RDB's quicklist serialisation, one listpack blob per node). */
    public Iterable<Listpack> nodes() {
        java.util.List<Listpack> out = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            out.add(nodes.get(i) != null ? nodes.get(i) : Listpack.fromBytes(Lzf.decompress(packed.get(i), rawSizes.get(i))));
        }
        return out;
    }

    /** Bytes the nodes hold, compressed ones at their compressed size (memory accounting). */
    public long storedBytes() {
        long total = 0;
        for (int i = 0; i < nodes.size(); i++) total += nodes.get(i) != null ? nodes.get(i).bytes() : packed.get(i).length;
        return total;
    }

    /** How many nodes are currently compressed (tests, DEBUG). */
    public int compressedNodeCount() {
        int n = 0;
        for (byte[] b : packed) if (b != null) n++;
        return n;
    }

    /**
     * list-compress-depth: keeps {@code depth} nodes at each end plain and LZF-compresses the
     * inner ones (Redis skips nodes under 48 bytes and those that shrink by less than 8).
     */
    public void compress(int depth) {
        int n = nodes.size();
        for (int i = 0; i < n; i++) {
            boolean inner = depth > 0 && i >= depth && i < n - depth;
            if (!inner) {
                node(i);
                continue;
            }
            Listpack lp = nodes.get(i);
            if (lp == null || lp.bytes() < 48) continue;
            Integer failedAt = incompressible.get(lp);
            if (failedAt != null && failedAt == lp.bytes()) continue;
            byte[] raw = lp.toBytes();
            byte[] lzf = Lzf.compress(raw);
            if (lzf == null || lzf.length + 8 >= raw.length) {
                incompressible.put(lp, lp.bytes());
                continue;
            }
            incompressible.remove(lp);
            nodes.set(i, null);
            packed.set(i, lzf);
            rawSizes.set(i, raw.length);
        }
    }

    /** Node i, decompressed on first touch. */
    private Listpack node(int i) {
        Listpack lp = nodes.get(i);
        if (lp != null) return lp;
        lp = Listpack.fromBytes(Lzf.decompress(packed.get(i), rawSizes.get(i)));
        nodes.set(i, lp);
        packed.set(i, null);
        return lp;
    }

    private void addNode(int i, Listpack lp) {
        nodes.add(i, lp);
        packed.add(i, null);
        rawSizes.add(i, 0);
    }

    private void removeNode(int i) {
        Listpack gone = nodes.remove(i);
        if (gone != null) incompressible.remove(gone);
        packed.remove(i);
        rawSizes.remove(i);
    }

    public int nodeCount() {
        return nodes.size();
    }

    /** Appends a listpack node as read from RDB or a DUMP payload. */
    public void appendNode(Listpack lp) {
        if (lp.size() == 0) return;
        addNode(nodes.size(), lp);
        count += lp.size();
    }

    public void push(byte[] value, boolean head, int fill) {
        int at = head ? 0 : nodes.size() - 1;
        if (nodes.isEmpty() || !allowsInsert(node(at), value, fill)) {
            addNode(head ? 0 : nodes.size(), new Listpack());
            at = head ? 0 : nodes.size() - 1;
        }
        if (head) node(at).prepend(value);
        else node(at).append(value);
        count++;
    }

    /** Removes and returns the head or tail element, null when empty. */
    public byte[] pop(boolean head) {
        if (count == 0) return null;
        int at = head ? 0 : nodes.size() - 1;
        Listpack lp = node(at);
        int p = head ? lp.first() : lp.last();
        byte[] value = lp.get(p);
        lp.delete(p);
        count--;
        if (lp.size() == 0) removeNode(at);
        return value;
    }

    /** A cursor on the element at {@code index} (0 .. size-1) walking towards the tail or the head. */
    public Cursor cursor(long index, boolean forward) {
        Cursor c = new Cursor(forward);
        if (index < 0 || index >= count) return c;
        long skipped = 0;
        if (index < count / 2) {
            for (int n = 0; n < nodes.size(); n++) {
                int sz = node(n).size();
                if (index < skipped + sz) {
                    c.position(n, node(n).seek(index - skipped));
                    return c;
                }
                skipped += sz;
            }
        } else {
            long fromTail = count - 1 - index;
            for (int n = nodes.size() - 1; n >= 0; n--) {
                int sz = node(n).size();
                if (fromTail < skipped + sz) {
                    c.position(n, node(n).seek(-1 - (fromTail - skipped)));
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
        node(c.node).replace(c.p, value);
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
        Listpack lp = node(c.node);
        lp.insertBefore(c.p, value);
        count++;
        if (exceedsLimit(lp, fill)) split(c.node);
    }

    /** Deletes {@code n} elements from {@code start}. */
    public void deleteRange(long start, long n) {
        long index = 0;
        int i = 0;
        while (i < nodes.size() && n > 0) {
            Listpack lp = node(i);
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
                removeNode(i);
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
                Listpack lp = node(i);
                for (int p = lp.first(); p != -1 && (limit == 0 || removed < limit); ) {
                    if (lp.equalsAt(p, value)) {
                        p = lp.delete(p);
                        removed++;
                    } else {
                        p = lp.next(p);
                    }
                }
                if (lp.size() == 0) removeNode(i);
                else i++;
                if (limit != 0 && removed >= limit) break;
            }
        } else {
            for (int i = nodes.size() - 1; i >= 0; i--) {
                Listpack lp = node(i);
                for (int p = lp.last(); p != -1 && (limit == 0 || removed < limit); ) {
                    int prev = lp.prev(p);
                    if (lp.equalsAt(p, value)) {
                        lp.delete(p);
                        removed++;
                    }
                    p = prev;
                }
                if (lp.size() == 0) removeNode(i);
                if (limit != 0 && removed >= limit) break;
            }
        }
        count -= removed;
        return removed;
    }

    private void split(int node) {
        Listpack lp = node(node);
        int half = lp.size() / 2;
        Listpack tail = new Listpack();
        for (int p = lp.seek(half); p != -1; p = lp.next(p)) tail.append(lp.get(p));
        lp.deleteRange(lp.seek(half), lp.size() - half);
        addNode(node + 1, tail);
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
            return node(node).get(p);
        }

        public boolean valueEquals(byte[] s) {
            return node(node).equalsAt(p, s);
        }

        public void advance() {
            Listpack lp = node(node);
            p = forward ? lp.next(p) : lp.prev(p);
            if (p != -1) return;
            node += forward ? 1 : -1;
            if (node < 0 || node >= nodes.size()) return;
            Listpack n = node(node);
            p = forward ? n.first() : n.last();
        }
    }
}
