package dev.verdict.server.replication.replica;

import dev.verdict.server.Log;
import io.netty.buffer.ByteBuf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * The RDB of a full resynchronization, written to a temporary file as it arrives (Redis's
 * readSyncBulkPayload with repl-diskless-load disabled). Two forms: {@code $<len>\r\n} and
 * exactly that many bytes, or, from a diskless master, {@code $EOF:<40 chars>\r\n}, the payload,
 * and the same 40 characters again. Newlines before the header are the master's keepalives.
 * Only what has arrived is consumed, so the event loop never waits for the rest.
 */
final class RdbTransfer {

    enum Progress { MORE, DONE, FAILED }

    private static final int MARK_LENGTH = 40;

    private final Path temp;
    private FileChannel out;
    private boolean headerRead;
    private byte[] eofMark;
    /** The last bytes written, to recognise the end mark (the master sends nothing after it until our ACK). */
    private final byte[] tail = new byte[MARK_LENGTH];
    /** repl_transfer_size: -1 until the header, 0 for the EOF form. */
    private long size = -1;
    private long read;

    RdbTransfer(Path dir) {
        this.temp = dir.resolve("temp-" + System.currentTimeMillis() / 1000 + "." + ProcessHandle.current().pid()
                + "." + System.nanoTime() + ".rdb");
    }

    Path file() {
        return temp;
    }

    /** The diskless form, after which Redis acknowledges at once so the master starts streaming. */
    boolean usedEofMark() {
        return eofMark != null;
    }

    long size() {
        return size;
    }

    long bytesRead() {
        return read;
    }

    Progress consume(ByteBuf in) throws IOException {
        if (!headerRead) {
            Progress header = readHeader(in);
            if (header != Progress.DONE) return header;
        }
        if (eofMark != null) {
            int n = in.readableBytes();
            if (n == 0) return Progress.MORE;
            keepTail(in, n);
            write(in, n);
            if (read >= MARK_LENGTH && Arrays.equals(tail, eofMark)) {
                out.truncate(read - MARK_LENGTH);
                return finish();
            }
            return Progress.MORE;
        }
        int n = (int) Math.min(in.readableBytes(), size - read);
        if (n > 0) write(in, n);
        return read == size ? finish() : Progress.MORE;
    }

    private Progress readHeader(ByteBuf in) throws IOException {
        while (true) {
            String line = Resp.readLine(in);
            if (line == null) return Progress.MORE;
            if (line.isEmpty()) continue; // a keepalive newline while the master prepares the RDB
            if (line.startsWith("-")) {
                Log.warning("MASTER aborted replication with an error: " + line.substring(1));
                return Progress.FAILED;
            }
            if (!line.startsWith("$")) {
                Log.warning("Bad protocol from MASTER, the first byte is not '$' (we received '" + line
                        + "'), are you sure the host and port are right?");
                return Progress.FAILED;
            }
            if (line.startsWith("$EOF:") && line.length() >= 5 + MARK_LENGTH) {
                eofMark = line.substring(5, 5 + MARK_LENGTH).getBytes(StandardCharsets.ISO_8859_1);
                size = 0;
                Log.notice("MASTER <-> REPLICA sync: receiving streamed RDB from master with EOF to disk");
            } else {
                try {
                    size = Long.parseLong(line.substring(1));
                } catch (NumberFormatException e) {
                    Log.warning("Bad protocol from MASTER, the first byte is not '$' (we received '" + line
                            + "'), are you sure the host and port are right?");
                    return Progress.FAILED;
                }
                Log.notice("MASTER <-> REPLICA sync: receiving " + size + " bytes from master to disk");
            }
            headerRead = true;
            out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
            return Progress.DONE;
        }
    }

    private void keepTail(ByteBuf in, int n) {
        if (n >= MARK_LENGTH) {
            in.getBytes(in.readerIndex() + n - MARK_LENGTH, tail);
        } else {
            System.arraycopy(tail, n, tail, 0, MARK_LENGTH - n);
            in.getBytes(in.readerIndex(), tail, MARK_LENGTH - n, n);
        }
    }

    private void write(ByteBuf in, int n) throws IOException {
        ByteBuffer chunk = in.nioBuffer(in.readerIndex(), n);
        while (chunk.hasRemaining()) out.write(chunk);
        in.skipBytes(n);
        read += n;
    }

    private Progress finish() throws IOException {
        out.force(true);
        out.close();
        out = null;
        return Progress.DONE;
    }

    /** The transfer was abandoned: the partial file goes. */
    void discard() {
        try {
            if (out != null) out.close();
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            Log.warning("Unable to remove the temporary file of the replication transfer: " + e.getMessage());
        }
    }
}
