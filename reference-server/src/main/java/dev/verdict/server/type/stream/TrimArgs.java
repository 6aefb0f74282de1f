package dev.verdict.server.type.stream;

import dev.verdict.server.client.Client;
import dev.verdict.server.command.Args;
import dev.verdict.server.command.Errors;

/**
 * XADD's and XTRIM's options (streamParseAddOrTrimArgsOrReply): MAXLEN or MINID with {@code =}
 * or {@code ~}, LIMIT, and for XADD NOMKSTREAM and the ID. Parsing replies Redis's error itself.
 */
public record TrimArgs(Strategy strategy, long maxlen, StreamId minId, boolean approx, long limit,
                       int approxArgIndex, int idIndex, StreamId id, boolean seqGiven, boolean noMkStream) {

    public enum Strategy { NONE, MAXLEN, MINID }

    /** The parsed options, or null after replying an error. */
    public static TrimArgs parse(Client client, byte[][] argv, boolean xadd) {
        Strategy strategy = Strategy.NONE;
        long maxlen = -1;
        StreamId minId = StreamId.MIN;
        boolean approx = false;
        long limit = 0;
        boolean limitGiven = false;
        int approxIndex = -1;
        StreamId id = null;
        boolean seqGiven = true;
        boolean noMkStream = false;
        int i = 2;
        for (; i < argv.length; i++) {
            int more = argv.length - 1 - i;
            byte[] opt = argv[i];
            if (xadd && opt.length == 1 && opt[0] == '*') {
                break;
            } else if ((Args.is(opt, "maxlen") || Args.is(opt, "minid")) && more > 0) {
                if (strategy != Strategy.NONE) {
                    client.reply().error("ERR syntax error, MAXLEN and MINID options at the same time are not compatible");
                    return null;
                }
                boolean isMaxlen = Args.is(opt, "maxlen");
                approx = false;
                byte[] next = argv[i + 1];
                if (more >= 2 && next.length == 1 && next[0] == '~') {
                    approx = true;
                    approxIndex = i + 1;
                    i++;
                } else if (more >= 2 && next.length == 1 && next[0] == '=') {
                    i++;
                }
                if (isMaxlen) {
                    Long v = Args.parseLong(argv[i + 1]);
                    if (v == null) {
                        client.reply().error(Errors.NOT_INTEGER);
                        return null;
                    }
                    if (v < 0) {
                        client.reply().error("ERR The MAXLEN argument must be >= 0.");
                        return null;
                    }
                    maxlen = v;
                    strategy = Strategy.MAXLEN;
                } else {
                    StreamId parsed = StreamIdArg.parse(argv[i + 1], 0, true);
                    if (parsed == null) {
                        client.reply().error(StreamIdArg.INVALID);
                        return null;
                    }
                    minId = parsed;
                    strategy = Strategy.MINID;
                }
                i++;
            } else if (Args.is(opt, "limit") && more > 0) {
                Long v = Args.parseLong(argv[i + 1]);
                if (v == null) {
                    client.reply().error(Errors.NOT_INTEGER);
                    return null;
                }
                if (v < 0) {
                    client.reply().error("ERR The LIMIT argument must be >= 0.");
                    return null;
                }
                limit = v;
                limitGiven = true;
                i++;
            } else if (xadd && Args.is(opt, "nomkstream")) {
                noMkStream = true;
            } else if (xadd) {
                StreamIdArg.Parsed parsed = StreamIdArg.parse(opt, 0, true, true);
                if (parsed == null) {
                    client.reply().error(StreamIdArg.INVALID);
                    return null;
                }
                id = parsed.id();
                seqGiven = parsed.seqGiven();
                break;
            } else {
                client.reply().error(Errors.SYNTAX);
                return null;
            }
        }
        if (limit != 0 && strategy == Strategy.NONE) {
            client.reply().error("ERR syntax error, LIMIT cannot be used without specifying a trimming strategy");
            return null;
        }
        if (!xadd && strategy == Strategy.NONE) {
            client.reply().error("ERR syntax error, XTRIM must be called with a trimming strategy");
            return null;
        }
        if (limitGiven) {
            if (!approx) {
                client.reply().error("ERR syntax error, LIMIT cannot be used without the special ~ option");
                return null;
            }
        } else if (approx) {
            limit = 100L * client.server().config().getLong("stream-node-max-entries");
            if (limit <= 0 || limit > 1_000_000) limit = 10_000;
        } else {
            limit = 0;
        }
        return new TrimArgs(strategy, maxlen, minId, approx, limit, approxIndex, i, id, seqGiven, noMkStream);
    }
}
