package dev.verdict.server.replication.replica;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.nio.charset.StandardCharsets;

/** The few RESP pieces the replica side writes and reads on its own: commands out, reply lines in, stream sizes. */
final class Resp {

    private Resp() {
    }

    /** A command as a multibulk, the way Redis's sendCommand writes it. */
    static ByteBuf command(String... args) {
        StringBuilder b = new StringBuilder().append('*').append(args.length).append("\r\n");
        for (String a : args) {
            b.append('$').append(a.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(a).append("\r\n");
        }
        return Unpooled.wrappedBuffer(b.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * One line up to its newline, without the CR LF (connSyncReadLine), or null when the newline
     * has not arrived yet; nothing is consumed then.
     */
    static String readLine(ByteBuf in) {
        int newline = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) '\n');
        if (newline < 0) return null;
        int end = newline;
        if (end > in.readerIndex() && in.getByte(end - 1) == '\r') end--;
        String line = in.toString(in.readerIndex(), end - in.readerIndex(), StandardCharsets.ISO_8859_1);
        in.readerIndex(newline + 1);
        return line;
    }

    /**
     * The bytes {@code argv} took in the replication stream: a master sends every command as a
     * multibulk with canonical lengths, so its size follows from the arguments alone.
     */
    static long size(byte[][] argv) {
        long size = 1 + digits(argv.length) + 2;
        for (byte[] arg : argv) size += 1 + digits(arg.length) + 2 + arg.length + 2;
        return size;
    }

    private static int digits(long n) {
        int d = 1;
        while (n >= 10) {
            n /= 10;
            d++;
        }
        return d;
    }
}
