package dev.verdict.server.type.stream;

/**
 * Parsing of ID arguments as streamGenericParseIDOrReply does it: {@code ms-seq}, {@code ms}
 * (the sequence defaults to the caller's choice), {@code -} and {@code +} unless strict, and
 * {@code ms-*} where an auto sequence is allowed.
 */
public final class StreamIdArg {

    public static final String INVALID = "ERR Invalid stream ID specified as stream command argument";

    /** A parsed ID; {@code seqGiven} is false for {@code ms-*}. */
    public record Parsed(StreamId id, boolean seqGiven) {
    }

    private StreamIdArg() {
    }

    /** The ID, or null when invalid. */
    public static StreamId parse(byte[] arg, long missingSeq, boolean strict) {
        Parsed p = parse(arg, missingSeq, strict, false);
        return p == null ? null : p.id();
    }

    public static Parsed parse(byte[] arg, long missingSeq, boolean strict, boolean allowAutoSeq) {
        if (arg.length > 127) return null;
        if (arg.length == 1 && (arg[0] == '-' || arg[0] == '+')) {
            if (strict) return null;
            return new Parsed(arg[0] == '-' ? StreamId.MIN : StreamId.MAX, true);
        }
        int dash = -1;
        for (int i = 0; i < arg.length; i++) {
            if (arg[i] == '-') {
                dash = i;
                break;
            }
        }
        Long ms = StreamId.parseUnsigned(arg, 0, dash < 0 ? arg.length : dash);
        if (ms == null) return null;
        if (dash < 0) return new Parsed(new StreamId(ms, missingSeq), true);
        if (allowAutoSeq && arg.length - dash - 1 == 1 && arg[dash + 1] == '*') {
            return new Parsed(new StreamId(ms, 0), false);
        }
        Long seq = StreamId.parseUnsigned(arg, dash + 1, arg.length);
        if (seq == null) return null;
        return new Parsed(new StreamId(ms, seq), true);
    }

    /** An interval bound: a leading '(' (on more than one character) makes it exclusive. */
    public record Bound(StreamId id, boolean exclusive) {
    }

    public static Bound parseBound(byte[] arg, long missingSeq) {
        boolean exclusive = arg.length > 1 && arg[0] == '(';
        if (exclusive) {
            StreamId id = parse(java.util.Arrays.copyOfRange(arg, 1, arg.length), missingSeq, true);
            return id == null ? null : new Bound(id, true);
        }
        StreamId id = parse(arg, missingSeq, false);
        return id == null ? null : new Bound(id, false);
    }
}
