package dev.verdict.conformance.spec;

import dev.verdict.conformance.client.RespValue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * Equality of an expected and an actual reply. Exact mode is byte-exact except that RESP3 sets
 * and maps (and RESP2 pair lists written with {@code map}) compare unordered, since Redis gives
 * no order for them. Lenient mode also forgives what a client library's decoding erases.
 */
final class ReplyComparison {

    private ReplyComparison() {
    }

    static boolean equal(RespValue e, RespValue a, boolean lenient) {
        if (e instanceof RespValue.Attributed ea) {
            e = ea.value();
        }
        if (a instanceof RespValue.Attributed aa) {
            a = aa.value();
        }
        if (!lenient) {
            return exact(e, a);
        }
        return lenientEqual(e, a);
    }

    private static boolean exact(RespValue e, RespValue a) {
        if (e instanceof RespValue.SetValue es && a instanceof RespValue.SetValue as) {
            return sameElements(es.elements(), as.elements(), false, false);
        }
        if (e instanceof RespValue.Array ea && a instanceof RespValue.Array aa) {
            return sameElements(ea.elements(), aa.elements(), true, false);
        }
        if (e instanceof RespValue.Push ep && a instanceof RespValue.Push ap) {
            return sameElements(ep.elements(), ap.elements(), true, false);
        }
        if (e instanceof RespValue.MapValue em && a instanceof RespValue.MapValue am) {
            return sameEntries(em.entries(), am.entries(), false);
        }
        return e.equals(a);
    }

    private static boolean lenientEqual(RespValue e, RespValue a) {
        if (e instanceof RespValue.SimpleString s) {
            return textOf(a) != null && textOf(a).equals(s.value());
        }
        if (e instanceof RespValue.Bulk b) {
            return (a instanceof RespValue.Bulk ab && Arrays.equals(ab.value(), b.value()))
                    || (a instanceof RespValue.SimpleString as && as.value().equals(b.text()))
                    || (a instanceof RespValue.Verbatim av && Arrays.equals(av.text(), b.value()));
        }
        if (e instanceof RespValue.Verbatim v) {
            return (a instanceof RespValue.Verbatim av && Arrays.equals(av.text(), v.text()))
                    || (a instanceof RespValue.Bulk ab && Arrays.equals(ab.value(), v.text()));
        }
        if (e instanceof RespValue.Null) {
            return a instanceof RespValue.Null;
        }
        if (e instanceof RespValue.Double d) {
            Double x = number(d.text());
            String at = a instanceof RespValue.Double ad ? ad.text() : textOf(a);
            Double y = at == null ? null : number(at);
            return x != null && y != null && (x.equals(y) || Math.abs(x - y) <= 1e-12 * Math.max(1, Math.abs(x)));
        }
        if (e instanceof RespValue.Boolean b) {
            return a.equals(b) || a.equals(new RespValue.Integer(b.value() ? 1 : 0));
        }
        if (e instanceof RespValue.BigNumber n) {
            return a.equals(n) || n.digits().equals(textOf(a));
        }
        List<RespValue> ee = elements(e);
        if (ee != null) {
            List<RespValue> ae = elements(a);
            return ae != null && sameElements(ee, ae, !(e instanceof RespValue.SetValue), true);
        }
        if (e instanceof RespValue.MapValue em) {
            return a instanceof RespValue.MapValue am && sameEntries(em.entries(), am.entries(), true);
        }
        return e.equals(a);
    }

    static List<RespValue> elements(RespValue v) {
        if (v instanceof RespValue.Array x) {
            return x.elements();
        }
        if (v instanceof RespValue.SetValue x) {
            return x.elements();
        }
        if (v instanceof RespValue.Push x) {
            return x.elements();
        }
        return null;
    }

    /** The text of a string-like reply, or null. */
    static String textOf(RespValue v) {
        if (v instanceof RespValue.SimpleString s) {
            return s.value();
        }
        if (v instanceof RespValue.Bulk b) {
            return b.text();
        }
        if (v instanceof RespValue.Verbatim t) {
            return new String(t.text(), StandardCharsets.UTF_8);
        }
        return null;
    }

    private static Double number(String text) {
        String t = text.toLowerCase();
        if (t.equals("inf") || t.equals("+inf") || t.equals("infinity")) {
            return Double.POSITIVE_INFINITY;
        }
        if (t.equals("-inf") || t.equals("-infinity")) {
            return Double.NEGATIVE_INFINITY;
        }
        try {
            return Double.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean sameElements(List<RespValue> e, List<RespValue> a, boolean ordered, boolean lenient) {
        return matchAll(e, a, ordered, (x, y) -> equal(x, y, lenient));
    }

    private static boolean sameEntries(List<Map.Entry<RespValue, RespValue>> e, List<Map.Entry<RespValue, RespValue>> a,
                                       boolean lenient) {
        return matchAll(e, a, false,
                (x, y) -> equal(x.getKey(), y.getKey(), lenient) && equal(x.getValue(), y.getValue(), lenient));
    }

    /** Element-wise match, in order or as a multiset (by backtracking: replies in specs are small). */
    static <E, A> boolean matchAll(List<E> expected, List<A> actual, boolean ordered, BiPredicate<E, A> match) {
        if (expected.size() != actual.size()) {
            return false;
        }
        if (ordered) {
            for (int i = 0; i < expected.size(); i++) {
                if (!match.test(expected.get(i), actual.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return assign(expected, actual, 0, new boolean[actual.size()], match);
    }

    private static <E, A> boolean assign(List<E> expected, List<A> actual, int i, boolean[] used, BiPredicate<E, A> match) {
        if (i == expected.size()) {
            return true;
        }
        for (int j = 0; j < actual.size(); j++) {
            if (!used[j] && match.test(expected.get(i), actual.get(j))) {
                used[j] = true;
                if (assign(expected, actual, i + 1, used, match)) {
                    return true;
                }
                used[j] = false;
            }
        }
        return false;
    }
}
