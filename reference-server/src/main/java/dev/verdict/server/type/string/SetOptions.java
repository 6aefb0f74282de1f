package dev.verdict.server.type.string;

import dev.verdict.server.client.Client;
import dev.verdict.server.command.Args;
import dev.verdict.server.command.Errors;

/**
 * The options of SET and GETEX, parsed with Redis 7.0's parseExtendedStringArgumentsOrReply
 * rules: a conflicting option is a syntax error, a repeated one is not (the last value wins).
 * The expiry value is checked separately ({@link #expireAtMillis}), because Redis checks it
 * later than the syntax.
 */
final class SetOptions {

    enum Unit { NONE, EX, PX, EXAT, PXAT }

    boolean nx;
    boolean xx;
    boolean get;
    boolean keepTtl;
    boolean persist;
    Unit unit = Unit.NONE;
    byte[] expireArg;

    /** Options from {@code argv[from..]} for SET ({@code forSet}) or GETEX; null after replying an error. */
    static SetOptions parse(Client client, byte[][] argv, int from, boolean forSet) {
        SetOptions o = new SetOptions();
        for (int i = from; i < argv.length; i++) {
            byte[] a = argv[i];
            boolean hasNext = i + 1 < argv.length;
            boolean noExpiry = o.unit == Unit.NONE;
            if (forSet && Args.is(a, "NX") && !o.xx) {
                o.nx = true;
            } else if (forSet && Args.is(a, "XX") && !o.nx) {
                o.xx = true;
            } else if (forSet && Args.is(a, "GET")) {
                o.get = true;
            } else if (forSet && Args.is(a, "KEEPTTL") && noExpiry) {
                o.keepTtl = true;
            } else if (!forSet && Args.is(a, "PERSIST") && noExpiry) {
                o.persist = true;
            } else if (hasNext && !o.keepTtl && !o.persist && expiryUnit(a) != null
                    && (noExpiry || o.unit == expiryUnit(a))) {
                o.unit = expiryUnit(a);
                o.expireArg = argv[++i];
            } else {
                client.reply().error(Errors.SYNTAX);
                return null;
            }
        }
        return o;
    }

    private static Unit expiryUnit(byte[] a) {
        if (Args.is(a, "EX")) return Unit.EX;
        if (Args.is(a, "PX")) return Unit.PX;
        if (Args.is(a, "EXAT")) return Unit.EXAT;
        if (Args.is(a, "PXAT")) return Unit.PXAT;
        return null;
    }

    boolean hasExpiry() {
        return unit != Unit.NONE;
    }

    /**
     * getExpireMillisecondsOrReply: the absolute expiry in Unix milliseconds, or -1 after
     * replying the error (not an integer; not positive; overflowing once in milliseconds).
     */
    long expireAtMillis(Client client, String commandName) {
        return expireAtMillis(client, expireArg, unit, commandName);
    }

    static long expireAtMillis(Client client, byte[] arg, Unit unit, String commandName) {
        Long value = Args.parseLong(arg);
        if (value == null) {
            client.reply().error(Errors.NOT_INTEGER);
            return -1;
        }
        boolean seconds = unit == Unit.EX || unit == Unit.EXAT;
        String invalid = "ERR invalid expire time in '" + commandName + "' command";
        if (value <= 0 || (seconds && value > Long.MAX_VALUE / 1000)) {
            client.reply().error(invalid);
            return -1;
        }
        long millis = seconds ? value * 1000 : value;
        if (unit == Unit.EX || unit == Unit.PX) millis += client.server().clock().millis();
        if (millis <= 0) {
            client.reply().error(invalid);
            return -1;
        }
        return millis;
    }
}
