package dev.verdict.server.persistence.rdb;

import java.io.IOException;
import java.io.InputStream;

/**
 * Redis's rio for reading: a source (file, buffer) with the running CRC64 and offset, and RDB's
 * length and string decodings. A short read is "Unexpected EOF", as rdbLoad reports it.
 */
public final class RdbInput {

    private final InputStream in;
    private final byte[] buf = new byte[64 * 1024];
    private int pos;
    private int limit;
    private long crc;
    private long consumedBefore;
    private boolean crcEnabled = true;

    public RdbInput(InputStream in) {
        this.in = in;
    }

    /** Bytes consumed so far (for error positions). */
    public long offset() {
        return consumedBefore + pos;
    }

    /** The CRC64 of every byte read so far. */
    public long crc() {
        return Crc64.update(crc, buf, 0, pos);
    }

    private void fill() throws IOException, RdbException {
        crc = Crc64.update(crc, buf, 0, pos);
        consumedBefore += pos;
        pos = 0;
        limit = 0;
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) throw new RdbException("Unexpected EOF reading RDB file");
        limit = n;
    }

    /** True when no byte remains (without consuming any). */
    public boolean atEnd() throws IOException {
        if (pos < limit) return false;
        crc = Crc64.update(crc, buf, 0, pos);
        consumedBefore += pos;
        pos = 0;
        limit = 0;
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) return true;
        limit = n;
        return false;
    }

    public int readByte() throws IOException, RdbException {
        if (pos == limit) fill();
        return buf[pos++] & 0xff;
    }

    public void readFully(byte[] dst, int off, int len) throws IOException, RdbException {
        while (len > 0) {
            if (pos == limit) fill();
            int n = Math.min(len, limit - pos);
            System.arraycopy(buf, pos, dst, off, n);
            pos += n;
            off += n;
            len -= n;
        }
    }

    public byte[] readBytes(int len) throws IOException, RdbException {
        byte[] b = new byte[len];
        readFully(b, 0, len);
        return b;
    }

    public long readLongLE() throws IOException, RdbException {
        long v = 0;
        for (int i = 0; i < 8; i++) v |= (long) readByte() << (8 * i);
        return v;
    }

    public int readIntLE() throws IOException, RdbException {
        int v = 0;
        for (int i = 0; i < 4; i++) v |= readByte() << (8 * i);
        return v;
    }

    public double readBinaryDouble() throws IOException, RdbException {
        return Double.longBitsToDouble(readLongLE());
    }

    /** rdbLoadDoubleValue: the old textual double (a length byte, 253 nan, 254 +inf, 255 -inf). */
    public double readTextDouble() throws IOException, RdbException {
        int len = readByte();
        switch (len) {
            case 255: return Double.NEGATIVE_INFINITY;
            case 254: return Double.POSITIVE_INFINITY;
            case 253: return Double.NaN;
            default:
                byte[] b = readBytes(len);
                try {
                    return Double.parseDouble(new String(b, java.nio.charset.StandardCharsets.US_ASCII));
                } catch (NumberFormatException e) {
                    throw new RdbException("Bad double value");
                }
        }
    }

    /** The length a {@link #readLength} found was a special encoding (rdbLoadLenByRef's isencoded). */
    private boolean lastEncoded;

    /** rdbLoadLen; for an ENCVAL byte returns its encoding type with {@link #lastWasEncoded}. */
    public long readLength() throws IOException, RdbException {
        int b = readByte();
        int type = (b & 0xC0) >> 6;
        lastEncoded = false;
        if (type == Rdb.ENCVAL) {
            lastEncoded = true;
            return b & 0x3F;
        } else if (type == Rdb.LEN_6BIT) {
            return b & 0x3F;
        } else if (type == Rdb.LEN_14BIT) {
            return ((b & 0x3F) << 8) | readByte();
        } else if (b == Rdb.LEN_32BIT) {
            long v = 0;
            for (int i = 0; i < 4; i++) v = (v << 8) | readByte();
            return v;
        } else if (b == Rdb.LEN_64BIT) {
            long v = 0;
            for (int i = 0; i < 8; i++) v = (v << 8) | readByte();
            return v;
        }
        throw new RdbException("Unknown length encoding " + b + " in rdbLoadLen()");
    }

    public boolean lastWasEncoded() {
        return lastEncoded;
    }

    /** A length that must not be an encoded value (RDB_LENERR otherwise). */
    public long readPlainLength() throws IOException, RdbException {
        long len = readLength();
        if (lastEncoded) throw new RdbException("Unexpected encoded length");
        return len;
    }

    /** rdbGenericLoadStringObject: plain, int-encoded or LZF-compressed, as bytes. */
    public byte[] readString() throws IOException, RdbException {
        long len = readLength();
        if (lastEncoded) {
            switch ((int) len) {
                case Rdb.ENC_INT8: return digits((byte) readByte());
                case Rdb.ENC_INT16: return digits((short) (readByte() | (readByte() << 8)));
                case Rdb.ENC_INT32: return digits(readIntLE());
                case Rdb.ENC_LZF: {
                    long clen = readPlainLength();
                    long ulen = readPlainLength();
                    if (clen > Integer.MAX_VALUE || ulen > Integer.MAX_VALUE) throw new RdbException("LZF string too long");
                    byte[] packed = readBytes((int) clen);
                    return Lzf.decompress(packed, (int) ulen);
                }
                default: throw new RdbException("Unknown RDB string encoding type " + len);
            }
        }
        if (len > Integer.MAX_VALUE - 16) throw new RdbException("String too long: " + len);
        return readBytes((int) len);
    }

    private static byte[] digits(long v) {
        return Long.toString(v).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    void crcEnabled(boolean on) {
        crcEnabled = on;
    }
}
