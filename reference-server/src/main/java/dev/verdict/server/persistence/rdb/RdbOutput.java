package dev.verdict.server.persistence.rdb;

import dev.verdict.server.type.string.Numbers;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Redis's rio for writing: one sink (a file, a buffer, later a replica's socket) that keeps the
 * running CRC64 and the byte count, with RDB's length and string encodings on top. Shared by
 * the RDB writer, the AOF's RDB preamble and DUMP.
 */
public final class RdbOutput {

    private final OutputStream out;
    private final boolean compress;
    private final byte[] buf = new byte[64 * 1024];
    private int pos;
    private long crc;
    private long written;

    /** @param compress Redis's {@code rdbcompression}: LZF for strings longer than 20 bytes. */
    public RdbOutput(OutputStream out, boolean compress) {
        this.out = out;
        this.compress = compress;
    }

    public long crc() {
        flushBuffer();
        return crc;
    }

    public long bytesWritten() {
        return written + pos;
    }

    public void writeByte(int b) throws IOException {
        if (pos == buf.length) drain();
        buf[pos++] = (byte) b;
    }

    public void write(byte[] b, int off, int len) throws IOException {
        if (len > buf.length - pos) {
            drain();
            if (len > buf.length) {
                crc = Crc64.update(crc, b, off, len);
                out.write(b, off, len);
                written += len;
                return;
            }
        }
        System.arraycopy(b, off, buf, pos, len);
        pos += len;
    }

    public void write(byte[] b) throws IOException {
        write(b, 0, b.length);
    }

    /** rdbSaveLen. */
    public void writeLength(long len) throws IOException {
        if (len < (1 << 6)) {
            writeByte((int) len);
        } else if (len < (1 << 14)) {
            writeByte((int) ((len >> 8) | (Rdb.LEN_14BIT << 6)));
            writeByte((int) (len & 0xff));
        } else if (len <= 0xffffffffL) {
            writeByte(Rdb.LEN_32BIT);
            writeIntBE((int) len);
        } else {
            writeByte(Rdb.LEN_64BIT);
            writeIntBE((int) (len >>> 32));
            writeIntBE((int) len);
        }
    }

    private void writeIntBE(int v) throws IOException {
        writeByte(v >>> 24);
        writeByte(v >>> 16);
        writeByte(v >>> 8);
        writeByte(v);
    }

    public void writeLongLE(long v) throws IOException {
        for (int i = 0; i < 8; i++) writeByte((int) (v >>> (8 * i)));
    }

    /** rdbSaveMillisecondTime. */
    public void writeMillis(long ms) throws IOException {
        writeLongLE(ms);
    }

    /** rdbSaveBinaryDoubleValue: the IEEE 754 bits, little-endian. */
    public void writeBinaryDouble(double d) throws IOException {
        writeLongLE(Double.doubleToRawLongBits(d));
    }

    /**
     * rdbSaveRawString: an integer encoding for short canonical integers, LZF for longer
     * compressible strings when enabled, else length and bytes.
     */
    public void writeString(byte[] s) throws IOException {
        if (s.length <= 11 && s.length > 0) {
            Long v = Numbers.parseLongStrict(s);
            if (v != null && writeIntEncoded(v)) return;
        }
        if (compress && s.length > 20) {
            byte[] packed = Lzf.compress(s);
            if (packed != null) {
                writeByte((Rdb.ENCVAL << 6) | Rdb.ENC_LZF);
                writeLength(packed.length);
                writeLength(s.length);
                write(packed);
                return;
            }
        }
        writeLength(s.length);
        write(s);
    }

    /** rdbSaveLongLongAsStringObject: an int-encoded string (INT8/16/32) or its decimal digits. */
    public void writeLongAsString(long v) throws IOException {
        if (writeIntEncoded(v)) return;
        byte[] digits = Long.toString(v).getBytes(StandardCharsets.US_ASCII);
        writeLength(digits.length);
        write(digits);
    }

    public void writeString(String s) throws IOException {
        writeString(s.getBytes(StandardCharsets.UTF_8));
    }

    /** rdbEncodeInteger. */
    private boolean writeIntEncoded(long v) throws IOException {
        if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) {
            writeByte((Rdb.ENCVAL << 6) | Rdb.ENC_INT8);
            writeByte((int) v);
        } else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) {
            writeByte((Rdb.ENCVAL << 6) | Rdb.ENC_INT16);
            writeByte((int) v);
            writeByte((int) (v >> 8));
        } else if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
            writeByte((Rdb.ENCVAL << 6) | Rdb.ENC_INT32);
            for (int i = 0; i < 4; i++) writeByte((int) (v >> (8 * i)));
        } else {
            return false;
        }
        return true;
    }

    /** The EOF opcode's trailer: the CRC64 of everything before it, or 0 without rdbchecksum. */
    public void writeChecksum(boolean enabled) throws IOException {
        long sum = enabled ? crc() : 0;
        byte[] le = new byte[8];
        for (int i = 0; i < 8; i++) le[i] = (byte) (sum >>> (8 * i));
        write(le);
    }

    public void flush() throws IOException {
        drain();
        out.flush();
    }

    private void flushBuffer() {
        if (pos == 0) return;
        try {
            drain();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void drain() throws IOException {
        if (pos == 0) return;
        crc = Crc64.update(crc, buf, 0, pos);
        out.write(buf, 0, pos);
        written += pos;
        pos = 0;
    }
}
