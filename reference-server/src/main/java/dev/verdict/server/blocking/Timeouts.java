package dev.verdict.server.blocking;

import dev.verdict.server.client.Client;
import dev.verdict.server.type.common.Decimals;

import java.math.BigDecimal;

/** Redis's getTimeoutFromObjectOrReply for blocking commands' timeouts in (fractional) seconds. */
public final class Timeouts {

    /** Returned after an error reply. */
    public static final long INVALID = -1;

    private Timeouts() {
    }

    /** The absolute deadline in Unix ms, 0 for "forever", or {@link #INVALID} after replying the error. */
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
        long now = client.server().clock().millis();
        if (millis > Long.MAX_VALUE - now) {
            client.reply().error("ERR timeout is out of range");
            return INVALID;
        }
        return now + millis;
    }
}
