package dev.verdict.server.persistence.rdb;

import dev.verdict.server.config.ServerConfig;
import dev.verdict.server.db.Encoding;
import dev.verdict.server.db.RedisObject;
import dev.verdict.server.type.hash.HashType;
import dev.verdict.server.type.hash.HashValue;
import dev.verdict.server.type.intset.IntSet;
import dev.verdict.server.type.list.ListType;
import dev.verdict.server.type.list.ListValue;
import dev.verdict.server.type.list.QuickList;
import dev.verdict.server.type.listpack.Listpack;
import dev.verdict.server.type.set.SetType;
import dev.verdict.server.type.set.SetValue;
import dev.verdict.server.type.string.StringValue;
import dev.verdict.server.type.zset.ZSetType;
import dev.verdict.server.type.zset.ZSetValue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

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
        Encoding enc = value.encoding();
        return switch (value.type()) {
            case STRING -> Rdb.TYPE_STRING;
            case LIST -> Rdb.TYPE_LIST_QUICKLIST_2;
            case SET -> enc == Encoding.INTSET ? Rdb.TYPE_SET_INTSET : Rdb.TYPE_SET;
            case ZSET -> enc == Encoding.LISTPACK ? Rdb.TYPE_ZSET_LISTPACK : Rdb.TYPE_ZSET_2;
            case HASH -> enc == Encoding.LISTPACK ? Rdb.TYPE_HASH_LISTPACK : Rdb.TYPE_HASH;
            case STREAM -> Rdb.TYPE_STREAM_LISTPACKS_2;
            default -> throw unsupported(value);
        };
    }

    /** rdbSaveObject: the value without its type byte. */
    public static void writePayload(RdbOutput out, RedisObject value) throws IOException {
        switch (value.type()) {
            case STRING -> out.writeString(((StringValue) value).bytes());
            case LIST -> {
                QuickList ql = ((ListValue) value).quicklist();
                out.writeLength(ql.nodeCount());
                for (Listpack node : ql.nodes()) {
                    out.writeLength(QUICKLIST_NODE_PACKED);
                    out.writeString(node.toBytes());
                }
            }
            case SET -> {
                SetValue set = (SetValue) value;
                if (set.encoding() == Encoding.INTSET) {
                    out.writeString(set.intset().toBytes());
                } else {
                    out.writeLength(SetType.size(set));
                    for (byte[] member : SetType.members(set)) out.writeString(member);
                }
            }
            case ZSET -> {
                ZSetValue z = (ZSetValue) value;
                if (z.encoding() == Encoding.LISTPACK) {
                    out.writeString(z.listpack().toBytes());
                } else {
                    // rdbSaveObject walks the skiplist from the tail, so loading inserts at the head cheaply
                    List<ZSetType.Entry> entries = ZSetType.entries(z);
                    out.writeLength(entries.size());
                    for (int i = entries.size() - 1; i >= 0; i--) {
                        out.writeString(entries.get(i).member());
                        out.writeBinaryDouble(entries.get(i).score());
                    }
                }
            }
            case HASH -> {
                HashValue h = (HashValue) value;
                if (h.encoding() == Encoding.LISTPACK) {
                    out.writeString(h.listpack().toBytes());
                } else {
                    out.writeLength(HashType.length(h));
                    IOException[] failed = new IOException[1];
                    HashType.forEach(h, (f, v) -> {
                        if (failed[0] != null) return;
                        try {
                            out.writeString(f);
                            out.writeString(v);
                        } catch (IOException e) {
                            failed[0] = e;
                        }
                    });
                    if (failed[0] != null) throw failed[0];
                }
            }
            case STREAM -> dev.verdict.server.type.stream.StreamRdb.write(out, (dev.verdict.server.type.stream.Stream) value);
            default -> throw unsupported(value);
        }
    }

    /** QUICKLIST_NODE_CONTAINER_PLAIN and _PACKED. */
    private static final int QUICKLIST_NODE_PLAIN = 1;
    private static final int QUICKLIST_NODE_PACKED = 2;

    private static UnsupportedValueException unsupported(RedisObject value) {
        return new UnsupportedValueException("Saving a " + value.type().typeName() + " value ("
                + value.encoding().encodingName() + " encoding) to RDB is not implemented in this build");
    }

    /** rdbLoadObject for the given type id (already read), with Redis's default thresholds. */
    public static RedisObject read(RdbInput in, int type) throws IOException, RdbException {
        return read(in, type, Defaults.CONFIG);
    }

    /** Redis's default thresholds, made once (only read). */
    private static final class Defaults {
        static final ServerConfig CONFIG = ServerConfig.fromArgs();
    }

    /** rdbLoadObject, converting encodings by the server's *-max-listpack-* and set-max-intset-entries. */
    public static RedisObject read(RdbInput in, int type, ServerConfig config) throws IOException, RdbException {
        try {
            return readChecked(in, type, config);
        } catch (IllegalArgumentException | IllegalStateException | IndexOutOfBoundsException e) {
            throw new RdbException("Corrupt " + typeName(type) + " value (RDB type " + type + "): " + e.getMessage());
        }
    }

    private static long count(RdbInput in) throws IOException, RdbException {
        long n = in.readPlainLength();
        if (n > Integer.MAX_VALUE) throw new RdbException("Too many elements: " + n);
        return n;
    }

    private static RedisObject readChecked(RdbInput in, int type, ServerConfig config) throws IOException, RdbException {
        switch (type) {
            case Rdb.TYPE_STRING:
                return StringValue.of(in.readString());
            case Rdb.TYPE_LIST: {
                long n = count(in);
                List<byte[]> elements = new ArrayList<>();
                for (long i = 0; i < n; i++) elements.add(in.readString());
                return ListType.of(elements, config);
            }
            case Rdb.TYPE_LIST_ZIPLIST:
                return ListType.of(LegacyEncodings.ziplistEntries(in.readString()), config);
            case Rdb.TYPE_LIST_QUICKLIST:
            case Rdb.TYPE_LIST_QUICKLIST_2: {
                long nodes = count(in);
                QuickList ql = new QuickList();
                List<byte[]> plain = null;
                for (long i = 0; i < nodes; i++) {
                    int container = QUICKLIST_NODE_PACKED;
                    if (type == Rdb.TYPE_LIST_QUICKLIST_2) {
                        container = (int) in.readPlainLength();
                        if (container != QUICKLIST_NODE_PACKED && container != QUICKLIST_NODE_PLAIN) {
                            throw new RdbException("Quicklist integrity check failed.");
                        }
                    }
                    byte[] blob = in.readString();
                    if (container == QUICKLIST_NODE_PLAIN) {
                        Listpack lp = new Listpack();
                        lp.append(blob);
                        ql.appendNode(lp);
                        continue;
                    }
                    Listpack lp;
                    if (type == Rdb.TYPE_LIST_QUICKLIST) {
                        lp = new Listpack();
                        for (byte[] e : LegacyEncodings.ziplistEntries(blob)) lp.append(e);
                    } else {
                        lp = Listpack.fromBytes(blob);
                    }
                    if (lp.size() == 0) continue; // Redis skips empty nodes
                    ql.appendNode(lp);
                }
                if (ql.size() == 0) throw new RdbException("Empty list (no elements) loaded");
                return ListValue.fromQuickList(ql);
            }
            case Rdb.TYPE_SET: {
                long n = count(in);
                SetValue set = SetType.createIntset();
                for (long i = 0; i < n; i++) {
                    if (!SetType.add(set, in.readString(), config)) throw new RdbException("Duplicate set members detected");
                }
                return set;
            }
            case Rdb.TYPE_SET_INTSET: {
                SetValue set = SetValue.fromIntSet(IntSet.fromBytes(in.readString()));
                if (SetType.size(set) > config.getLong("set-max-intset-entries")) {
                    SetValue converted = SetType.create("x".getBytes());
                    SetType.remove(converted, "x".getBytes());
                    for (byte[] m : SetType.members(set)) SetType.add(converted, m, config);
                    return converted;
                }
                return set;
            }
            case Rdb.TYPE_ZSET:
            case Rdb.TYPE_ZSET_2: {
                long n = count(in);
                ZSetValue z = ZSetType.createSkiplist();
                for (long i = 0; i < n; i++) {
                    byte[] member = in.readString();
                    double score = type == Rdb.TYPE_ZSET_2 ? in.readBinaryDouble() : in.readTextDouble();
                    if (Double.isNaN(score)) throw new RdbException("Zset with NAN score detected");
                    if (ZSetType.score(z, member) != null) throw new RdbException("Duplicate zset fields detected");
                    ZSetType.add(z, score, member, 0, config);
                }
                ZSetType.convertToListpackIfNeeded(z, config);
                return z;
            }
            case Rdb.TYPE_ZSET_ZIPLIST:
                return zsetFromListpack(pairsToListpack(LegacyEncodings.ziplistEntries(in.readString())), config);
            case Rdb.TYPE_ZSET_LISTPACK:
                return zsetFromListpack(Listpack.fromBytes(in.readString()), config);
            case Rdb.TYPE_HASH: {
                long n = count(in);
                HashValue h = HashType.create();
                for (long i = 0; i < n; i++) {
                    byte[] field = in.readString();
                    byte[] value = in.readString();
                    if (!HashType.set(h, field, value, config)) throw new RdbException("Duplicate hash fields detected");
                }
                return h;
            }
            case Rdb.TYPE_HASH_ZIPMAP:
                return hashFromListpack(pairsToListpack(LegacyEncodings.zipmapEntries(in.readString())), config);
            case Rdb.TYPE_HASH_ZIPLIST:
                return hashFromListpack(pairsToListpack(LegacyEncodings.ziplistEntries(in.readString())), config);
            case Rdb.TYPE_HASH_LISTPACK:
                return hashFromListpack(Listpack.fromBytes(in.readString()), config);
            case Rdb.TYPE_STREAM_LISTPACKS:
            case Rdb.TYPE_STREAM_LISTPACKS_2:
                return dev.verdict.server.type.stream.StreamRdb.read(in, type);
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

    private static Listpack pairsToListpack(List<byte[]> entries) throws RdbException {
        if (entries.size() % 2 != 0) throw new RdbException("Odd number of entries in a field/value blob");
        Listpack lp = new Listpack();
        for (byte[] e : entries) lp.append(e);
        return lp;
    }

    /** A loaded listpack hash: duplicates refused; converted when above hash-max-listpack-entries/value. */
    private static HashValue hashFromListpack(Listpack lp, ServerConfig config) throws RdbException {
        if (lp.size() == 0) throw new RdbException("Empty hash (no fields) loaded");
        if (lp.size() % 2 != 0) throw new RdbException("Hash listpack with an odd number of entries");
        boolean fits = lp.size() / 2 <= config.getLong("hash-max-listpack-entries");
        long maxValue = config.getMemory("hash-max-listpack-value");
        List<byte[]> entries = new ArrayList<>();
        for (int p = lp.first(); p != -1; p = lp.next(p)) {
            byte[] e = lp.get(p);
            if (e.length > maxValue) fits = false;
            entries.add(e);
        }
        if (hasDuplicateField(entries)) throw new RdbException("Hash listpack with dup elements");
        if (fits) return HashValue.fromListpack(lp);
        HashValue h = HashType.create();
        for (int i = 0; i < entries.size(); i += 2) HashType.set(h, entries.get(i), entries.get(i + 1), config);
        return h;
    }

    /** True when two fields (even entries) of a field/value list are equal. */
    private static boolean hasDuplicateField(List<byte[]> entries) {
        int fields = entries.size() / 2;
        if (fields <= 16) {
            // the usual small listpack: pairwise comparison costs less than hashing into a set
            for (int i = 0; i < entries.size(); i += 2) {
                for (int j = i + 2; j < entries.size(); j += 2) {
                    if (java.util.Arrays.equals(entries.get(i), entries.get(j))) return true;
                }
            }
            return false;
        }
        java.util.Set<dev.verdict.server.db.BytesKey> seen = new java.util.HashSet<>();
        for (int i = 0; i < entries.size(); i += 2) {
            if (!seen.add(new dev.verdict.server.db.BytesKey(entries.get(i)))) return true;
        }
        return false;
    }

    /** A loaded listpack sorted set: converted to a skiplist when above zset-max-listpack-entries. */
    private static ZSetValue zsetFromListpack(Listpack lp, ServerConfig config) throws RdbException {
        if (lp.size() == 0) throw new RdbException("Empty zset (no members) loaded");
        if (lp.size() % 2 != 0) throw new RdbException("Zset listpack with an odd number of entries");
        ZSetValue z = ZSetValue.fromListpack(lp);
        if (lp.size() / 2 <= config.getLong("zset-max-listpack-entries")) return z;
        ZSetValue converted = ZSetType.createSkiplist();
        for (ZSetType.Entry e : ZSetType.entries(z)) ZSetType.add(converted, e.score(), e.member(), 0, config);
        return converted;
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
