package dev.verdict.server.type.string;

import dev.verdict.server.client.Client;
import dev.verdict.server.command.Args;
import dev.verdict.server.command.Errors;

/**
 * The options of SET (and the expiry options GETEX shares), parsed with Redis 7.0's
 * parseExtendedStringArgumentsOrReply rules: conflicting options are a syntax error, expiry
 * values must be positive integers that do not overflow once converted to milliseconds.
 */
record SetOptions(boolean nx, boolean xx, boolean get, boolean keepTtl, long expireAtMillis) {

    /** The options from {@code argv[from..]}, or null after replying the error. */
    static SetOptions parse(Client client, byte[][] argv, int from) {
        boolean nx = false, xx = false, get = false, keepTtl = false;
        String unit = null;
        byte[] expireArg = null;
        for (int i = from; i < argv.length; i++) {
            byte[] a = argv[i];
            boolean hasNext = i + 1 < argv.length;
            if (Args.is(a, "NX") && !xx) {
                nx = true;
            } else if (Args.is(a, "XX") && !nx) {
                xx = true;
            } else if (Args.is(a, "GET")) {
                get = true;
            } else if (Args.is(a, "KEEPTTL") && unit == null) {
                keepTtl = true;
            } else if ((Args.is(a, "EX") || Args.is(a, "PX") || Args.is(a, "EXAT") || Args.is(a, "PXAT"))
                    && unit == null && !keepTtl && hasNext) {
                unit = Args.utf8(a).toUpperCase(java.util.Locale.ROOT);
                expireArg = argv[++i];
            } else {
                client.reply().error(Errors.SYNTAX);
                return null;
            }
        }
        long expireAt = 0;
        if (unit != null) {
            Long value = Args.parseLong(expireArg);
            if (value == null) {
                client.reply().error(Errors.NOT_INTEGER);
                return null;
            }
            boolean seconds = unit.equals("EX") || unit.equals("EXAT");
            if (value <= 0 || (seconds && value > Long.MAX_VALUE / 1000)) {
                client.reply().error("ERR invalid expire time in 'set' command");
                return null;
            }
            long millis = seconds ? value * 1000 : value;
            if (unit.equals("EX") || unit.equals("PX")) millis += client.server().clock().millis();
            if (millis <= 0) {
                client.reply().error("ERR invalid expire time in 'set' command");
                return null;
            }
            expireAt = millis;
        }
        return new SetOptions(nx, xx, get, keepTtl, expireAt);
    }
}
