package dev.verdict.conformance.client;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One decoded RESP2/RESP3 reply as a tree. Values keep what the wire said (a RESP2 null bulk
 * and a RESP2 null array are different values; a double keeps its text) so that a reply can
 * be compared exactly and re-encoded to the same bytes by {@link RespEncoder}.
 */
public sealed interface RespValue {

    /** {@code +OK}. */
    record SimpleString(String value) implements RespValue {
        @Override public String toString() { return "+" + value; }
    }

    /** {@code -ERR ...} or, when {@code blob}, RESP3's {@code !<len>} blob error. */
    record Error(String message, boolean blob) implements RespValue {
        public Error(String message) { this(message, false); }
        @Override public String toString() { return "(error) " + message; }
    }

    /** {@code :1}. */
    record Integer(long value) implements RespValue {
        @Override public String toString() { return "(integer) " + value; }
    }

    /** {@code $3 abc}. */
    record Bulk(byte[] value) implements RespValue {
        public Bulk(String text) { this(text.getBytes(StandardCharsets.UTF_8)); }
        public String text() { return new String(value, StandardCharsets.UTF_8); }
        @Override public boolean equals(Object o) { return o instanceof Bulk b && Arrays.equals(value, b.value); }
        @Override public int hashCode() { return Arrays.hashCode(value); }
        @Override public String toString() { return "\"" + RespValues.escape(value) + "\""; }
    }

    /** Which null the wire carried: RESP2's {@code $-1} or {@code *-1}, or RESP3's {@code _}. */
    enum NullKind { BULK, ARRAY, RESP3 }

    record Null(NullKind kind) implements RespValue {
        @Override public String toString() { return "(nil" + (kind == NullKind.RESP3 ? ")" : " " + kind.name().toLowerCase() + ")"); }
    }

    /** {@code *N}. */
    record Array(List<RespValue> elements) implements RespValue {
        @Override public String toString() { return elements.toString(); }
    }

    /** RESP3 {@code %N}; entries keep wire order. */
    record MapValue(List<Map.Entry<RespValue, RespValue>> entries) implements RespValue {
        @Override public String toString() { return "%" + entries; }
    }

    /** RESP3 {@code ~N}; elements keep wire order. */
    record SetValue(List<RespValue> elements) implements RespValue {
        @Override public String toString() { return "~" + elements; }
    }

    /** RESP3 {@code ,1.5}; the text is kept as sent ({@code inf}, {@code -inf}, {@code nan} included). */
    record Double(String text) implements RespValue {
        @Override public String toString() { return "(double) " + text; }
    }

    /** RESP3 {@code #t} / {@code #f}. */
    record Boolean(boolean value) implements RespValue {
        @Override public String toString() { return "(boolean) " + value; }
    }

    /** RESP3 {@code (123...}. */
    record BigNumber(String digits) implements RespValue {
        @Override public String toString() { return "(big number) " + digits; }
    }

    /** RESP3 {@code =<len> txt:...}; {@code format} is the three-letter prefix. */
    record Verbatim(String format, byte[] text) implements RespValue {
        @Override public boolean equals(Object o) {
            return o instanceof Verbatim v && format.equals(v.format) && Arrays.equals(text, v.text);
        }
        @Override public int hashCode() { return format.hashCode() * 31 + Arrays.hashCode(text); }
        @Override public String toString() { return "(verbatim " + format + ") \"" + RespValues.escape(text) + "\""; }
    }

    /** RESP3 {@code >N} out-of-band push. */
    record Push(List<RespValue> elements) implements RespValue {
        @Override public String toString() { return ">" + elements; }
    }

    /** RESP3 {@code |N} attribute map followed by the reply it annotates. */
    record Attributed(List<Map.Entry<RespValue, RespValue>> attributes, RespValue value) implements RespValue {
        @Override public String toString() { return "|" + attributes + " " + value; }
    }
}
