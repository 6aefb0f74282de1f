package dev.verdict.conformance.diff.compare;

import dev.verdict.conformance.client.RespReply;
import dev.verdict.conformance.client.RespValue;
import dev.verdict.conformance.diff.Command;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * SORT and SORT_RO where the order is the source's own iteration order, which for a set in a hash table, or a sorted
 * set (SORT converts it to a skiplist and reads its dict), is a hash table's, seeded per process. That is the case
 * with a BY pattern without '*' (no sorting at all; a sorted set then keeps its score order) and with a BY pattern
 * and ALPHA (the comparison gives 0 when neither weight key exists, and glibc's sort keeps the source's order for
 * ties). The targets are asked TYPE and OBJECT ENCODING of the source; only for those sources is the reply compared
 * as a multiset of elements (of groups, with GET), or with LIMIT, which then picks from that order, by size alone.
 * Lists, intsets and numeric sorts (ties broken by the element) stay byte for byte. With STORE the stored list's
 * order cannot be compared, so the sequence ends there.
 */
final class SortReplyRule implements ReplyRule {

    /** The options of one SORT command that decide whether its order is the source's. */
    private record Options(String by, boolean alpha, boolean limit, boolean store, int gets) {

        static Options of(Command c) {
            List<String> a = c.argStrings();
            String by = null;
            boolean alpha = false;
            boolean limit = false;
            boolean store = false;
            int gets = 0;
            for (int i = 2; i < a.size(); i++) {
                String t = a.get(i).toUpperCase(Locale.ROOT);
                boolean hasValue = i + 1 < a.size();
                if (t.equals("ALPHA")) {
                    alpha = true;
                } else if (t.equals("BY") && hasValue) {
                    by = a.get(++i);
                } else if (t.equals("GET") && hasValue) {
                    gets++;
                    i++;
                } else if (t.equals("STORE") && hasValue) {
                    store = true;
                    i++;
                } else if (t.equals("LIMIT") && i + 2 < a.size()) {
                    limit = true;
                    i += 2;
                }
            }
            return new Options(by, alpha, limit, store, gets);
        }

        boolean orderMayBeTheSources() {
            return by != null && (!by.contains("*") || alpha);
        }

        boolean sorts() {
            return by != null && by.contains("*");
        }
    }

    @Override
    public boolean agree(Command c, RespReply a, RespReply b, LiveSides sides) {
        if (Arrays.equals(a.raw(), b.raw())) {
            return true;
        }
        Options o = Options.of(c);
        if (!o.orderMayBeTheSources() || o.store() || c.args().size() < 2
                || !(a.value() instanceof RespValue.Array x) || !(b.value() instanceof RespValue.Array y)
                || !unorderedSource(c, o, sides)) {
            return false;
        }
        if (o.limit()) {
            return x.elements().size() == y.elements().size();
        }
        return groups(x, Math.max(1, o.gets())).equals(groups(y, Math.max(1, o.gets())));
    }

    @Override
    public boolean needsLiveSides(Command c) {
        Options o = Options.of(c);
        return o.orderMayBeTheSources() && !o.store();
    }

    @Override
    public boolean divergesState(Command c) {
        Options o = Options.of(c);
        return o.store() && o.sorts() && o.alpha();
    }

    /** Both targets hold a set in a hash table, or (when sorting) a sorted set, under the source key. */
    private static boolean unorderedSource(Command c, Options o, LiveSides sides) {
        String key = c.arg(1);
        RespReply[] type = sides.callBoth(Command.of("TYPE", List.of("TYPE", key)), Command.of("TYPE", List.of("TYPE", key)));
        if (!Arrays.equals(type[0].raw(), type[1].raw()) || !(type[0].value() instanceof RespValue.SimpleString t)) {
            return false;
        }
        if (t.value().equals("zset")) {
            return o.sorts();
        }
        if (!t.value().equals("set")) {
            return false;
        }
        Command encoding = Command.of("OBJECT ENCODING", List.of("OBJECT", "ENCODING", key));
        RespReply[] e = sides.callBoth(encoding, encoding);
        return Arrays.equals(e[0].raw(), e[1].raw()) && e[0].value() instanceof RespValue.Bulk enc
                && new String(enc.value(), java.nio.charset.StandardCharsets.ISO_8859_1).equals("hashtable");
    }

    /** The reply cut into groups of one element and its GETs, the groups in byte order. */
    private static List<String> groups(RespValue.Array reply, int size) {
        List<String> out = new ArrayList<>();
        List<RespValue> e = reply.elements();
        for (int i = 0; i < e.size(); i += size) {
            StringBuilder g = new StringBuilder();
            for (int j = i; j < Math.min(e.size(), i + size); j++) {
                g.append(java.util.HexFormat.of().formatHex(ValueOrder.bytes(e.get(j)))).append(' ');
            }
            out.add(g.toString());
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }
}
