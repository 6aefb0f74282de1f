package dev.verdict.server.server;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The latency monitor (Redis's latency.c): per event, the last 160 one-second samples at or
 * above {@code latency-monitor-threshold} milliseconds, and the all-time maximum.
 */
public final class LatencyMonitor {

    private static final int SAMPLES = 160;

    public static final class Series {
        public final long[] times = new long[SAMPLES];
        public final long[] latencies = new long[SAMPLES];
        public int next;
        public long max;

        public int count() {
            int n = 0;
            for (long t : times) if (t != 0) n++;
            return n;
        }

        public int latestIndex() {
            return (next + SAMPLES - 1) % SAMPLES;
        }
    }

    private final Map<String, Series> events = new LinkedHashMap<>();

    public void addSampleIfNeeded(String event, long millis, long threshold) {
        if (threshold <= 0 || millis < threshold) return;
        long now = System.currentTimeMillis() / 1000;
        Series s = events.computeIfAbsent(event, e -> new Series());
        int prev = s.latestIndex();
        if (s.times[prev] == now) {
            s.latencies[prev] = Math.max(s.latencies[prev], millis);
        } else {
            s.times[s.next] = now;
            s.latencies[s.next] = millis;
            s.next = (s.next + 1) % SAMPLES;
        }
        s.max = Math.max(s.max, millis);
    }

    public Map<String, Series> events() {
        return events;
    }

    /** Resets the named events (all when none given; names compared ignoring case, as latencyResetEvent); returns how many existed. */
    public int reset(String... names) {
        if (names.length == 0) {
            int n = events.size();
            events.clear();
            return n;
        }
        int n = 0;
        for (String name : names) {
            var it = events.keySet().iterator();
            while (it.hasNext()) {
                if (it.next().equalsIgnoreCase(name)) {
                    it.remove();
                    n++;
                }
            }
        }
        return n;
    }
}
