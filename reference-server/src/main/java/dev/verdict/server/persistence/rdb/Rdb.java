package dev.verdict.server.persistence.rdb;

/** Every RDB opcode, type id and special encoding in one place, as Redis's rdb.h names them. */
public final class Rdb {

    private Rdb() {
    }

    /** RDB_VERSION written by Redis 7.0. */
    public static final int VERSION = 10;
    /** The oldest version Redis 7.0 still loads through its conversions (ziplist, zipmap). */
    public static final int OLDEST_LOADABLE = 1;

    // value types
    public static final int TYPE_STRING = 0;
    public static final int TYPE_LIST = 1;
    public static final int TYPE_SET = 2;
    public static final int TYPE_ZSET = 3;
    public static final int TYPE_HASH = 4;
    public static final int TYPE_ZSET_2 = 5;
    public static final int TYPE_MODULE = 6;
    public static final int TYPE_MODULE_2 = 7;
    public static final int TYPE_HASH_ZIPMAP = 9;
    public static final int TYPE_LIST_ZIPLIST = 10;
    public static final int TYPE_SET_INTSET = 11;
    public static final int TYPE_ZSET_ZIPLIST = 12;
    public static final int TYPE_HASH_ZIPLIST = 13;
    public static final int TYPE_LIST_QUICKLIST = 14;
    public static final int TYPE_STREAM_LISTPACKS = 15;
    public static final int TYPE_HASH_LISTPACK = 16;
    public static final int TYPE_ZSET_LISTPACK = 17;
    public static final int TYPE_LIST_QUICKLIST_2 = 18;
    public static final int TYPE_STREAM_LISTPACKS_2 = 19;

    // opcodes
    public static final int OPCODE_FUNCTION2 = 245;
    public static final int OPCODE_FUNCTION = 246;
    public static final int OPCODE_MODULE_AUX = 247;
    public static final int OPCODE_IDLE = 248;
    public static final int OPCODE_FREQ = 249;
    public static final int OPCODE_AUX = 250;
    public static final int OPCODE_RESIZEDB = 251;
    public static final int OPCODE_EXPIRETIME_MS = 252;
    public static final int OPCODE_EXPIRETIME = 253;
    public static final int OPCODE_SELECTDB = 254;
    public static final int OPCODE_EOF = 255;

    // length encodings
    public static final int LEN_6BIT = 0;
    public static final int LEN_14BIT = 1;
    public static final int LEN_32BIT = 0x80;
    public static final int LEN_64BIT = 0x81;
    public static final int ENCVAL = 3;

    // special string encodings (after ENCVAL)
    public static final int ENC_INT8 = 0;
    public static final int ENC_INT16 = 1;
    public static final int ENC_INT32 = 2;
    public static final int ENC_LZF = 3;

    /** rdbIsObjectType. */
    public static boolean isObjectType(int type) {
        return (type >= 0 && type <= 7) || (type >= 9 && type <= 19);
    }
}
