package dev.verdict.server.type.hash;

import dev.verdict.server.db.BytesKey;
import dev.verdict.server.db.Encoding;
import dev.verdict.server.db.ObjectType;
import dev.verdict.server.db.RedisObject;
import dev.verdict.server.type.listpack.Listpack;

import java.util.HashMap;

/**
 * A hash value: a listpack of field, value, field, value... while small, a hash table after
 * (hash-max-listpack-entries, hash-max-listpack-value). Only {@link HashType} reads the encodings.
 */
public final class HashValue extends RedisObject {

    Listpack listpack;
    HashMap<BytesKey, byte[]> table;

    HashValue() {
        listpack = new Listpack();
    }

    /** A hash from a listpack blob as stored in RDB or a DUMP payload. */
    public static HashValue fromListpack(Listpack lp) {
        HashValue h = new HashValue();
        h.listpack = lp;
        return h;
    }

    @Override
    public ObjectType type() {
        return ObjectType.HASH;
    }

    @Override
    public Encoding encoding() {
        return listpack != null ? Encoding.LISTPACK : Encoding.HASHTABLE;
    }

    /** The listpack when so encoded (for RDB and DUMP), else null. */
    public Listpack listpack() {
        return listpack;
    }
}
