package dev.verdict.server.replication.master;

/**
 * The replication backlog (Redis's repl_backlog): the last {@code repl-backlog-size} bytes of the
 * replication stream in a ring, so that a replica that lost its link can continue from its
 * offset (PSYNC) instead of loading a whole new RDB. Offsets are replication offsets: the
 * first byte ever fed after the backlog was created is {@code master_repl_offset + 1}.
 */
final class ReplicationBacklog {

    /** Redis's CONFIG_REPL_BACKLOG_MIN_SIZE. */
    static final int MIN_SIZE = 16 * 1024;

    private byte[] ring;
    /** Where the next byte goes. */
    private int next;
    private long histlen;
    private long firstByteOffset;

    /** createReplicationBacklog: empty, its virtual first byte the next one the stream produces. */
    ReplicationBacklog(long size, long masterReplOffset) {
        ring = new byte[clamp(size)];
        firstByteOffset = masterReplOffset + 1;
    }

    private static int clamp(long size) {
        return (int) Math.min(Math.max(size, MIN_SIZE), Integer.MAX_VALUE - 8);
    }

    /** Appends stream bytes that took the master offset to {@code masterReplOffset}. */
    void append(byte[] b, int off, int len, long masterReplOffset) {
        int size = ring.length;
        if (len >= size) {
            // only the newest bytes fit
            System.arraycopy(b, off + len - size, ring, 0, size);
            next = 0;
            histlen = size;
        } else {
            int first = Math.min(len, size - next);
            System.arraycopy(b, off, ring, next, first);
            if (first < len) System.arraycopy(b, off + first, ring, 0, len - first);
            next = (next + len) % size;
            histlen = Math.min(histlen + len, size);
        }
        firstByteOffset = masterReplOffset - histlen + 1;
    }

    long firstByteOffset() {
        return firstByteOffset;
    }

    long histlen() {
        return histlen;
    }

    /** True when a replica asking to continue from {@code offset} can be served from here. */
    boolean covers(long offset) {
        return offset >= firstByteOffset && offset <= firstByteOffset + histlen;
    }

    /** The bytes from replication offset {@code offset} (which {@link #covers}) to the end. */
    byte[] from(long offset) {
        int len = (int) (firstByteOffset + histlen - offset);
        byte[] out = new byte[len];
        int size = ring.length;
        int oldest = (int) ((next - histlen + size) % size);
        int start = (int) ((oldest + (offset - firstByteOffset)) % size);
        int first = Math.min(len, size - start);
        System.arraycopy(ring, start, out, 0, first);
        if (first < len) System.arraycopy(ring, 0, out, first, len - first);
        return out;
    }

    /** CONFIG SET repl-backlog-size: the newest bytes that fit are kept. */
    void resize(long size, long masterReplOffset) {
        int newSize = clamp(size);
        if (newSize == ring.length) return;
        long keep = Math.min(histlen, newSize);
        byte[] kept = keep == 0 ? new byte[0] : from(firstByteOffset + histlen - keep);
        ring = new byte[newSize];
        next = 0;
        histlen = 0;
        firstByteOffset = masterReplOffset + 1;
        if (keep > 0) append(kept, 0, kept.length, masterReplOffset);
    }
}
