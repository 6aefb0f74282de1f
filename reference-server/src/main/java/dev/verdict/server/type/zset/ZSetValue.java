package dev.verdict.server.type.zset;

import dev.verdict.server.db.BytesKey;
import dev.verdict.server.db.Encoding;
import dev.verdict.server.db.ObjectType;
import dev.verdict.server.db.RedisObject;
import dev.verdict.server.type.listpack.Listpack;

import java.util.HashMap;

/**
 * A sorted set: a listpack of member, score pairs in order while small (zset-max-listpack-entries,
 * zset-max-listpack-value), a skiplist plus a member-to-score dictionary after. Only
 * {@link ZSetType} reads the encodings.
 */
public final class ZSetValue extends RedisObject {

    Listpack listpack;
    SkipList skiplist;
    HashMap<BytesKey, Double> dict;

    ZSetValue(boolean listpackEncoded) {
        if (listpackEncoded) {
            listpack = new Listpack();
        } else {
            skiplist = new SkipList();
            dict = new HashMap<>();
        }
    }

    /** A sorted set from a listpack blob as stored in RDB or a DUMP payload. */
    public static ZSetValue fromListpack(Listpack lp) {
        ZSetValue z = new ZSetValue(true);
        z.listpack = lp;
        return z;
    }

    @Override
    public ObjectType type() {
        return ObjectType.ZSET;
    }

    @Override
    public Encoding encoding() {
        return listpack != null ? Encoding.LISTPACK : Encoding.SKIPLIST;
    }

    /** The listpack when so encoded (for RDB and DUMP), else null. */
    public Listpack listpack() {
        return listpack;
    }
}
