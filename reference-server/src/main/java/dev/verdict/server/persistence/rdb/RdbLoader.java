package dev.verdict.server.persistence.rdb;

import dev.verdict.server.db.RedisObject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Redis 7.0's rdbLoadRio: reads a whole RDB stream and hands each key to a {@link Sink}. */
public final class RdbLoader {

    /** Where loaded keys go (the keyspace, or nowhere for the checker). */
    public interface Sink {
        /**
         * One key; {@code idleSeconds} and {@code frequency} are -1 when the file had none.
         * Throws for a duplicated key.
         */
        void key(int db, byte[] key, RedisObject value, long expireAt, long idleSeconds, int frequency)
                throws RdbException;

        /** RESIZEDB's hint before a database's keys. */
        default void resize(int db, long size, long expiresSize) {
        }
    }

    /** What a load found besides the keys. */
    public static final class Result {
        public int version;
        public long keysLoaded;
        public long keysExpired;
        public final Map<String, byte[]> aux = new LinkedHashMap<>();
        public final List<byte[]> functions = new ArrayList<>();
        /** The checksum the file carried (0 when saved without rdbchecksum or before version 5). */
        public long storedChecksum;
        /** The key being read when loading stopped, for the checker's report (raw bytes: no String per key). */
        public byte[] lastKey;
        public int lastType = -1;

        public String aux(String name) {
            byte[] v = aux.get(name);
            return v == null ? null : new String(v, StandardCharsets.UTF_8);
        }
    }

    private RdbLoader() {
    }

    /**
     * @param nowMillis    keys that expired before this time are skipped and counted (as a master does);
     *                     -1 loads every key
     * @param verifyCrc    {@code rdbchecksum}: a wrong non-zero checksum fails the load
     * @param databases    the number of databases: a SELECTDB beyond it fails
     */
    public static Result load(RdbInput in, Sink sink, long nowMillis, boolean verifyCrc, int databases, Result result)
            throws IOException, RdbException {
        return load(in, sink, nowMillis, verifyCrc, databases, result, null);
    }

    /** As above, converting loaded encodings by {@code config}'s thresholds (Redis's defaults when null). */
    public static Result load(RdbInput in, Sink sink, long nowMillis, boolean verifyCrc, int databases, Result result,
                              dev.verdict.server.config.ServerConfig config) throws IOException, RdbException {
        byte[] magic = in.readBytes(9);
        String header = new String(magic, StandardCharsets.US_ASCII);
        if (!header.startsWith("REDIS")) throw new RdbException("Wrong signature trying to load DB from file");
        int version;
        try {
            version = Integer.parseInt(header.substring(5));
        } catch (NumberFormatException e) {
            throw new RdbException("Wrong signature trying to load DB from file");
        }
        if (version < Rdb.OLDEST_LOADABLE || version > Rdb.VERSION) {
            throw new RdbException("Can't handle RDB format version " + version);
        }
        result.version = version;
        int db = 0;
        long expireAt = -1;
        long idle = -1;
        int freq = -1;
        while (true) {
            int type = in.readByte();
            switch (type) {
                case Rdb.OPCODE_EXPIRETIME -> {
                    expireAt = (in.readIntLE() & 0xffffffffL) * 1000;
                    continue;
                }
                case Rdb.OPCODE_EXPIRETIME_MS -> {
                    expireAt = in.readLongLE();
                    continue;
                }
                case Rdb.OPCODE_FREQ -> {
                    freq = in.readByte();
                    continue;
                }
                case Rdb.OPCODE_IDLE -> {
                    idle = in.readPlainLength();
                    continue;
                }
                case Rdb.OPCODE_EOF -> {
                    if (version >= 5) {
                        long expected = in.crc();
                        long stored = in.readLongLE();
                        result.storedChecksum = stored;
                        if (verifyCrc && stored != 0 && stored != expected) {
                            throw new RdbException(String.format("Wrong RDB checksum expected: (%x) got (%x). Aborting now.",
                                    stored, expected));
                        }
                    }
                    return result;
                }
                case Rdb.OPCODE_SELECTDB -> {
                    long id = in.readPlainLength();
                    if (id >= databases) {
                        throw new RdbException("FATAL: Data file was created with a Redis server configured to handle "
                                + "more than " + databases + " databases. Exiting\n");
                    }
                    db = (int) id;
                    continue;
                }
                case Rdb.OPCODE_RESIZEDB -> {
                    long size = in.readPlainLength();
                    long expires = in.readPlainLength();
                    sink.resize(db, size, expires);
                    continue;
                }
                case Rdb.OPCODE_AUX -> {
                    byte[] name = in.readString();
                    byte[] value = in.readString();
                    result.aux.put(new String(name, StandardCharsets.UTF_8), value);
                    continue;
                }
                case Rdb.OPCODE_MODULE_AUX -> {
                    long moduleId = in.readPlainLength();
                    throw new RdbException("The RDB file contains AUX module data I can't load: no matching module '"
                            + ValueCodec.moduleTypeName(moduleId) + "'");
                }
                case Rdb.OPCODE_FUNCTION -> throw new RdbException("Pre-release function format not supported.");
                case Rdb.OPCODE_FUNCTION2 -> {
                    result.functions.add(in.readString());
                    continue;
                }
                default -> {
                }
            }
            if (!Rdb.isObjectType(type)) throw new RdbException("Unknown RDB encoding type " + type);
            byte[] key = in.readString();
            result.lastKey = key;
            result.lastType = type;
            RedisObject value = config == null ? ValueCodec.read(in, type) : ValueCodec.read(in, type, config);
            if (nowMillis != -1 && expireAt != -1 && expireAt < nowMillis) {
                result.keysExpired++;
            } else {
                sink.key(db, key, value, expireAt, idle, freq);
                result.keysLoaded++;
            }
            expireAt = -1;
            idle = -1;
            freq = -1;
        }
    }
}
