package dev.verdict.server.type.set;

import dev.verdict.server.config.ServerConfig;
import dev.verdict.server.db.BytesKey;
import dev.verdict.server.type.common.Scan;
import dev.verdict.server.type.string.Numbers;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.Consumer;

/** The set type's API (t_set.c's setType* functions); commands never touch the encodings. */
public final class SetType {

    private SetType() {
    }

    /** setTypeCreate: an intset when the first member is an integer, else a hash table. */
    public static SetValue create(byte[] firstMember) {
        return new SetValue(Numbers.parseLongStrict(firstMember) != null);
    }

    /** An empty set that starts as an intset, as the *STORE commands build their results. */
    public static SetValue createIntset() {
        return new SetValue(true);
    }

    public static long size(SetValue s) {
        return s.intset != null ? s.intset.size() : s.table.size();
    }

    public static boolean contains(SetValue s, byte[] member) {
        if (s.intset != null) {
            Long v = Numbers.parseLongStrict(member);
            return v != null && s.intset.contains(v);
        }
        return s.table.contains(new BytesKey(member));
    }

    /** Adds a member; true when new. Converts to a hash table exactly when setTypeAdd does. */
    public static boolean add(SetValue s, byte[] member, ServerConfig config) {
        if (s.intset != null) {
            Long v = Numbers.parseLongStrict(member);
            if (v != null) {
                if (!s.intset.add(v)) return false;
                if (s.intset.size() > config.getLong("set-max-intset-entries")) convertToTable(s);
                return true;
            }
            convertToTable(s);
        }
        return s.table.add(new BytesKey(member));
    }

    public static boolean remove(SetValue s, byte[] member) {
        if (s.intset != null) {
            Long v = Numbers.parseLongStrict(member);
            return v != null && s.intset.remove(v);
        }
        return s.table.remove(new BytesKey(member));
    }

    /** Visits every member: ascending for an intset, table order otherwise. */
    public static void forEach(SetValue s, Consumer<byte[]> visitor) {
        if (s.intset != null) {
            for (int i = 0; i < s.intset.size(); i++) visitor.accept(ascii(s.intset.get(i)));
            return;
        }
        for (BytesKey k : s.table) visitor.accept(k.bytes());
    }

    /** Every member, in iteration order (SORT and SMEMBERS read sets through this). */
    public static List<byte[]> members(SetValue s) {
        List<byte[]> out = new ArrayList<>((int) size(s));
        forEach(s, out::add);
        return out;
    }

    /** SSCAN's walk: everything at once from an intset, hash order from a table. */
    public static long scan(SetValue s, long cursor, long count, List<byte[]> out) {
        if (s.intset != null) {
            forEach(s, out::add);
            return 0;
        }
        return Scan.byHash(s.table, BytesKey::hashCode, cursor, count, k -> out.add(k.bytes()));
    }

    static void convertToTable(SetValue s) {
        HashSet<BytesKey> table = new HashSet<>();
        forEach(s, m -> table.add(new BytesKey(m)));
        s.table = table;
        s.intset = null;
    }

    private static byte[] ascii(long v) {
        return Long.toString(v).getBytes(StandardCharsets.US_ASCII);
    }
}
