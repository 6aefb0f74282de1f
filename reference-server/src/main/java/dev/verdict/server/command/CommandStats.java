package dev.verdict.server.command;

/** One command's counters for INFO commandstats (Redis's redisCommand calls/microseconds/...). */
public final class CommandStats {
    public long calls;
    public long micros;
    public long rejectedCalls;
    public long failedCalls;
    /** Allocated on the first call: most commands are never called. */
    public LatencyHistogram latency;

    public void reset() {
        calls = 0;
        micros = 0;
        rejectedCalls = 0;
        failedCalls = 0;
        if (latency != null) latency.reset();
    }
}
