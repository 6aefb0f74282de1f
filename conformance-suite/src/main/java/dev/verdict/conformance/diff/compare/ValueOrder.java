package dev.verdict.conformance.diff.compare;

import dev.verdict.conformance.client.Protocol;
import dev.verdict.conformance.client.RespEncoder;
import dev.verdict.conformance.client.RespValue;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Canonical orderings of reply values whose order carries no meaning, and a shape-only view of a value. */
final class ValueOrder {

    private static final Comparator<byte[]> BYTES = Arrays::compareUnsigned;

    private ValueOrder() {
    }

    static byte[] bytes(RespValue v) {
        return RespEncoder.encode(v, Protocol.RESP3);
    }

    /** Elements of an array or set sorted by their encoding; maps sorted by key; anything else unchanged. */
    static RespValue sorted(RespValue v) {
        if (v instanceof RespValue.Array a) {
            return new RespValue.Array(sortValues(a.elements()));
        }
        if (v instanceof RespValue.SetValue s) {
            return new RespValue.SetValue(sortValues(s.elements()));
        }
        if (v instanceof RespValue.MapValue m) {
            List<Map.Entry<RespValue, RespValue>> entries = new ArrayList<>(m.entries());
            entries.sort(Comparator.comparing(e -> bytes(e.getKey()), BYTES));
            return new RespValue.MapValue(entries);
        }
        return v;
    }

    /** A flat RESP2 array of key, value, key, value... sorted as pairs; a RESP3 map sorted by key. */
    static RespValue sortedPairs(RespValue v) {
        if (v instanceof RespValue.Array a && a.elements().size() % 2 == 0) {
            List<Map.Entry<RespValue, RespValue>> pairs = new ArrayList<>();
            for (int i = 0; i < a.elements().size(); i += 2) {
                pairs.add(new AbstractMap.SimpleEntry<>(a.elements().get(i), a.elements().get(i + 1)));
            }
            pairs.sort(Comparator.comparing(e -> bytes(e.getKey()), BYTES));
            List<RespValue> flat = new ArrayList<>();
            pairs.forEach(p -> {
                flat.add(p.getKey());
                flat.add(p.getValue());
            });
            return new RespValue.Array(flat);
        }
        return sorted(v);
    }

    /** Every aggregate at every depth sorted, then the top level rewritten by {@code top}. */
    static RespValue deepSorted(RespValue v, java.util.function.UnaryOperator<RespValue> top) {
        return top.apply(sortChildren(v));
    }

    private static RespValue sortChildren(RespValue v) {
        if (v instanceof RespValue.Array a) {
            return new RespValue.Array(a.elements().stream().map(e -> sorted(sortChildren(e))).toList());
        }
        if (v instanceof RespValue.SetValue s) {
            return new RespValue.SetValue(s.elements().stream().map(e -> sorted(sortChildren(e))).toList());
        }
        if (v instanceof RespValue.MapValue m) {
            List<Map.Entry<RespValue, RespValue>> entries = new ArrayList<>();
            m.entries().forEach(e -> entries.add(new AbstractMap.SimpleEntry<>(sorted(sortChildren(e.getKey())),
                    sorted(sortChildren(e.getValue())))));
            return new RespValue.MapValue(entries);
        }
        return v;
    }

    /** Sorted by encoding, each element encoded once (introspection replies have thousands of elements). */
    private static List<RespValue> sortValues(List<RespValue> values) {
        List<Map.Entry<byte[], RespValue>> keyed = new ArrayList<>(values.size());
        values.forEach(v -> keyed.add(new AbstractMap.SimpleEntry<>(bytes(v), v)));
        keyed.sort(Map.Entry.comparingByKey(BYTES));
        return keyed.stream().map(Map.Entry::getValue).toList();
    }

    /** The value with every leaf replaced by its type: what two random picks of the same size have in common. */
    static String shape(RespValue v) {
        if (v instanceof RespValue.Array a) {
            return "*" + shapes(a.elements());
        }
        if (v instanceof RespValue.SetValue s) {
            return "~" + shapes(s.elements());
        }
        if (v instanceof RespValue.MapValue m) {
            List<RespValue> flat = new ArrayList<>();
            m.entries().forEach(e -> {
                flat.add(e.getKey());
                flat.add(e.getValue());
            });
            return "%" + shapes(flat);
        }
        if (v instanceof RespValue.Error e) {
            return "-" + e.message();
        }
        return v.getClass().getSimpleName();
    }

    private static String shapes(List<RespValue> values) {
        StringBuilder sb = new StringBuilder("[");
        values.forEach(e -> sb.append(shape(e)).append(','));
        return sb.append(']').toString();
    }
}
