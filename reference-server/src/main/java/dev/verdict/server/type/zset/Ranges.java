package dev.verdict.server.type.zset;

import java.util.Arrays;

/** Score and lex range bounds (zslParseRange, zslParseLexRange) turned into {@link ZSetType.Bound}s. */
final class Ranges {

    private Ranges() {
    }

    /** Elements before the range start and those up to its end: ranks [start, end) are inside. */
    record Span(ZSetType.Bound beforeStart, ZSetType.Bound upToEnd) {
        long start(ZSetValue z) {
            return ZSetType.countWhile(z, beforeStart);
        }

        long end(ZSetValue z) {
            return ZSetType.countWhile(z, upToEnd);
        }
    }

    /** "(1.5", "-inf", "3": null when not a float. */
    static Span score(byte[] minArg, byte[] maxArg) {
        boolean minEx = minArg.length > 0 && minArg[0] == '(';
        boolean maxEx = maxArg.length > 0 && maxArg[0] == '(';
        Double min = Scores.parse(minEx ? Arrays.copyOfRange(minArg, 1, minArg.length) : minArg);
        Double max = Scores.parse(maxEx ? Arrays.copyOfRange(maxArg, 1, maxArg.length) : maxArg);
        if (min == null || max == null) return null;
        double lo = min;
        double hi = max;
        return new Span(
                (s, m) -> minEx ? s <= lo : s < lo,
                (s, m) -> (maxEx ? s < hi : s <= hi) && !(hi < lo || (hi == lo && (minEx || maxEx))));
    }

    /** "[a", "(a", "-", "+": null when malformed. */
    static Span lex(byte[] minArg, byte[] maxArg) {
        Item min = item(minArg);
        Item max = item(maxArg);
        if (min == null || max == null) return null;
        return new Span((s, m) -> min.before(m, true), (s, m) -> max.before(m, false));
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
