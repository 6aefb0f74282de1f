package dev.verdict.server.type.hash;

import dev.verdict.server.util.ValueDigest;
import dev.verdict.server.db.MemoryFootprint;
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
public final class HashValue extends RedisObject implements dev.verdict.server.db.Fields {

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

    @Override
    public long memoryUsage() {
        if (listpack != null) return MemoryFootprint.OBJECT_HEADER + MemoryFootprint.allocation(listpack.bytes());
        // An O(1) estimate: dict entry, bucket and two small sds strings per field.
        return MemoryFootprint.OBJECT_HEADER + 96L + table.size() * (MemoryFootprint.DICT_ENTRY + MemoryFootprint.DICT_BUCKET + 32L);
    }

    @Override
    public RedisObject duplicate() {
        HashValue copy = new HashValue();
        if (listpack != null) {
            copy.listpack = listpack.copy();
        } else {
            copy.listpack = null;
            copy.table = new HashMap<>(table);
        }
        return copy;
    }

    /** debug.c: per field, mix field then value into an element digest, xor those together. */
    @Override
    public void digest(ValueDigest digest) {
        HashType.forEach(this, (f, v) -> {
            ValueDigest element = new ValueDigest();
            element.mix(f);
            element.mix(v);
            digest.xorDigestOf(element);
        });
    }

    @Override
    public byte[] fieldValue(byte[] field) {
        return HashType.get(this, field);
    }
}
