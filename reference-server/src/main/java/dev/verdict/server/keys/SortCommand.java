package dev.verdict.server.keys;

import dev.verdict.server.client.Client;
import dev.verdict.server.command.Args;
import dev.verdict.server.command.CommandTable;
import dev.verdict.server.command.Errors;
import dev.verdict.server.db.Database;
import dev.verdict.server.db.Elements;
import dev.verdict.server.type.zset.ZSetType;
import dev.verdict.server.db.Fields;
import dev.verdict.server.db.ListFactory;
import dev.verdict.server.db.ObjectType;
import dev.verdict.server.db.RedisObject;
import dev.verdict.server.pubsub.KeyspaceEvents;
import dev.verdict.server.type.string.StringValue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * SORT and SORT_RO (sort.c): numeric or ALPHA order, ASC/DESC, LIMIT, BY pattern (a pattern
 * without {@code *} means no sorting), GET patterns ({@code #}, {@code key*}, {@code hash*->field}),
 * and STORE into a list. Reads lists, sets and sorted sets through {@link Elements}.
 */
final class SortCommand {

    private SortCommand() {
    }

    static void register(CommandTable table) {
        table.bind("sort", (c, argv) -> sort(c, argv, false));
        table.bind("sort_ro", (c, argv) -> sort(c, argv, true));
    }

    /** One element being sorted with the score or comparison string it sorts by. */
    private static final class Item {
        final byte[] element;
        double score;
        byte[] compareBy;

        Item(byte[] element) {
            this.element = element;
        }
    }

    static void sort(Client client, byte[][] argv, boolean readOnly) {
        Database db = client.db();
        boolean desc = false, alpha = false, dontSort = false;
        long limitStart = 0, limitCount = -1;
        byte[] sortBy = null, storeKey = null;
        List<byte[]> gets = new ArrayList<>();
        for (int j = 2; j < argv.length; j++) {
            int left = argv.length - j - 1;
            if (Args.is(argv[j], "ASC")) {
                desc = false;
            } else if (Args.is(argv[j], "DESC")) {
                desc = true;
            } else if (Args.is(argv[j], "ALPHA")) {
                alpha = true;
            } else if (Args.is(argv[j], "LIMIT") && left >= 2) {
                Long start = Args.parseLong(argv[j + 1]);
                Long count = start == null ? null : Args.parseLong(argv[j + 2]);
                if (count == null) {
                    client.reply().error(Errors.NOT_INTEGER);
                    return;
                }
                limitStart = start;
                limitCount = count;
                j += 2;
            } else if (!readOnly && Args.is(argv[j], "STORE") && left >= 1) {
                storeKey = argv[++j];
            } else if (Args.is(argv[j], "BY") && left >= 1) {
                sortBy = argv[++j];
                dontSort = indexOf(sortBy, (byte) '*', 0) < 0;
            } else if (Args.is(argv[j], "GET") && left >= 1) {
                gets.add(argv[++j]);
            } else {
                client.reply().error(Errors.SYNTAX);
                return;
            }
        }
        // sortCommandGeneric parses every option before it looks at the key
        RedisObject value = db.lookupRead(argv[1]);
        if (value != null && value.type() != ObjectType.LIST && value.type() != ObjectType.SET
                && value.type() != ObjectType.ZSET) {
            client.reply().error(Errors.WRONGTYPE);
            return;
        }
        if (value != null && !(value instanceof Elements)) {
            client.reply().error("ERR SORT cannot read a " + value.type().typeName() + " value on this server");
            return;
        }
        ObjectType type = value == null ? ObjectType.LIST : value.type();
        // A set has no order of its own: sorted anyway when the result is stored, for determinism.
        if (dontSort && type == ObjectType.SET && storeKey != null) {
            dontSort = false;
            alpha = true;
            sortBy = null;
        }
        if (value instanceof dev.verdict.server.type.zset.ZSetValue zset) ZSetType.convertForSort(zset);
        List<byte[]> elements = new ArrayList<>();
        if (value != null) ((Elements) value).forEachElement(elements::add);
        long length = elements.size();
        long start = limitStart < 0 ? 0 : limitStart;
        long end = limitCount < 0 ? length - 1 : start + limitCount - 1;
        if (start >= length) {
            start = length - 1;
            end = length - 2;
        }
        if (end >= length) end = length - 1;

        List<Item> items = new ArrayList<>(elements.size());
        if (dontSort && type != ObjectType.SET && desc) {
            // Lists and sorted sets keep their own order, reversed by DESC, before LIMIT applies.
            for (int i = elements.size() - 1; i >= 0; i--) items.add(new Item(elements.get(i)));
        } else {
            for (byte[] e : elements) items.add(new Item(e));
        }
        if (!dontSort) {
            boolean conversionError = false;
            for (Item item : items) {
                byte[] by;
                if (sortBy != null) {
                    by = lookupByPattern(db, sortBy, item.element);
                    if (by == null) continue;
                } else {
                    by = item.element;
                }
                if (alpha) {
                    if (sortBy != null) item.compareBy = by;
                } else {
                    Double score = SortScores.strtod(by);
                    if (score == null) conversionError = true;
                    else item.score = score;
                }
            }
            if (conversionError) {
                client.reply().error("ERR One or more scores can't be converted into double");
                return;
            }
            items.sort(comparator(alpha, sortBy != null, desc));
        }

        int outputLength = (int) (gets.isEmpty() ? end - start + 1 : gets.size() * (end - start + 1));
        if (storeKey == null) {
            client.reply().arrayHeader(outputLength);
            for (long j = start; j <= end; j++) {
                byte[] element = items.get((int) j).element;
                if (gets.isEmpty()) client.reply().bulk(element);
                for (byte[] pattern : gets) {
                    byte[] got = lookupByPattern(db, pattern, element);
                    if (got == null) client.reply().nullBulk();
                    else client.reply().bulk(got);
                }
            }
            return;
        }
        List<byte[]> stored = new ArrayList<>(Math.max(0, outputLength));
        for (long j = start; j <= end; j++) {
            byte[] element = items.get((int) j).element;
            if (gets.isEmpty()) stored.add(element);
            for (byte[] pattern : gets) {
                byte[] got = lookupByPattern(db, pattern, element);
                stored.add(got == null ? new byte[0] : got);
            }
        }
        if (!stored.isEmpty()) {
            ListFactory lists = client.server().keyspace().listFactory();
            if (lists == null) {
                client.reply().error("ERR SORT STORE needs the list type, which this server lacks");
                return;
            }
            db.setKey(storeKey, lists.listOf(stored), false);
            KeyCommands.notify(client, KeyspaceEvents.LIST, "sortstore", storeKey, db.id());
        } else if (db.delete(storeKey)) {
            KeyCommands.notify(client, KeyspaceEvents.GENERIC, "del", storeKey, db.id());
        }
        client.reply().integer(outputLength);
    }

    /** sortCompare: scores with ties broken by the elements' bytes, or ALPHA by element or BY value. */
    private static Comparator<Item> comparator(boolean alpha, boolean byPattern, boolean desc) {
        Comparator<Item> c;
        if (!alpha) {
            c = (a, b) -> a.score > b.score ? 1 : a.score < b.score ? -1 : Arrays.compareUnsigned(a.element, b.element);
        } else if (byPattern) {
            c = (a, b) -> {
                if (a.compareBy == null || b.compareBy == null) {
                    if (a.compareBy == b.compareBy) return 0;
                    return a.compareBy == null ? -1 : 1;
                }
                return Arrays.compareUnsigned(a.compareBy, b.compareBy);
            };
        } else {
            c = (a, b) -> Arrays.compareUnsigned(a.element, b.element);
        }
        return desc ? c.reversed() : c;
    }

    /**
     * lookupKeyByPattern: {@code #} is the element itself; otherwise the first {@code *} is
     * replaced by the element and the key read as a string, or with {@code ->field} as a
     * hash field. Null when there is no {@code *}, no key, or the wrong type.
     */
    static byte[] lookupByPattern(Database db, byte[] pattern, byte[] element) {
        if (pattern.length == 1 && pattern[0] == '#') return element;
        int star = indexOf(pattern, (byte) '*', 0);
        if (star < 0) return null;
        int arrow = -1;
        for (int i = star + 1; i + 1 < pattern.length; i++) {
            if (pattern[i] == '-' && pattern[i + 1] == '>') {
                arrow = i;
                break;
            }
        }
        if (arrow >= 0 && arrow + 2 == pattern.length) arrow = -1;
        int keyEnd = arrow >= 0 ? arrow : pattern.length;
        byte[] key = new byte[star + element.length + keyEnd - star - 1];
        System.arraycopy(pattern, 0, key, 0, star);
        System.arraycopy(element, 0, key, star, element.length);
        System.arraycopy(pattern, star + 1, key, star + element.length, keyEnd - star - 1);
        RedisObject o = db.lookupRead(key);
        if (o == null) return null;
        if (arrow >= 0) {
            if (o.type() != ObjectType.HASH) return null;
            return ((Fields) o).fieldValue(Arrays.copyOfRange(pattern, arrow + 2, pattern.length));
        }
        if (o.type() != ObjectType.STRING) return null;
        return ((StringValue) o).bytes();
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) return i;
        }
        return -1;
    }
}
