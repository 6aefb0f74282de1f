package dev.verdict.server.type.zset;

import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

/**
 * Redis's zskiplist: elements ordered by score, then by member bytes; every forward link
 * carries a span (how many elements it skips) so ranks are found in O(log n).
 * ZSKIPLIST_MAXLEVEL 32, P 0.25, as in server.h.
 */
public final class SkipList {

    static final int MAX_LEVEL = 32;
    private static final double P = 0.25;

    /** One element. Levels are 0-based here; Redis's rank is 1-based, ours is 0-based. */
    public static final class Node {
        final byte[] member;
        double score;
        Node backward;
        final Node[] forward;
        final long[] span;

        Node(int level, double score, byte[] member) {
            this.member = member;
            this.score = score;
            this.forward = new Node[level];
            this.span = new long[level];
        }

        public byte[] member() {
            return member;
        }

        public double score() {
            return score;
        }

        /** The next element towards the tail, or null. */
        public Node next() {
            return forward[0];
        }

        /** The previous element towards the head, or null. */
        public Node previous() {
            return backward;
        }
    }

    private final Node header = new Node(MAX_LEVEL, 0, null);
    private Node tail;
    private long length;
    private int level = 1;

    public long length() {
        return length;
    }

    public Node first() {
        return header.forward[0];
    }

    public Node last() {
        return tail;
    }

    /** Orders (score, member) pairs as zslInsert does: by score, then unsigned bytes. */
    static int compare(double s1, byte[] m1, double s2, byte[] m2) {
        int c = Double.compare(s1 == 0.0 ? 0.0 : s1, s2 == 0.0 ? 0.0 : s2);
        return c != 0 ? c : Arrays.compareUnsigned(m1, m2);
    }

    private static int randomLevel() {
        int l = 1;
        ThreadLocalRandom r = ThreadLocalRandom.current();
        while (l < MAX_LEVEL && r.nextDouble() < P) l++;
        return l;
    }

    /** Inserts an element that must not be present. */
    public Node insert(double score, byte[] member) {
        Node[] update = new Node[MAX_LEVEL];
        long[] rank = new long[MAX_LEVEL];
        Node x = header;
        for (int i = level - 1; i >= 0; i--) {
            rank[i] = i == level - 1 ? 0 : rank[i + 1];
            while (x.forward[i] != null && compare(x.forward[i].score, x.forward[i].member, score, member) < 0) {
                rank[i] += x.span[i];
                x = x.forward[i];
            }
            update[i] = x;
        }
        int lvl = randomLevel();
        if (lvl > level) {
            for (int i = level; i < lvl; i++) {
                rank[i] = 0;
                update[i] = header;
                update[i].span[i] = length;
            }
            level = lvl;
        }
        x = new Node(lvl, score, member);
        for (int i = 0; i < lvl; i++) {
            x.forward[i] = update[i].forward[i];
            update[i].forward[i] = x;
            x.span[i] = update[i].span[i] - (rank[0] - rank[i]);
            update[i].span[i] = (rank[0] - rank[i]) + 1;
        }
        for (int i = lvl; i < level; i++) update[i].span[i]++;
        x.backward = update[0] == header ? null : update[0];
        if (x.forward[0] != null) x.forward[0].backward = x;
        else tail = x;
        length++;
        return x;
    }

    /** Deletes the element with this score and member; false when absent. */
    public boolean delete(double score, byte[] member) {
        Node[] update = new Node[MAX_LEVEL];
        Node x = header;
        for (int i = level - 1; i >= 0; i--) {
            while (x.forward[i] != null && compare(x.forward[i].score, x.forward[i].member, score, member) < 0) {
                x = x.forward[i];
            }
            update[i] = x;
        }
        x = x.forward[0];
        if (x == null || score != x.score || !Arrays.equals(x.member, member)) return false;
        unlink(x, update);
        return true;
    }

    private void unlink(Node x, Node[] update) {
        for (int i = 0; i < level; i++) {
            if (update[i].forward[i] == x) {
                update[i].span[i] += x.span[i] - 1;
                update[i].forward[i] = x.forward[i];
            } else {
                update[i].span[i] -= 1;
            }
        }
        if (x.forward[0] != null) x.forward[0].backward = x.backward;
        else tail = x.backward;
        while (level > 1 && header.forward[level - 1] == null) level--;
        length--;
    }

    /** zslUpdateScore: moves an element to a new score (in place when the order allows). */
    public void updateScore(double oldScore, byte[] member, double newScore) {
        delete(oldScore, member);
        insert(newScore, member);
    }

    /**
     * How many elements lie before the first one that is not {@code before} (a predicate true
     * for a prefix of the list): the 0-based rank where a range starts.
     */
    public long countWhile(Predicate<Node> before) {
        Node x = header;
        long rank = 0;
        for (int i = level - 1; i >= 0; i--) {
            while (x.forward[i] != null && before.test(x.forward[i])) {
                rank += x.span[i];
                x = x.forward[i];
            }
        }
        return rank;
    }

    /** 0-based rank of an element known to be present. */
    public long rank(double score, byte[] member) {
        return countWhile(n -> compare(n.score, n.member, score, member) < 0);
    }

    /** The element at a 0-based rank, or null. */
    public Node byRank(long rank) {
        if (rank < 0 || rank >= length) return null;
        long target = rank + 1;
        long traversed = 0;
        Node x = header;
        for (int i = level - 1; i >= 0; i--) {
            while (x.forward[i] != null && traversed + x.span[i] <= target) {
                traversed += x.span[i];
                x = x.forward[i];
            }
            if (traversed == target) return x;
        }
        return null;
    }

    /** Checks spans and order (tests). */
    boolean isConsistent() {
        long n = 0;
        Node prev = null;
        for (Node x = first(); x != null; x = x.forward[0]) {
            if (x.backward != prev) return false;
            if (prev != null && compare(prev.score, prev.member, x.score, x.member) >= 0) return false;
            prev = x;
            n++;
        }
        if (n != length || tail != prev) return false;
        for (long r = 0; r < length; r++) {
            Node x = byRank(r);
            if (x == null || rank(x.score, x.member) != r) return false;
        }
        return true;
    }
}
