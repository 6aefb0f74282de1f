package dev.verdict.server.persistence.rdb;

import dev.verdict.server.db.RedisObject;
import dev.verdict.server.persistence.snapshot.Snapshot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A whole RDB file as Redis 7.0's rdbSaveRio writes it: header, aux fields, functions, databases, EOF, CRC64. */
public final class RdbWriter {

    /** The aux fields rdbSaveInfoAuxFields writes (repl-* only when there is replication info). */
    public record AuxFields(String redisVersion, long ctimeSeconds, long usedMemory, boolean withReplication,
                            int replStreamDb, String replId, long replOffset, boolean aofBase) {
    }

    private RdbWriter() {
    }

    public static void write(RdbOutput out, Snapshot snapshot, AuxFields aux, List<byte[]> functions,
                             boolean checksum) throws IOException {
        out.write(String.format("REDIS%04d", Rdb.VERSION).getBytes(StandardCharsets.US_ASCII));
        writeAux(out, "redis-ver", aux.redisVersion());
        writeAux(out, "redis-bits", 64);
        writeAux(out, "ctime", aux.ctimeSeconds());
        writeAux(out, "used-mem", aux.usedMemory());
        if (aux.withReplication()) {
            writeAux(out, "repl-stream-db", aux.replStreamDb());
            writeAux(out, "repl-id", aux.replId());
            writeAux(out, "repl-offset", aux.replOffset());
        }
        writeAux(out, "aof-base", aux.aofBase() ? 1 : 0);
        for (byte[] library : functions) {
            out.writeByte(Rdb.OPCODE_FUNCTION2);
            out.writeString(library);
        }
        writeDatabases(out, snapshot);
        out.writeByte(Rdb.OPCODE_EOF);
        out.writeChecksum(checksum);
        out.flush();
    }

    /** The SELECTDB..key/value part for every non-empty database. */
    public static void writeDatabases(RdbOutput out, Snapshot snapshot) throws IOException {
        for (Snapshot.Db db : snapshot.dbs()) {
            out.writeByte(Rdb.OPCODE_SELECTDB);
            out.writeLength(db.id);
            out.writeByte(Rdb.OPCODE_RESIZEDB);
            out.writeLength(db.size);
            out.writeLength(db.expiresSize);
            for (int i = 0; i < db.size; i++) {
                writeKeyValue(out, db.key(i), db.value(i), db.expireAt(i), snapshot.clock(), db.clock(i));
            }
        }
    }

    /** rdbSaveKeyValuePair. */
    public static void writeKeyValue(RdbOutput out, byte[] key, RedisObject value, long expireAt,
                                     Snapshot.Clock clock, int clockValue) throws IOException {
        if (expireAt != -1) {
            out.writeByte(Rdb.OPCODE_EXPIRETIME_MS);
            out.writeMillis(expireAt);
        }
        if (clock == Snapshot.Clock.IDLE) {
            out.writeByte(Rdb.OPCODE_IDLE);
            out.writeLength(clockValue);
        } else if (clock == Snapshot.Clock.FREQ) {
            out.writeByte(Rdb.OPCODE_FREQ);
            out.writeByte(clockValue);
        }
        out.writeByte(ValueCodec.typeId(value));
        out.writeString(key);
        ValueCodec.writePayload(out, value);
    }

    private static void writeAux(RdbOutput out, String name, String value) throws IOException {
        out.writeByte(Rdb.OPCODE_AUX);
        out.writeString(name.getBytes(StandardCharsets.US_ASCII));
        out.writeString(value.getBytes(StandardCharsets.UTF_8));
    }

    private static void writeAux(RdbOutput out, String name, long value) throws IOException {
        writeAux(out, name, Long.toString(value));
    }
}
