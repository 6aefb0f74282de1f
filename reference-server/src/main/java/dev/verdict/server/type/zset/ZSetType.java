package dev.verdict.server.type.zset;

import dev.verdict.server.config.ServerConfig;
import dev.verdict.server.db.BytesKey;
import dev.verdict.server.type.common.Scan;
import dev.verdict.server.type.listpack.Listpack;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.function.Consumer;

/**
 * The sorted set's API (t_zset.c's zset* functions). Ranges are expressed as 0-based ranks:
 * {@link #countWhile} turns a score or lex bound into a rank, {@link #walk} visits from a rank.
 */
public final class ZSetType {

    /** A member with its score. */
    public record Entry(byte[] member, double score) {
    }

    /** Tests whether an element lies before a range bound; true for a prefix of the set. */
    @FunctionalInterface
    public interface Bound {
        boolean before(double score, byte[] member);
    }

    /** Visits elements; return false to stop. */
    @FunctionalInterface
    public interface Visitor {
        boolean visit(byte[] member, double score);
    }

    /** ZADD's flags in and out (zsetAdd's in_flags/out_flags). */
    public static final int IN_INCR = 1;
    public static final int IN_NX = 2;
    public static final int IN_XX = 4;
    public static final int IN_GT = 8;
    public static final int IN_LT = 16;
    public static final int OUT_NOP = 1;
    public static final int OUT_NAN = 2;
    public static final int OUT_ADDED = 4;
    public static final int OUT_UPDATED = 8;

    /** Result of {@link #add}: out flags and the score the element ends with. */
    public record AddResult(int flags, double newScore) {
        public boolean has(int flag) {
            return (flags & flag) != 0;
        }
    }

    private ZSetType() {
    }

    /** ZADD's creation rule in 7.0: a listpack unless the limits are 0 or the first member is too long. */
    public static ZSetValue createFor(byte[] firstMember, ServerConfig config) {
        boolean small = config.getLong("zset-max-listpack-entries") != 0
                && firstMember.length <= config.getMemory("zset-max-listpack-value");
        return new ZSetValue(small);
    }

    /** An empty listpack-encoded set (ZRANGESTORE's destination). */
    public static ZSetValue createListpack() {
        return new ZSetValue(true);
    }

    /** An empty skiplist-encoded set (ZUNIONSTORE and friends build into this). */
    public static ZSetValue createSkiplist() {
        return new ZSetValue(false);
    }

    public static long length(ZSetValue z) {
        return z.listpack != null ? z.listpack.size() / 2 : z.skiplist.length();
    }

    public static Double score(ZSetValue z, byte[] member) {
        if (z.listpack != null) {
            int p = findMember(z.listpack, member);
            return p == -1 ? null : scoreAt(z.listpack, z.listpack.next(p));
        }
        return z.dict.get(new BytesKey(member));
    }

    /** zsetAdd: NX/XX/GT/LT/INCR semantics, conversions on the way. */
    public static AddResult add(ZSetValue z, double score, byte[] member, int in, ServerConfig config) {
        boolean incr = (in & IN_INCR) != 0;
        boolean nx = (in & IN_NX) != 0;
        boolean xx = (in & IN_XX) != 0;
        boolean gt = (in & IN_GT) != 0;
        boolean lt = (in & IN_LT) != 0;
        if (Double.isNaN(score)) return new AddResult(OUT_NAN, 0);
        Double current = score(z, member);
        if (current != null) {
            if (nx) return new AddResult(OUT_NOP, current);
            if (incr) {
                score += current;
                if (Double.isNaN(score)) return new AddResult(OUT_NAN, 0);
            }
            if ((lt && score >= current) || (gt && score <= current)) return new AddResult(OUT_NOP, current);
            if (score != current) {
                removeKnown(z, member, current);
                insert(z, score, member);
                return new AddResult(OUT_UPDATED, score);
            }
            return new AddResult(0, score);
        }
        if (xx) return new AddResult(OUT_NOP, 0);
        if (z.listpack != null && (length(z) + 1 > config.getLong("zset-max-listpack-entries")
                || member.length > config.getMemory("zset-max-listpack-value"))) {
            convertToSkiplist(z);
        }
        insert(z, score, member);
        return new AddResult(OUT_ADDED, score);
    }

    public static boolean remove(ZSetValue z, byte[] member) {
        Double current = score(z, member);
        if (current == null) return false;
        removeKnown(z, member, current);
        return true;
    }

    /** 0-based rank from the lowest score, or -1 when absent. */
    public static long rank(ZSetValue z, byte[] member) {
        Double s = score(z, member);
        if (s == null) return -1;
        double score = s;
        return countWhile(z, (sc, m) -> SkipList.compare(sc, m, score, member) < 0);
    }

    /** How many elements come before the first one the bound does not hold for. */
    public static long countWhile(ZSetValue z, Bound bound) {
        if (z.listpack != null) {
            Listpack lp = z.listpack;
            long n = 0;
            for (int p = lp.first(); p != -1; p = lp.next(lp.next(p))) {
                if (!bound.before(scoreAt(lp, lp.next(p)), lp.get(p))) break;
                n++;
            }
            return n;
        }
        return z.skiplist.countWhile(node -> bound.before(node.score(), node.member()));
    }

    /** Visits elements from a 0-based rank towards the tail (forward) or the head. */
    public static void walk(ZSetValue z, long startRank, boolean forward, Visitor visitor) {
        if (startRank < 0 || startRank >= length(z)) return;
        if (z.listpack != null) {
            Listpack lp = z.listpack;
            int p = lp.seek(startRank * 2);
            while (p != -1) {
                int s = lp.next(p);
                if (!visitor.visit(lp.get(p), scoreAt(lp, s))) return;
                p = forward ? lp.next(s) : (p == lp.first() ? -1 : lp.prev(lp.prev(p)));
            }
            return;
        }
        for (SkipList.Node n = z.skiplist.byRank(startRank); n != null; n = forward ? n.next() : n.previous()) {
            if (!visitor.visit(n.member(), n.score())) return;
        }
    }

    /** Elements ranked start..end inclusive (0-based, already clamped), lowest first unless reversed. */
    public static List<Entry> rangeByRank(ZSetValue z, long start, long end, boolean reverse) {
        List<Entry> out = new ArrayList<>();
        long len = length(z);
        if (start > end || start >= len) return out;
        long count = end - start + 1;
        long from = reverse ? len - 1 - start : start;
        walk(z, from, !reverse, (m, s) -> {
            out.add(new Entry(m, s));
            return out.size() < count;
        });
        return out;
    }

    /** Every element, lowest score first (SORT and the RDB writer read sorted sets through this). */
    public static List<Entry> entries(ZSetValue z) {
        return rangeByRank(z, 0, length(z) - 1, false);
    }

    /** Deletes the elements ranked start..end-1 (0-based); returns how many. */
    public static long deleteRankRange(ZSetValue z, long start, long endExclusive) {
        if (endExclusive <= start) return 0;
        List<Entry> doomed = rangeByRank(z, start, endExclusive - 1, false);
        for (Entry e : doomed) removeKnown(z, e.member(), e.score());
        return doomed.size();
    }

    /** ZSCAN's walk: everything from a listpack, hash order from the dictionary; scores as d2string. */
    public static long scan(ZSetValue z, long cursor, long count, List<byte[]> out) {
        if (z.listpack != null) {
            walk(z, 0, true, (m, s) -> {
                out.add(m);
                out.add(Scores.toListpackBytes(s));
                return true;
            });
            return 0;
        }
        return Scan.byHash(z.dict.entrySet(), e -> e.getKey().hashCode(), cursor, count, e -> {
            out.add(e.getKey().bytes());
            out.add(Scores.toBytes(e.getValue()));
        });
    }

    /** zsetConvertToListpackIfNeeded: store results shrink back to a listpack when they fit. */
    public static void convertToListpackIfNeeded(ZSetValue z, ServerConfig config) {
        if (z.listpack != null) return;
        long maxLen = 0;
        for (SkipList.Node n = z.skiplist.first(); n != null; n = n.next()) maxLen = Math.max(maxLen, n.member().length);
        if (z.skiplist.length() <= config.getLong("zset-max-listpack-entries")
                && maxLen <= config.getMemory("zset-max-listpack-value")) {
            Listpack lp = new Listpack();
            for (SkipList.Node n = z.skiplist.first(); n != null; n = n.next()) {
                lp.append(n.member());
                lp.append(Scores.toListpackBytes(n.score()));
            }
            z.listpack = lp;
            z.skiplist = null;
            z.dict = null;
        }
    }

    /**
     * SORT's side effect: Redis's sortCommandGeneric destructively converts a sorted set to a
     * skiplist before reading it ("Destructively convert encoded sorted sets for SORT").
     */
    public static void convertForSort(ZSetValue z) {
        if (z.encoding() != dev.verdict.server.db.Encoding.SKIPLIST) convertToSkiplist(z);
    }

    static void convertToSkiplist(ZSetValue z) {
        SkipList sl = new SkipList();
        HashMap<BytesKey, Double> dict = new HashMap<>();
        walk(z, 0, true, (m, s) -> {
            sl.insert(s, m);
            dict.put(new BytesKey(m), s);
            return true;
        });
        z.skiplist = sl;
        z.dict = dict;
        z.listpack = null;
    }

    /** For tests: the skiplist's structure is sound. */
    static boolean skiplistConsistent(ZSetValue z) {
        return z.skiplist == null || z.skiplist.isConsistent();
    }

    public static void forEach(ZSetValue z, Consumer<Entry> visitor) {
        walk(z, 0, true, (m, s) -> {
            visitor.accept(new Entry(m, s));
            return true;
        });
    }

    private static void insert(ZSetValue z, double score, byte[] member) {
        if (z.listpack != null) {
            Listpack lp = z.listpack;
            byte[] stored = Scores.toListpackBytes(score);
            int p = lp.first();
            while (p != -1) {
                int s = lp.next(p);
                double sc = scoreAt(lp, s);
                if (sc > score || (sc == score && java.util.Arrays.compareUnsigned(lp.get(p), member) > 0)) break;
                p = lp.next(s);
            }
            int at = lp.insertBefore(p, member);
            lp.insertAfter(at, stored);
            return;
        }
        z.skiplist.insert(score, member);
        z.dict.put(new BytesKey(member), score);
    }

    private static void removeKnown(ZSetValue z, byte[] member, double score) {
        if (z.listpack != null) {
            int p = findMember(z.listpack, member);
            z.listpack.deleteRange(p, 2);
            return;
        }
        z.skiplist.delete(score, member);
        z.dict.remove(new BytesKey(member));
    }

    private static int findMember(Listpack lp, byte[] member) {
        int p = lp.first();
        return p == -1 ? -1 : lp.find(p, member, 1);
    }

    private static double scoreAt(Listpack lp, int p) {
        return lp.isInteger(p) ? (double) lp.getLong(p) : Scores.fromStored(lp.get(p));
    }
}
