package dev.verdict.server.type.hash;

import dev.verdict.server.config.ServerConfig;
import dev.verdict.server.db.BytesKey;
import dev.verdict.server.type.listpack.Listpack;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/** The hash type's API (t_hash.c's hashType* functions); commands never touch the encodings. */
public final class HashType {

    private HashType() {
    }

    public static HashValue create() {
        return new HashValue();
    }

    public static long length(HashValue h) {
        return h.listpack != null ? h.listpack.size() / 2 : h.table.size();
    }

    /** The field's value, or null. */
    public static byte[] get(HashValue h, byte[] field) {
        if (h.listpack != null) {
            int p = findField(h.listpack, field);
            return p == -1 ? null : h.listpack.get(h.listpack.next(p));
        }
        return h.table.get(new BytesKey(field));
    }

    public static boolean exists(HashValue h, byte[] field) {
        return get(h, field) != null;
    }

    /**
     * hashTypeTryConversion: converts before a write when any of the arguments (fields and values)
     * is longer than hash-max-listpack-value.
     */
    public static void tryConversion(HashValue h, byte[][] argv, int start, int end, ServerConfig config) {
        if (h.listpack == null) return;
        long max = maxValue(config);
        for (int i = start; i <= end; i++) {
            if (argv[i].length > max) {
                convertToTable(h);
                return;
            }
        }
    }

    /** Sets a field; true when it is new. Converts like hashTypeSet (value length, then entry count). */
    public static boolean set(HashValue h, byte[] field, byte[] value, ServerConfig config) {
        if (h.listpack != null) {
            long max = maxValue(config);
            if (field.length > max || value.length > max) convertToTable(h);
        }
        if (h.listpack != null) {
            Listpack lp = h.listpack;
            int p = findField(lp, field);
            if (p != -1) {
                lp.replace(lp.next(p), value);
                return false;
            }
            lp.append(field);
            lp.append(value);
            if (length(h) > config.getLong("hash-max-listpack-entries")) convertToTable(h);
            return true;
        }
        return h.table.put(new BytesKey(field), value) == null;
    }

    /** Deletes a field; true when it existed. Hashes never convert back to listpack. */
    public static boolean delete(HashValue h, byte[] field) {
        if (h.listpack != null) {
            int p = findField(h.listpack, field);
            if (p == -1) return false;
            h.listpack.deleteRange(p, 2);
            return true;
        }
        return h.table.remove(new BytesKey(field)) != null;
    }

    /** Visits every field and value: insertion order for a listpack, table order otherwise. */
    public static void forEach(HashValue h, BiConsumer<byte[], byte[]> visitor) {
        if (h.listpack != null) {
            Listpack lp = h.listpack;
            for (int p = lp.first(); p != -1; ) {
                int v = lp.next(p);
                visitor.accept(lp.get(p), lp.get(v));
                p = lp.next(v);
            }
            return;
        }
        for (Map.Entry<BytesKey, byte[]> e : h.table.entrySet()) visitor.accept(e.getKey().bytes(), e.getValue());
    }

    /** Fields and values interleaved, in iteration order. */
    public static byte[][] entries(HashValue h) {
        byte[][] out = new byte[(int) length(h) * 2][];
        int[] i = {0};
        forEach(h, (f, v) -> {
            out[i[0]++] = f;
            out[i[0]++] = v;
        });
        return out;
    }

    /** HSCAN's walk: everything at once from a listpack, hash order from a table. */
    public static long scan(HashValue h, long cursor, long count, java.util.List<byte[]> out) {
        if (h.listpack != null) {
            forEach(h, (f, v) -> {
                out.add(f);
                out.add(v);
            });
            return 0;
        }
        return dev.verdict.server.type.common.Scan.byHash(h.table.entrySet(), e -> e.getKey().hashCode(), cursor, count,
                e -> {
                    out.add(e.getKey().bytes());
                    out.add(e.getValue());
                });
    }

    static void convertToTable(HashValue h) {
        HashMap<BytesKey, byte[]> table = new HashMap<>();
        forEach(h, (f, v) -> table.put(new BytesKey(f), v));
        h.table = table;
        h.listpack = null;
    }

    private static int findField(Listpack lp, byte[] field) {
        int p = lp.first();
        return p == -1 ? -1 : lp.find(p, field, 1);
    }

    private static long maxValue(ServerConfig config) {
        return config.getMemory("hash-max-listpack-value");
    }
}
