package dev.verdict.server.server;

import java.util.Map;
import java.util.TreeMap;

/**
 * The counters INFO stats and errorstats report (Redis's {@code server.stat_*}); CONFIG RESETSTAT
 * zeroes them. Owned by the event-loop thread.
 */
public final class ServerStats {

    /** Redis stops tracking new error codes past this many (ERRORSTATS_LIMIT). */
    private static final int ERROR_CODES_LIMIT = 128;

    // expired/evicted keys and keyspace hits/misses are the keyspace's own (Keyspace.stats()).
    public long commandsProcessed;
    public long connectionsReceived;
    public long rejectedConnections;
    public long netInputBytes;
    public long netOutputBytes;
    /** Bytes sent to replicas (stream and RDB payloads), which Redis keeps out of netOutputBytes. */
    public long netReplOutputBytes;
    public long totalErrorReplies;
    public long unexpectedErrorReplies;
    public long clientOutputLimitDisconnections;
    public long clientQueryBufferLimitDisconnections;
    public long pubsubChannelsPublished;
    public long expiredStalePerc;
    public long totalReadsProcessed;
    public long totalWritesProcessed;
    public long resetAtMillis = System.currentTimeMillis();
    private final Map<String, Long> errors = new TreeMap<>();
    private final InstantaneousMetric ops = new InstantaneousMetric();
    private final InstantaneousMetric input = new InstantaneousMetric();
    private final InstantaneousMetric output = new InstantaneousMetric();

    /** Counts an error reply by its code, the first word of the message (Redis's afterErrorReply). */
    public void countError(String message) {
        totalErrorReplies++;
        int space = message.indexOf(' ');
        String code = space < 0 ? message : message.substring(0, space);
        if (errors.size() >= ERROR_CODES_LIMIT && !errors.containsKey(code)) return;
        errors.merge(code, 1L, Long::sum);
    }

    public Map<String, Long> errorCounts() {
        return errors;
    }

    /** Samples the counters for the instantaneous_* fields; run from the cron. */
    public void sample(long nowMillis) {
        ops.sample(nowMillis, commandsProcessed);
        input.sample(nowMillis, netInputBytes);
        output.sample(nowMillis, netOutputBytes);
    }

    public long instantaneousOps() {
        return Math.round(ops.perSecond());
    }

    public double instantaneousInputKbps() {
        return input.perSecond() / 1024;
    }

    public double instantaneousOutputKbps() {
        return output.perSecond() / 1024;
    }

    public void reset() {
        commandsProcessed = 0;
        connectionsReceived = 0;
        rejectedConnections = 0;
        netInputBytes = 0;
        netOutputBytes = 0;
        netReplOutputBytes = 0;
        totalErrorReplies = 0;
        unexpectedErrorReplies = 0;
        clientOutputLimitDisconnections = 0;
        clientQueryBufferLimitDisconnections = 0;
        totalReadsProcessed = 0;
        totalWritesProcessed = 0;
        errors.clear();
        resetAtMillis = System.currentTimeMillis();
    }

    /** A rate over Redis's 16 samples (STATS_METRIC_SAMPLES), taken every 100 ms. */
    private static final class InstantaneousMetric {
        private final double[] samples = new double[16];
        private int index;
        private long lastMillis;
        private long lastValue;

        void sample(long nowMillis, long value) {
            if (lastMillis == 0) {
                lastMillis = nowMillis;
                lastValue = value;
                return;
            }
            long elapsed = nowMillis - lastMillis;
            if (elapsed < 100) return;
            samples[index] = (value - lastValue) * 1000.0 / elapsed;
            index = (index + 1) % samples.length;
            lastMillis = nowMillis;
            lastValue = value;
        }

        double perSecond() {
            double sum = 0;
            for (double s : samples) sum += s;
            return sum / samples.length;
        }
    }
}
