package dev.verdict.conformance.diff.compare;

import dev.verdict.conformance.client.RespReply;
import dev.verdict.conformance.client.RespValue;
import dev.verdict.conformance.diff.Command;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** The kinds of comparison the normalisation table assigns to commands. */
public final class Rules {

    /** Byte-for-byte: the default. */
    public static final ReplyRule EXACT = (c, a, b, s) -> Arrays.equals(a.raw(), b.raw());

    private Rules() {
    }

    /** Equal after both replies are rewritten the same way. */
    public static ReplyRule normalised(UnaryOperator<RespValue> normalise) {
        return (c, a, b, s) -> Arrays.equals(a.raw(), b.raw())
                || Arrays.equals(ValueOrder.bytes(normalise.apply(a.value())), ValueOrder.bytes(normalise.apply(b.value())));
    }

    public static ReplyRule sorted() {
        return normalised(ValueOrder::sorted);
    }

    public static ReplyRule sortedPairs() {
        return normalised(ValueOrder::sortedPairs);
    }

    /** Unordered at every depth (introspection replies built from dictionaries inside dictionaries). */
    public static ReplyRule deepSorted(boolean topLevelPairs) {
        return normalised(v -> ValueOrder.deepSorted(v, topLevelPairs ? ValueOrder::sortedPairs : ValueOrder::sorted));
    }

    /**
     * DUMP payloads byte for byte, except a set or hash in a hash table (RDB types 2 and 4), whose elements are
     * written in hash-table order: then the type and the payload length must match.
     */
    public static ReplyRule dumpPayload() {
        return (c, a, b, s) -> {
            if (Arrays.equals(a.raw(), b.raw())) {
                return true;
            }
            if (a.value() instanceof RespValue.Bulk x && b.value() instanceof RespValue.Bulk y && x.value().length > 0
                    && y.value().length == x.value().length && x.value()[0] == y.value()[0]) {
                return x.value()[0] == 2 || x.value()[0] == 4;
            }
            return false;
        };
    }

    /** Same types and sizes all the way down; values free. Errors must still match exactly. */
    public static ReplyRule shape() {
        return (c, a, b, s) -> ValueOrder.shape(a.value()).equals(ValueOrder.shape(b.value()));
    }

    /** As {@link #shape()}, for a command whose random choice also changes the data (SPOP). */
    public static ReplyRule shapeDivergingState() {
        return new ReplyRule() {
            @Override
            public boolean agree(Command c, RespReply a, RespReply b, LiveSides s) {
                return ValueOrder.shape(a.value()).equals(ValueOrder.shape(b.value()));
            }

            @Override
            public boolean divergesState() {
                return true;
            }
        };
    }

    /** Integers may differ by at most {@code tolerance}; negative sentinels (-1, -2) must match exactly. */
    public static ReplyRule integerWithin(long tolerance) {
        return (c, a, b, s) -> {
            if (a.value() instanceof RespValue.Integer x && b.value() instanceof RespValue.Integer y && x.value() >= 0
                    && y.value() >= 0) {
                return tolerance == Long.MAX_VALUE || Math.abs(x.value() - y.value()) <= tolerance;
            }
            return Arrays.equals(a.raw(), b.raw());
        };
    }

    /**
     * With one of {@code options} present, any two integer replies agree (errors still compared exactly);
     * without, byte for byte.
     */
    public static ReplyRule integerFreeWithOption(Set<String> options) {
        ReplyRule anyInteger = integerWithin(Long.MAX_VALUE);
        return (c, a, b, s) -> c.argStrings().stream().anyMatch(x -> options.contains(x.toUpperCase(java.util.Locale.ROOT)))
                ? anyInteger.agree(c, a, b, s) : Arrays.equals(a.raw(), b.raw());
    }

    /**
     * The command's own page is not compared: each target is iterated from cursor 0 to the end with the same
     * options, and the sets of returned elements must be equal. Cursors are an implementation's business; the
     * guarantee SCAN gives is about the full iteration.
     *
     * @param cursorIndex position of the cursor among the command's arguments
     * @param pairs       elements come as field/value or member/score pairs
     */
    public static ReplyRule fullScan(int cursorIndex, boolean pairs) {
        return new ReplyRule() {
            @Override
            public boolean agree(Command c, RespReply a, RespReply b, LiveSides s) {
                if (a.isError() || b.isError() || c.args().size() <= cursorIndex) {
                    return Arrays.equals(a.raw(), b.raw());
                }
                return iterate(c, s::callA).equals(iterate(c, s::callB));
            }

            @Override
            public boolean needsLiveSides() {
                return true;
            }

            private TreeSet<String> iterate(Command c, Function<Command, RespReply> call) {
                TreeSet<String> seen = new TreeSet<>();
                List<String> args = new ArrayList<>(c.argStrings());
                String cursor = "0";
                for (int page = 0; page < 100_000; page++) {
                    args.set(cursorIndex, cursor);
                    RespValue v = call.apply(c.withArgs(args)).value();
                    if (!(v instanceof RespValue.Array top) || top.elements().size() != 2
                            || !(top.elements().get(0) instanceof RespValue.Bulk next)
                            || !(top.elements().get(1) instanceof RespValue.Array items)) {
                        seen.add("unexpected page: " + v);
                        return seen;
                    }
                    List<RespValue> e = items.elements();
                    for (int i = 0; i < e.size(); i += pairs ? 2 : 1) {
                        String item = hex(e.get(i)) + (pairs && i + 1 < e.size() ? "=" + hex(e.get(i + 1)) : "");
                        seen.add(item);
                    }
                    cursor = new String(next.value(), StandardCharsets.ISO_8859_1);
                    if (cursor.equals("0")) {
                        return seen;
                    }
                }
                seen.add("iteration did not end");
                return seen;
            }
        };
    }

    private static String hex(RespValue v) {
        return HexFormat.of().formatHex(ValueOrder.bytes(v));
    }
}
