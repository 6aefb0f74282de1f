package dev.verdict.server.type.list;

import dev.verdict.server.type.listpack.Listpack;
import dev.verdict.server.util.ValueDigest;
import dev.verdict.server.db.MemoryFootprint;
import dev.verdict.server.db.Encoding;
import dev.verdict.server.db.ObjectType;
import dev.verdict.server.db.RedisObject;

/** A list value. Redis 7.0 keeps every list in a quicklist (listpack-encoded small lists came in 7.2). */
public final class ListValue extends RedisObject implements dev.verdict.server.db.Elements {

    final QuickList quicklist;

    ListValue() {
        this(new QuickList());
    }

    ListValue(QuickList quicklist) {
        this.quicklist = quicklist;
    }

    /** A list from quicklist nodes as read from RDB or a DUMP payload. */
    public static ListValue fromQuickList(QuickList quicklist) {
        return new ListValue(quicklist);
    }

    @Override
    public ObjectType type() {
        return ObjectType.LIST;
    }

    @Override
    public Encoding encoding() {
        return Encoding.QUICKLIST;
    }

    /** The quicklist (for RDB and DUMP: one listpack blob per node). */
    public QuickList quicklist() {
        return quicklist;
    }

    @Override
    public long memoryUsage() {
        return MemoryFootprint.OBJECT_HEADER + 40 + 32L * quicklist.nodeCount() + quicklist.storedBytes();
    }

    @Override
    public RedisObject duplicate() {
        QuickList copy = new QuickList();
        for (Listpack node : quicklist.nodes()) copy.appendNode(node.copy());
        return new ListValue(copy);
    }

    /** debug.c: elements mixed in order. */
    @Override
    public void digest(ValueDigest digest) {
        for (byte[] e : ListType.elements(this)) digest.mix(e);
    }

    @Override
    public long elementCount() {
        return quicklist.size();
    }

    @Override
    public void forEachElement(java.util.function.Consumer<byte[]> action) {
        for (byte[] e : ListType.elements(this)) action.accept(e);
    }
}
