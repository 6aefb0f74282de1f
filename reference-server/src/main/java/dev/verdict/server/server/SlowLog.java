package dev.verdict.server.server;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/** The slow log (Redis's slowlog.c): commands that took at least {@code slowlog-log-slower-than} µs. */
public final class SlowLog {

    /** Redis keeps at most 32 arguments and 128 bytes of each (SLOWLOG_ENTRY_MAX_ARGC / _STRING). */
    private static final int MAX_ARGS = 32;
    private static final int MAX_ARG_BYTES = 128;

    public record Entry(long id, long unixSeconds, long micros, byte[][] argv, String clientAddress, String clientName) {
    }

    private final Deque<Entry> entries = new ArrayDeque<>();
    private long nextId;

    /** Records the call if the thresholds say so; {@code threshold} &lt; 0 disables the log. */
    public void record(byte[][] argv, long micros, long threshold, int maxLen, dev.verdict.server.client.Client client) {
        if (threshold < 0 || maxLen == 0 || micros < threshold) return;
        entries.addFirst(new Entry(nextId++, System.currentTimeMillis() / 1000, micros, trim(argv),
                ClientInfo.address(client), client.name()));
        while (entries.size() > maxLen) entries.removeLast();
    }

    /** Newest first. */
    public Deque<Entry> entries() {
        return entries;
    }

    public void trimTo(int maxLen) {
        while (entries.size() > Math.max(maxLen, 0)) entries.removeLast();
    }

    public void reset() {
        entries.clear();
    }

    private static byte[][] trim(byte[][] argv) {
        int kept = Math.min(argv.length, MAX_ARGS);
        byte[][] out = new byte[kept][];
        for (int i = 0; i < kept; i++) {
            if (kept != argv.length && i == kept - 1) {
                out[i] = ("... (" + (argv.length - kept + 1) + " more arguments)").getBytes(StandardCharsets.US_ASCII);
            } else if (argv[i].length > MAX_ARG_BYTES) {
                byte[] head = Arrays.copyOf(argv[i], MAX_ARG_BYTES);
                byte[] tail = ("... (" + (argv[i].length - MAX_ARG_BYTES) + " more bytes)").getBytes(StandardCharsets.US_ASCII);
                out[i] = Arrays.copyOf(head, head.length + tail.length);
                System.arraycopy(tail, 0, out[i], head.length, tail.length);
            } else {
                out[i] = argv[i];
            }
        }
        return out;
    }
}
