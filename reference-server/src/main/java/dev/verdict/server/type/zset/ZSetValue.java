package dev.verdict.server.type.zset;

import dev.verdict.server.resp.DoubleFormat;
import dev.verdict.server.util.ValueDigest;
import dev.verdict.server.db.MemoryFootprint;
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
public final class ZSetValue extends RedisObject implements dev.verdict.server.db.Elements {

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

    @Override
    public long memoryUsage() {
        if (listpack != null) return MemoryFootprint.OBJECT_HEADER + MemoryFootprint.allocation(listpack.bytes());
        // An O(1) estimate: dict entry, bucket, a skiplist node and a small sds per member.
        return MemoryFootprint.OBJECT_HEADER + 160L + dict.size() * (MemoryFootprint.DICT_ENTRY + MemoryFootprint.DICT_BUCKET + 64L);
    }

    @Override
    public RedisObject duplicate() {
        ZSetValue copy = new ZSetValue(listpack != null);
        if (listpack != null) {
            copy.listpack = listpack.copy();
        } else {
            for (SkipList.Node n = skiplist.first(); n != null; n = n.next()) copy.skiplist.insert(n.score(), n.member());
            copy.dict.putAll(dict);
        }
        return copy;
    }

    /** debug.c: per member, mix member then its %.17g score into an element digest, xor those together. */
    @Override
    public void digest(ValueDigest digest) {
        ZSetType.forEach(this, e -> {
            ValueDigest element = new ValueDigest();
            element.mix(e.member());
            element.mix(DoubleFormat.g17(e.score()).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            digest.xorDigestOf(element);
        });
    }

    @Override
    public long elementCount() {
        return ZSetType.length(this);
    }

    @Override
    public void forEachElement(java.util.function.Consumer<byte[]> action) {
        ZSetType.forEach(this, e -> action.accept(e.member()));
    }
}
