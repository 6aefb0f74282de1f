package dev.verdict.server.replication.master;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Where a diskless sync's serializer writes the RDB (Redis's rdb pipe, read by the parent and
 * written to every replica socket): chunks go to each replica's channel that is still open,
 * and the serializer waits while one of them cannot take more, so a slow replica slows the
 * transfer down instead of piling the dataset up in memory. Used by the serializer's thread only;
 * Netty hands each write to the event loop, in order.
 */
final class SocketRdbStream extends OutputStream {

    private static final int CHUNK = 64 * 1024;

    private final List<Channel> channels;
    private final List<String> names;
    private final long timeoutMillis;
    private final dev.verdict.server.server.ServerStats stats;
    private final byte[] buf = new byte[CHUNK];
    private int len;
    private long written;

    /**
     * {@code names} (for the log) go with {@code channels}; a replica that takes nothing for
     * {@code timeoutMillis} ({@code repl-timeout}) is dropped, so it does not hold the others.
     */
    SocketRdbStream(List<Channel> channels, List<String> names, long timeoutMillis,
                    dev.verdict.server.server.ServerStats stats) {
        this.channels = channels;
        this.names = names;
        this.timeoutMillis = timeoutMillis;
        this.stats = stats;
    }

    @Override
    public void write(int b) throws IOException {
        if (len == buf.length) send();
        buf[len++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int n) throws IOException {
        while (n > 0) {
            if (len == buf.length) send();
            int take = Math.min(n, buf.length - len);
            System.arraycopy(b, off, buf, len, take);
            len += take;
            off += take;
            n -= take;
        }
    }

    @Override
    public void flush() throws IOException {
        if (len > 0) send();
    }

    /** Bytes handed to the replicas' channels so far. */
    long written() {
        return written;
    }

    private void send() throws IOException {
        ByteBuf chunk = Unpooled.copiedBuffer(buf, 0, len);
        int n = len;
        written += len;
        len = 0;
        int alive = 0;
        for (Channel ch : channels) {
            if (!ch.isActive()) continue;
            alive++;
            // the listener runs on the event loop, which owns the statistics
            ch.writeAndFlush(chunk.retainedDuplicate()).addListener(f -> {
                if (f.isSuccess()) stats.netReplOutputBytes += n;
            });
        }
        chunk.release();
        if (alive == 0) throw new IOException("Diskless rdb transfer, last replica dropped");
        awaitWritable();
    }

    private void awaitWritable() throws IOException {
        long since = System.currentTimeMillis();
        while (true) {
            boolean blocked = false;
            boolean timedOut = System.currentTimeMillis() - since > timeoutMillis;
            for (int i = 0; i < channels.size(); i++) {
                Channel ch = channels.get(i);
                if (!ch.isActive() || ch.isWritable()) continue;
                if (timedOut) {
                    // repl_last_partial_write older than repl-timeout
                    dev.verdict.server.Log.warning("Disconnecting timedout replica (full sync): " + names.get(i));
                    ch.close();
                    continue;
                }
                blocked = true;
            }
            if (!blocked) return;
            if (Thread.interrupted()) throw new IOException("Diskless rdb transfer interrupted");
            LockSupport.parkNanos(200_000);
        }
    }
}
