package dev.verdict.server.persistence;

import dev.verdict.server.db.RedisObject;
import dev.verdict.server.persistence.rdb.Crc64;
import dev.verdict.server.persistence.rdb.Rdb;
import dev.verdict.server.persistence.rdb.RdbException;
import dev.verdict.server.persistence.rdb.RdbInput;
import dev.verdict.server.persistence.rdb.RdbOutput;
import dev.verdict.server.persistence.rdb.ValueCodec;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/** DUMP's payload (createDumpPayload / verifyDumpPayload): RDB value, RDB version, CRC64, both little-endian. */
public final class DumpPayload {

    private DumpPayload() {
    }

    public static byte[] create(RedisObject value, boolean compress) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RdbOutput out = new RdbOutput(bytes, compress);
        ValueCodec.write(out, value);
        out.writeByte(Rdb.VERSION & 0xff);
        out.writeByte((Rdb.VERSION >> 8) & 0xff);
        out.writeChecksum(true);
        out.flush();
        return bytes.toByteArray();
    }

    /**
     * rdbSavedObjectLen, what DEBUG OBJECT reports as serializedlength: the bytes of the value's
     * RDB encoding (as DUMP writes it, compressed when {@code compress}) after its type byte.
     */
    public static long serializedLength(RedisObject value, boolean compress) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            RdbOutput out = new RdbOutput(bytes, compress);
            ValueCodec.write(out, value);
            out.flush();
            return bytes.size() - 1L;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** verifyDumpPayload: the footer's version is not newer than ours and (unless skipped) the CRC matches. */
    public static boolean verify(byte[] payload, boolean checkCrc) {
        int len = payload.length;
        if (len < 10) return false;
        int version = (payload[len - 10] & 0xff) | (payload[len - 9] & 0xff) << 8;
        if (version > Rdb.VERSION) return false;
        if (!checkCrc) return true;
        long crc = Crc64.update(0, payload, 0, len - 8);
        for (int i = 0; i < 8; i++) {
            if ((byte) (crc >>> (8 * i)) != payload[len - 8 + i]) return false;
        }
        return true;
    }

    /** The value in a verified payload; RdbException for a malformed one ("Bad data format"). */
    public static RedisObject read(byte[] payload, dev.verdict.server.config.ServerConfig config) throws RdbException {
        RdbInput in = new RdbInput(new ByteArrayInputStream(payload, 0, payload.length - 10));
        try {
            int type = in.readByte();
            if (!Rdb.isObjectType(type)) throw new RdbException("Unknown RDB encoding type " + type);
            return ValueCodec.read(in, type, config);
        } catch (IOException e) {
            throw new RdbException(e.getMessage());
        }
    }
}
