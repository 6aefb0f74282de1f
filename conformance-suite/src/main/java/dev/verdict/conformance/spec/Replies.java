package dev.verdict.conformance.spec;

import dev.verdict.conformance.client.Protocol;
import dev.verdict.conformance.client.RespValue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The vocabulary spec cases write expected replies in. Aggregates take plain Java values for
 * brevity: a {@code String} or {@code byte[]} is a bulk string, an {@code Integer}/{@code Long}
 * an integer, {@code null} a null, an {@link Expected} itself.
 */
public final class Replies {

    private Replies() {
    }

    public static Expected ok() {
        return simple("OK");
    }

    public static Expected queued() {
        return simple("QUEUED");
    }

    public static Expected simple(String text) {
        return exact(new RespValue.SimpleString(text));
    }

    public static Expected bulk(String text) {
        return exact(new RespValue.Bulk(text));
    }

    public static Expected bulk(byte[] bytes) {
        return exact(new RespValue.Bulk(bytes));
    }

    public static Expected integer(long n) {
        return exact(new RespValue.Integer(n));
    }

    /** A null reply: {@code $-1} in RESP2, {@code _} in RESP3. */
    public static Expected nil() {
        return exact(new RespValue.Null(RespValue.NullKind.BULK));
    }

    /** A null array: {@code *-1} in RESP2, {@code _} in RESP3 (BLPOP timeout, EXEC aborted by WATCH...). */
    public static Expected nilArray() {
        return exact(new RespValue.Null(RespValue.NullKind.ARRAY));
    }

    public static Expected error(String message) {
        return exact(new RespValue.Error(message));
    }

    /** RESP3 double; a bulk string with the same text in RESP2. */
    public static Expected dbl(String text) {
        return exact(new RespValue.Double(text));
    }

    /** RESP3 boolean; integer 1/0 in RESP2. */
    public static Expected bool(boolean value) {
        return exact(new RespValue.Boolean(value));
    }

    /** RESP3 verbatim text ({@code txt}); a bulk string in RESP2. */
    public static Expected verbatim(String text) {
        return exact(new RespValue.Verbatim("txt", text.getBytes(StandardCharsets.UTF_8)));
    }

    public static Expected array(Object... elements) {
        return aggregate(AggregateReply.Kind.ARRAY, elements, true);
    }

    /** An array whose element order Redis does not define (KEYS, SMEMBERS in RESP2 ...). */
    public static Expected unordered(Object... elements) {
        return new AggregateReply(AggregateReply.Kind.ARRAY, toExpected(elements), false);
    }

    /** A RESP3 set (compared unordered); an array in RESP2. */
    public static Expected set(Object... elements) {
        return aggregate(AggregateReply.Kind.SET, elements, false);
    }

    /** A RESP3 push message; an array in RESP2 (pub/sub messages). */
    public static Expected push(Object... elements) {
        return aggregate(AggregateReply.Kind.PUSH, elements, true);
    }

    /** A RESP3 map from alternating keys and values (compared unordered); a flat array in RESP2. */
    public static Expected map(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("map needs key/value pairs");
        }
        return new AggregateReply(AggregateReply.Kind.MAP, toExpected(keysAndValues), false);
    }

    /**
     * Members with scores as Redis 7.0 replies to WITHSCORES: a flat member/score array in RESP2,
     * an array of [member, double] pairs in RESP3. Scores are written as Redis prints them.
     */
    public static Expected withScores(String... membersAndScores) {
        Object[] flat = new Object[membersAndScores.length];
        Object[] nested = new Object[membersAndScores.length / 2];
        for (int i = 0; i + 1 < membersAndScores.length; i += 2) {
            flat[i] = membersAndScores[i];
            flat[i + 1] = membersAndScores[i + 1];
            nested[i / 2] = array(membersAndScores[i], dbl(membersAndScores[i + 1]));
        }
        return byProtocol(array(flat), array(nested));
    }

    /** Where Redis 7.0 answers differently per protocol beyond the generic RESP2 downgrade. */
    public static Expected byProtocol(Object resp2, Object resp3) {
        return new ProtocolChoice(toExpected(resp2), toExpected(resp3));
    }

    public static Expected emptyArray() {
        return array();
    }

    // ---- loose expectations ----

    public static Expected anything() {
        return new ReplyPredicate("anything", (a, l) -> true);
    }

    public static Expected anyInteger() {
        return new ReplyPredicate("any integer", (a, l) -> a instanceof RespValue.Integer);
    }

    public static Expected integerBetween(long min, long max) {
        return new ReplyPredicate("integer in [" + min + ", " + max + "]",
                (a, l) -> a instanceof RespValue.Integer i && i.value() >= min && i.value() <= max);
    }

    public static Expected anyBulk() {
        return new ReplyPredicate("any bulk string", (a, l) -> a instanceof RespValue.Bulk);
    }

    /** A bulk string whose whole text matches the regular expression. */
    public static Expected bulkMatching(String regex) {
        Pattern p = Pattern.compile(regex, Pattern.DOTALL);
        return new ReplyPredicate("bulk matching /" + regex + "/",
                (a, l) -> a instanceof RespValue.Bulk b && p.matcher(b.text()).matches());
    }

    /** A RESP3 double (bulk string in RESP2) whose value lies within {@code [min, max]}. */
    public static Expected doubleBetween(double min, double max) {
        return new ReplyPredicate("double in [" + min + ", " + max + "]", (a, p, l) -> {
            boolean rightType = p == Protocol.RESP3 ? a instanceof RespValue.Double : a instanceof RespValue.Bulk;
            String text = a instanceof RespValue.Double d ? d.text() : ReplyComparison.textOf(a);
            if (!(rightType || l) || text == null) {
                return false;
            }
            try {
                double v = Double.parseDouble(text);
                return v >= min && v <= max;
            } catch (NumberFormatException e) {
                return false;
            }
        });
    }

    /** Text (bulk in RESP2, verbatim {@code txt} in RESP3, as INFO and CLIENT INFO reply) containing a fragment. */
    public static Expected textContaining(String fragment) {
        return new ReplyPredicate("text containing \"" + fragment + "\"", (a, p, l) -> {
            boolean rightType = p == Protocol.RESP3 ? a instanceof RespValue.Verbatim v && v.format().equals("txt")
                    : a instanceof RespValue.Bulk;
            String text = ReplyComparison.textOf(a);
            return (rightType || l) && text != null && text.contains(fragment);
        });
    }

    public static Expected errorStartingWith(String prefix) {
        return new ReplyPredicate("error starting with \"" + prefix + "\"",
                (a, l) -> a instanceof RespValue.Error e && e.message().startsWith(prefix));
    }

    /** An array of {@code size} elements, each matching {@code element}. */
    public static Expected arrayOfSize(int size, Expected element) {
        return new ReplyPredicate(size + " x " + element, (a, p, l) -> {
            List<RespValue> es = ReplyComparison.elements(a);
            if (es == null || es.size() != size || (!l && !(a instanceof RespValue.Array))) {
                return false;
            }
            Expected e = element.forProtocol(p);
            return es.stream().allMatch(x -> e.matches(x, l));
        });
    }

    // ---- Redis's common error replies ----

    public static Expected wrongType() {
        return error("WRONGTYPE Operation against a key holding the wrong kind of value");
    }

    public static Expected syntaxError() {
        return error("ERR syntax error");
    }

    public static Expected notAnInteger() {
        return error("ERR value is not an integer or out of range");
    }

    public static Expected notAFloat() {
        return error("ERR value is not a valid float");
    }

    /** Arity error; {@code command} as Redis names it, lower case ({@code set}, {@code config|get}). */
    public static Expected wrongArity(String command) {
        return error("ERR wrong number of arguments for '" + command + "' command");
    }

    // ---- helpers ----

    private static Expected exact(RespValue v) {
        return new ExactReply(v);
    }

    private static Expected aggregate(AggregateReply.Kind kind, Object[] elements, boolean ordered) {
        List<Expected> es = toExpected(elements);
        // sets stay aggregates so their RESP2 array form is still compared unordered
        if (kind != AggregateReply.Kind.SET && es.stream().allMatch(e -> e instanceof ExactReply)) {
            List<RespValue> values = new ArrayList<>(es.size());
            es.forEach(e -> values.add(((ExactReply) e).value()));
            return exact(switch (kind) {
                case ARRAY -> new RespValue.Array(values);
                case PUSH -> new RespValue.Push(values);
                default -> throw new IllegalArgumentException(kind + " is built as an aggregate");
            });
        }
        return new AggregateReply(kind, es, ordered);
    }

    static List<Expected> toExpected(Object[] elements) {
        List<Expected> out = new ArrayList<>(elements.length);
        for (Object o : elements) {
            out.add(toExpected(o));
        }
        return out;
    }

    static Expected toExpected(Object o) {
        if (o == null) {
            return nil();
        }
        if (o instanceof Expected e) {
            return e;
        }
        if (o instanceof String s) {
            return bulk(s);
        }
        if (o instanceof byte[] b) {
            return bulk(b);
        }
        if (o instanceof Integer || o instanceof Long) {
            return integer(((Number) o).longValue());
        }
        throw new IllegalArgumentException("cannot express " + o.getClass().getSimpleName() + " as a reply");
    }

}
