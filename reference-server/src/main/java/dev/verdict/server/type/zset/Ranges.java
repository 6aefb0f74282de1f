package dev.verdict.server.type.zset;

import java.util.Arrays;

/** Score and lex range bounds (zslParseRange, zslParseLexRange) turned into {@link ZSetType.Bound}s. */
final class Ranges {

    private Ranges() {
    }

    /**
     * A range: elements before its start, and those within its end. Ranks [start, end) are inside.
     * Lex ranges over members of different scores are not monotone, so, as Redis does, their end
     * is found by walking on from the start (and a reverse walk starts from the tail side).
     */
    record Span(ZSetType.Bound beforeStart, ZSetType.Bound upToEnd, boolean lex) {
        long start(ZSetValue z) {
            return possible(z) ? ZSetType.countWhile(z, beforeStart) : ZSetType.length(z);
        }

        /** zslIsInLexRange / zzlIsInLexRange: the tail reaches the start and the head is within the end. */
        boolean possible(ZSetValue z) {
            long len = ZSetType.length(z);
            if (len == 0) return false;
            boolean[] ok = {true};
            ZSetType.walk(z, len - 1, false, (m, s) -> {
                ok[0] = !beforeStart.before(s, m);
                return false;
            });
            ZSetType.walk(z, 0, true, (m, s) -> {
                ok[0] &= upToEnd.before(s, m);
                return false;
            });
            return ok[0];
        }

        long end(ZSetValue z) {
            if (!possible(z)) return ZSetType.length(z);
            if (!lex) return ZSetType.countWhile(z, upToEnd);
            long start = start(z);
            long[] n = {0};
            ZSetType.walk(z, start, true, (m, s) -> {
                if (!upToEnd.before(s, m)) return false;
                n[0]++;
                return true;
            });
            return start + n[0];
        }

        /** Rank where a reverse walk begins: the last element within the end (zzl/zslLastInRange). */
        long reverseStart(ZSetValue z) {
            if (!possible(z)) return -1;
            if (!lex || z.encoding() != dev.verdict.server.db.Encoding.LISTPACK) return ZSetType.countWhile(z, upToEnd) - 1;
            long len = ZSetType.length(z);
            long[] skipped = {0};
            ZSetType.walk(z, len - 1, false, (m, s) -> {
                if (upToEnd.before(s, m)) return false;
                skipped[0]++;
                return true;
            });
            return len - 1 - skipped[0];
        }
    }

    /** "(1.5", "-inf", "3": null when not a float. */
    static Span score(byte[] minArg, byte[] maxArg) {
        boolean minEx = minArg.length > 0 && minArg[0] == '(';
        boolean maxEx = maxArg.length > 0 && maxArg[0] == '(';
        Double min = bound(minEx ? Arrays.copyOfRange(minArg, 1, minArg.length) : minArg);
        Double max = bound(maxEx ? Arrays.copyOfRange(maxArg, 1, maxArg.length) : maxArg);
        if (min == null || max == null) return null;
        double lo = min;
        double hi = max;
        return new Span(
                (s, m) -> minEx ? s <= lo : s < lo,
                (s, m) -> (maxEx ? s < hi : s <= hi) && !(hi < lo || (hi == lo && (minEx || maxEx))), false);
    }

    /** strtod of an empty text converts nothing yet ends at the NUL, so zslParseRange takes "" and "(" as 0. */
    private static Double bound(byte[] text) {
        return text.length == 0 ? Double.valueOf(0) : Scores.parseRange(text);
    }

    /** "[a", "(a", "-", "+": null when malformed. */
    static Span lex(byte[] minArg, byte[] maxArg) {
        Item min = item(minArg);
        Item max = item(maxArg);
        if (min == null || max == null) return null;
        return new Span((s, m) -> min.before(m, true), (s, m) -> max.before(m, false), true);
    }

    /** A lex bound: "-" (below all), "+" (above all), or a value with inclusiveness. */
    private record Item(int infinity, byte[] value, boolean inclusive) {
        /** Does member lie before this bound (as a range start) or within it (as a range end)? */
        boolean before(byte[] member, boolean asStart) {
            if (infinity < 0) return false;
            if (infinity > 0) return true;
            int c = Arrays.compareUnsigned(member, value);
            if (asStart) return inclusive ? c < 0 : c <= 0;
            return inclusive ? c <= 0 : c < 0;
        }
    }

    private static Item item(byte[] arg) {
        if (arg.length == 0) return null;
        return switch (arg[0]) {
            case '+' -> arg.length == 1 ? new Item(1, null, false) : null;
            case '-' -> arg.length == 1 ? new Item(-1, null, false) : null;
            case '(' -> new Item(0, Arrays.copyOfRange(arg, 1, arg.length), false);
            case '[' -> new Item(0, Arrays.copyOfRange(arg, 1, arg.length), true);
            default -> null;
        };
    }
}
