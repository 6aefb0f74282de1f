package dev.verdict.server.type.common;

import dev.verdict.server.client.Client;
import dev.verdict.server.command.Args;
import dev.verdict.server.command.Errors;

/**
 * The count argument of SRANDMEMBER, HRANDFIELD and ZRANDMEMBER, with HRANDFIELD's WITHVALUES or
 * ZRANDMEMBER's WITHSCORES: {@code withPairs} when each pick is answered with its value or score.
 */
public record RandomCount(long count, boolean withPairs) {

    /**
     * Any long but LONG_MIN, whose negation (a count with repetition) would not fit: Redis's
     * getRangeLongFromObjectOrReply from -LONG_MAX to LONG_MAX. Null after replying the error.
     */
    public static Long parse(Client client, byte[] arg) {
        Long count = Args.parseLong(arg);
        if (count == null) {
            client.reply().error(Errors.NOT_INTEGER);
            return null;
        }
        if (count == Long.MIN_VALUE) {
            client.reply().error("ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807");
            return null;
        }
        return count;
    }

    /**
     * {@code key count [option]} of HRANDFIELD (WITHVALUES) and ZRANDMEMBER (WITHSCORES), checked in
     * hrandfieldWithCountCommand's order: the count, then the option, then the count's range with
     * pairs. Null after replying the error.
     */
    public static RandomCount parseWithPairs(Client client, byte[][] argv, String option) {
        Long count = parse(client, argv[2]);
        if (count == null) return null;
        if (argv.length > 4 || (argv.length == 4 && !Args.is(argv[3], option))) {
            client.reply().error(Errors.SYNTAX);
            return null;
        }
        boolean withPairs = argv.length == 4;
        // Two reply elements per pick: Redis halves the range so their number cannot overflow.
        if (withPairs && (count < -Long.MAX_VALUE / 2 || count > Long.MAX_VALUE / 2)) {
            client.reply().error("ERR value is out of range");
            return null;
        }
        return new RandomCount(count, withPairs);
    }
}
