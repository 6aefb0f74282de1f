package dev.verdict.server.persistence.rdb;

import dev.verdict.server.db.RedisObject;
import dev.verdict.server.type.string.StringValue;

import java.io.IOException;

/**
 * The value part of RDB (rdbSaveObjectType/rdbSaveObject and rdbLoadObject), shared by files,
 * the AOF preamble and DUMP/RESTORE. A type without a format here fails loudly on save and on
 * load rather than writing or reading anything half-right.
 */
public final class ValueCodec {

    private ValueCodec() {
    }

    /** The type byte and the value (DUMP's payload body). */
    public static void write(RdbOutput out, RedisObject value) throws IOException {
        out.writeByte(typeId(value));
        writePayload(out, value);
    }

    /** rdbSaveObjectType: the RDB type id for the value's type and encoding. */
    public static int typeId(RedisObject value) throws UnsupportedValueException {
        return switch (value.type()) {
            case STRING -> Rdb.TYPE_STRING;
            default -> throw unsupported(value);
        };
    }

    /** rdbSaveObject: the value without its type byte. */
    public static void writePayload(RdbOutput out, RedisObject value) throws IOException {
        switch (value.type()) {
            case STRING -> out.writeString(((StringValue) value).bytes());
            default -> throw unsupported(value);
        }
    }

    private static UnsupportedValueException unsupported(RedisObject value) {
        return new UnsupportedValueException("Saving a " + value.type().typeName() + " value ("
                + value.encoding().encodingName() + " encoding) to RDB is not implemented in this build");
    }

    /** rdbLoadObject for the given type id (already read). */
    public static RedisObject read(RdbInput in, int type) throws IOException, RdbException {
        switch (type) {
            case Rdb.TYPE_STRING:
                return StringValue.of(in.readString());
            case Rdb.TYPE_MODULE:
            case Rdb.TYPE_MODULE_2: {
                long id = in.readPlainLength();
                throw new RdbException("The RDB file contains module data I can't load: no matching module type '"
                        + moduleTypeName(id) + "'");
            }
            default:
                if (!Rdb.isObjectType(type)) throw new RdbException("Unknown RDB encoding type " + type);
                throw new RdbException("Loading RDB type " + type + " (" + typeName(type)
                        + ") is not implemented in this build");
        }
    }

    /** moduleTypeNameByID: the 9-character name packed in the top 54 bits of a module type id. */
    static String moduleTypeName(long id) {
        String charset = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char[] name = new char[9];
        long bits = id >>> 10;
        for (int j = 8; j >= 0; j--) {
            name[j] = charset.charAt((int) (bits & 63));
            bits >>>= 6;
        }
        return new String(name);
    }

    static String typeName(int type) {
        return switch (type) {
            case Rdb.TYPE_STRING -> "string";
            case Rdb.TYPE_LIST, Rdb.TYPE_LIST_ZIPLIST, Rdb.TYPE_LIST_QUICKLIST, Rdb.TYPE_LIST_QUICKLIST_2 -> "list";
            case Rdb.TYPE_SET, Rdb.TYPE_SET_INTSET -> "set";
            case Rdb.TYPE_ZSET, Rdb.TYPE_ZSET_2, Rdb.TYPE_ZSET_ZIPLIST, Rdb.TYPE_ZSET_LISTPACK -> "zset";
            case Rdb.TYPE_HASH, Rdb.TYPE_HASH_ZIPMAP, Rdb.TYPE_HASH_ZIPLIST, Rdb.TYPE_HASH_LISTPACK -> "hash";
            case Rdb.TYPE_STREAM_LISTPACKS, Rdb.TYPE_STREAM_LISTPACKS_2 -> "stream";
            case Rdb.TYPE_MODULE, Rdb.TYPE_MODULE_2 -> "module";
            default -> "unknown";
        };
    }

    /** A value this build cannot serialize; the save fails with this message. */
    public static final class UnsupportedValueException extends IOException {
        public UnsupportedValueException(String message) {
            super(message);
        }
    }
}
