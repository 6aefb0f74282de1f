package dev.verdict.conformance.spec;

import dev.verdict.conformance.client.Protocol;
import dev.verdict.conformance.client.RespValue;

import java.util.ArrayList;
import java.util.List;

/**
 * An array, set, push or map whose elements are themselves expectations (some of them loose,
 * such as {@code anyInteger()}). A map is kept as its flat key/value list plus a flag, so that
 * RESP2's flattened form is the same object with another kind.
 */
final class AggregateReply implements Expected {

    enum Kind { ARRAY, SET, PUSH, MAP }

    private final Kind kind;
    private final List<Expected> elements;
    private final boolean ordered;
    /** RESP2-flattened map: an array compared as unordered key/value pairs. */
    private final boolean pairs;

    AggregateReply(Kind kind, List<Expected> elements, boolean ordered) {
        this(kind, elements, ordered, false);
    }

    private AggregateReply(Kind kind, List<Expected> elements, boolean ordered, boolean pairs) {
        this.kind = kind;
        this.elements = elements;
        this.ordered = ordered;
        this.pairs = pairs;
    }

    @Override
    public Expected forProtocol(Protocol protocol) {
        List<Expected> mapped = new ArrayList<>(elements.size());
        for (Expected e : elements) {
            mapped.add(e.forProtocol(protocol));
        }
        if (protocol == Protocol.RESP3) {
            return new AggregateReply(kind, mapped, ordered, pairs);
        }
        return new AggregateReply(Kind.ARRAY, mapped, ordered && kind != Kind.MAP, pairs || kind == Kind.MAP);
    }

    @Override
    public boolean matches(RespValue actual, boolean lenient) {
        if (actual instanceof RespValue.Attributed a) {
            actual = a.value();
        }
        if (kind == Kind.MAP) {
            if (lenient && elements.isEmpty() && actual instanceof RespValue.Array a && a.elements().isEmpty()) {
                return true; // Jedis decodes an empty RESP3 map as an empty list
            }
            if (!(actual instanceof RespValue.MapValue m)) {
                return false;
            }
            List<RespValue> flat = new ArrayList<>();
            m.entries().forEach(en -> {
                flat.add(en.getKey());
                flat.add(en.getValue());
            });
            return matchPairs(flat, lenient);
        }
        List<RespValue> actualElements = ReplyComparison.elements(actual);
        if (actualElements == null || (!lenient && !sameKind(actual))) {
            return false;
        }
        if (pairs) {
            return matchPairs(actualElements, lenient);
        }
        return ReplyComparison.matchAll(elements, actualElements, ordered && kind != Kind.SET,
                (e, a) -> e.matches(a, lenient));
    }

    private boolean sameKind(RespValue actual) {
        return switch (kind) {
            case ARRAY -> actual instanceof RespValue.Array;
            case SET -> actual instanceof RespValue.SetValue;
            case PUSH -> actual instanceof RespValue.Push;
            case MAP -> actual instanceof RespValue.MapValue;
        };
    }

    private boolean matchPairs(List<RespValue> flat, boolean lenient) {
        if (flat.size() != elements.size()) {
            return false;
        }
        List<Expected[]> expectedPairs = new ArrayList<>();
        for (int i = 0; i + 1 < elements.size(); i += 2) {
            expectedPairs.add(new Expected[] {elements.get(i), elements.get(i + 1)});
        }
        List<RespValue[]> actualPairs = new ArrayList<>();
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            actualPairs.add(new RespValue[] {flat.get(i), flat.get(i + 1)});
        }
        return ReplyComparison.matchAll(expectedPairs, actualPairs, false,
                (e, a) -> e[0].matches(a[0], lenient) && e[1].matches(a[1], lenient));
    }

    @Override
    public String toString() {
        String prefix = switch (kind) {
            case ARRAY -> pairs ? "pairs" : ordered ? "" : "unordered";
            case SET -> "~";
            case PUSH -> ">";
            case MAP -> "%";
        };
        return prefix + elements;
    }
}
