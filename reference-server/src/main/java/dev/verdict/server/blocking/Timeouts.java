package dev.verdict.server.blocking;

import dev.verdict.server.client.Client;
import dev.verdict.server.command.Args;
import dev.verdict.server.type.common.Decimals;

import java.math.BigDecimal;

/** Redis's getTimeoutFromObjectOrReply: blocking commands' timeouts in (fractional) seconds, and whole milliseconds. */
public final class Timeouts {

    /** Returned after an error reply. */
    public static final long INVALID = -1;

    private Timeouts() {
    }

    /**
     * The absolute deadline in Unix ms, 0 for "forever", negative for a wrapped one that never fires (see
     * {@link #deadlineAfter}), or {@link #INVALID} after replying the error.
     */
    public static long deadline(Client client, byte[] arg) {
        BigDecimal seconds = Decimals.parse(arg);
        if (seconds == Decimals.INVALID) {
            client.reply().error("ERR timeout is not a float or out of range");
            return INVALID;
        }
        long millis;
        BigDecimal ms = seconds == Decimals.INFINITE ? null : seconds.multiply(BigDecimal.valueOf(1000));
        if (ms == null || ms.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) >= 0
                || ms.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0) {
            // C's (long long) cast of an out-of-range long double yields LLONG_MIN.
            millis = Long.MIN_VALUE;
        } else {
            millis = ms.longValue();
        }
        if (millis < 0) {
            client.reply().error("ERR timeout is negative");
            return INVALID;
        }
        if (millis == 0) return 0;
        return deadlineAfter(client, millis);
    }

    /**
     * getTimeoutFromObjectOrReply in milliseconds (WAIT, CLIENT PAUSE, XREAD BLOCK): a
     * non-negative integer, or {@link #INVALID} after replying the error.
     */
    public static long millis(Client client, byte[] arg) {
        Long millis = Args.parseLong(arg);
        if (millis == null) {
            client.reply().error("ERR timeout is not an integer or out of range");
            return INVALID;
        }
        if (millis < 0) {
            client.reply().error("ERR timeout is negative");
            return INVALID;
        }
        return millis;
    }

    /**
     * Now plus a positive timeout in ms. Redis 7.0.15 adds without an overflow check (7.2 added the "timeout is
     * out of range" error): a deadline past LLONG_MAX wraps to a negative one, which never fires (the timeout
     * table orders deadlines as unsigned) yet still counts in clients_in_timeout_table.
     */
    public static long deadlineAfter(Client client, long millis) {
        return client.server().clock().millis() + millis;
    }
}
