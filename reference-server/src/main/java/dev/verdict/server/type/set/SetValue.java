package dev.verdict.server.type.set;

import dev.verdict.server.util.ValueDigest;
import dev.verdict.server.db.MemoryFootprint;
import dev.verdict.server.db.BytesKey;
import dev.verdict.server.db.Encoding;
import dev.verdict.server.db.ObjectType;
import dev.verdict.server.db.RedisObject;
import dev.verdict.server.type.intset.IntSet;

import java.util.HashSet;

/**
 * A set value: an intset while every member is an integer and there are at most
 * set-max-intset-entries of them, a hash table after. Only {@link SetType} reads the encodings.
 */
public final class SetValue extends RedisObject implements dev.verdict.server.db.Elements {

    IntSet intset;
    HashSet<BytesKey> table;

    SetValue(boolean intsetEncoded) {
        if (intsetEncoded) intset = new IntSet();
        else table = new HashSet<>();
    }

    /** A set from an intset blob as stored in RDB or a DUMP payload. */
    public static SetValue fromIntSet(IntSet intset) {
        SetValue s = new SetValue(true);
        s.intset = intset;
        return s;
    }

    @Override
    public ObjectType type() {
        return ObjectType.SET;
    }

    @Override
    public Encoding encoding() {
        return intset != null ? Encoding.INTSET : Encoding.HASHTABLE;
    }

    /** The intset when so encoded (for RDB and DUMP), else null. */
    public IntSet intset() {
        return intset;
    }

    @Override
    public long memoryUsage() {
        if (intset != null) return MemoryFootprint.OBJECT_HEADER + MemoryFootprint.allocation(intset.bytes());
        return MemoryFootprint.OBJECT_HEADER + 96L + table.size() * (MemoryFootprint.DICT_ENTRY + MemoryFootprint.DICT_BUCKET + 16L);
    }

    @Override
    public RedisObject duplicate() {
        SetValue copy = new SetValue(intset != null);
        if (intset != null) copy.intset = intset.copy();
        else copy.table = new HashSet<>(table);
        return copy;
    }

    /** debug.c: members xored in, order free. */
    @Override
    public void digest(ValueDigest digest) {
        SetType.forEach(this, digest::xor);
    }

    @Override
    public long elementCount() {
        return SetType.size(this);
    }

    @Override
    public void forEachElement(java.util.function.Consumer<byte[]> action) {
        SetType.forEach(this, action);
    }
}
