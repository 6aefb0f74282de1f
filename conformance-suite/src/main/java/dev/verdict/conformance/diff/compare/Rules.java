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
     * guarantee SCAN gives is about the full iteration. A command whose cursor is 0 is itself the first page of
     * that iteration; the two targets' next pages are asked for together.
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
                Iteration x = new Iteration(c, pairs);
                Iteration y = new Iteration(c, pairs);
                if (c.arg(cursorIndex).equals("0")) {
                    x.page(a);
                    y.page(b);
                }
                while (!x.done || !y.done) {
                    if (!x.done && !y.done) {
                        RespReply[] both = s.callBoth(x.next(cursorIndex), y.next(cursorIndex));
                        x.page(both[0]);
                        y.page(both[1]);
                    } else if (!x.done) {
                        x.page(s.callA(x.next(cursorIndex)));
                    } else {
                        y.page(s.callB(y.next(cursorIndex)));
                    }
                }
                return x.seen.equals(y.seen);
            }

            @Override
            public boolean needsLiveSides() {
                return true;
            }
        };
    }

    /** One target's full SCAN iteration: the elements seen so far and the cursor of the next page. */
    private static final class Iteration {
        private static final int MAX_PAGES = 100_000;
        final TreeSet<String> seen = new TreeSet<>();
        private final Command command;
        private final List<String> args;
        private final boolean pairs;
        private String cursor = "0";
        private int pages;
        boolean done;

        Iteration(Command c, boolean pairs) {
            this.command = c;
            this.args = new ArrayList<>(c.argStrings());
            this.pairs = pairs;
        }

        Command next(int cursorIndex) {
            args.set(cursorIndex, cursor);
            return command.withArgs(args);
        }

        void page(RespReply reply) {
            RespValue v = reply.value();
            if (!(v instanceof RespValue.Array top) || top.elements().size() != 2
                    || !(top.elements().get(0) instanceof RespValue.Bulk next)
                    || !(top.elements().get(1) instanceof RespValue.Array items)) {
                seen.add("unexpected page: " + v);
                done = true;
                return;
            }
            List<RespValue> e = items.elements();
            for (int i = 0; i < e.size(); i += pairs ? 2 : 1) {
                seen.add(hex(e.get(i)) + (pairs && i + 1 < e.size() ? "=" + hex(e.get(i + 1)) : ""));
            }
            cursor = new String(next.value(), StandardCharsets.ISO_8859_1);
            done = cursor.equals("0");
            if (!done && ++pages >= MAX_PAGES) {
                seen.add("iteration did not end");
                done = true;
            }
        }
    }

    private static String hex(RespValue v) {
        return HexFormat.of().formatHex(ValueOrder.bytes(v));
    }
}
