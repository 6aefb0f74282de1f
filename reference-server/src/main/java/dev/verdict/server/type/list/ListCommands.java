package dev.verdict.server.type.list;

import dev.verdict.server.FaultSwitches;
import dev.verdict.server.client.Client;
import dev.verdict.server.command.Args;
import dev.verdict.server.command.CommandFamily;
import dev.verdict.server.command.CommandTable;
import dev.verdict.server.command.Errors;
import dev.verdict.server.db.Database;
import dev.verdict.server.db.ObjectType;
import dev.verdict.server.db.RedisObject;
import dev.verdict.server.pubsub.KeyspaceEvents;
import dev.verdict.server.type.common.TypeChecks;

import java.util.List;

/** List commands (t_list.c); the blocking ones are in {@link ListBlockingCommands}. */
public final class ListCommands implements CommandFamily {

    static final ListValue WRONG = new ListValue();

    @Override
    public void register(CommandTable table) {
        table.bind("lpush", (c, a) -> push(c, a, true, false));
        table.bind("rpush", (c, a) -> push(c, a, false, false));
        table.bind("lpushx", (c, a) -> push(c, a, true, true));
        table.bind("rpushx", (c, a) -> push(c, a, false, true));
        table.bind("lpop", (c, a) -> pop(c, a, true));
        table.bind("rpop", (c, a) -> pop(c, a, false));
        table.bind("llen", ListCommands::llen);
        table.bind("lindex", ListCommands::lindex);
        table.bind("linsert", ListCommands::linsert);
        table.bind("lpos", ListCommands::lpos);
        table.bind("lrange", ListCommands::lrange);
        table.bind("lrem", ListCommands::lrem);
        table.bind("lset", ListCommands::lset);
        table.bind("ltrim", ListCommands::ltrim);
        table.bind("lmove", ListCommands::lmove);
        table.bind("rpoplpush", (c, a) -> move(c, a[1], a[2], false, true));
        table.bind("lmpop", (c, a) -> ListBlockingCommands.mpop(c, a, 1, false));
        ListBlockingCommands.register(table);
    }

    static ListValue read(Client client, byte[] key) {
        RedisObject o = client.db().lookup(key);
        if (TypeChecks.wrongType(client, o, ObjectType.LIST)) return WRONG;
        return (ListValue) o;
    }

    /** As {@link #read}, counted in keyspace hits and misses (lookupKeyRead). */
    static ListValue readOnly(Client client, byte[] key) {
        RedisObject o = client.db().lookupRead(key);
        if (TypeChecks.wrongType(client, o, ObjectType.LIST)) return WRONG;
        return (ListValue) o;
    }

    static void push(Client client, byte[][] argv, boolean head, boolean onlyIfExists) {
        ListValue list = read(client, argv[1]);
        if (list == WRONG) return;
        if (list == null) {
            if (onlyIfExists) {
                client.reply().integer(0);
                return;
            }
            list = ListType.create();
            client.db().add(argv[1], list);
        }
        for (int i = 2; i < argv.length; i++) ListType.push(list, argv[i], head, client.server().config());
        client.reply().integer(ListType.length(list));
        pushed(client, argv[1], head);
    }

    /**
     * After a push: the event is published. Blocked clients are signalled by the database when
     * the push created the list (dbAdd), never for a list that existed, as in Redis 7.0.15.
     */
    static void pushed(Client client, byte[] key, boolean head) {
        notify(client, KeyspaceEvents.LIST, head ? "lpush" : "rpush", key);
    }

    static void pop(Client client, byte[][] argv, boolean head) {
        if (argv.length > 3) {
            client.reply().error(Errors.wrongArity(head ? "lpop" : "rpop"));
            return;
        }
        long count = -1;
        if (argv.length == 3) {
            Long n = Args.parseLong(argv[2]);
            if (n == null || n < 0) {
                client.reply().error("ERR value is out of range, must be positive");
                return;
            }
            count = n;
        }
        ListValue list = read(client, argv[1]);
        if (list == WRONG) return;
        if (list == null) {
            if (count >= 0) client.reply().nullArray();
            else client.reply().nullBulk();
            return;
        }
        if (count == 0) {
            client.reply().emptyArray();
            return;
        }
        if (count < 0) {
            client.reply().bulk(ListType.pop(list, head));
        } else {
            replyPopped(client, popMany(list, head, count));
        }
        popped(client, argv[1], list, head);
    }

    static List<byte[]> popMany(ListValue list, boolean head, long count) {
        List<byte[]> out = ListType.fromEnd(list, count, head);
        for (int i = 0; i < out.size(); i++) ListType.pop(list, head);
        return out;
    }

    static void replyPopped(Client client, List<byte[]> values) {
        client.reply().arrayHeader(values.size());
        for (byte[] v : values) client.reply().bulk(v);
    }

    /** After a pop: the event, and the key goes with its last element. */
    static void popped(Client client, byte[] key, ListValue list, boolean head) {
        ListType.compress(list, client.server().config());
        notify(client, KeyspaceEvents.LIST, head ? "lpop" : "rpop", key);
        deleteIfEmpty(client, key, list);
    }

    static void deleteIfEmpty(Client client, byte[] key, ListValue list) {
        if (ListType.length(list) == 0) {
            client.db().delete(key);
            notify(client, KeyspaceEvents.GENERIC, "del", key);
        }
    }

    static void llen(Client client, byte[][] argv) {
        ListValue list = readOnly(client, argv[1]);
        if (list == WRONG) return;
        client.reply().integer(list == null ? 0 : ListType.length(list));
    }

    static void lindex(Client client, byte[][] argv) {
        // lookupKeyReadOrReply: a missing key is nil before the index is parsed
        ListValue list = readOnly(client, argv[1]);
        if (list == WRONG) return;
        if (list == null) {
            client.reply().nullBulk();
            return;
        }
        Long index = Args.parseLong(argv[2]);
        if (index == null) {
            client.reply().error(Errors.NOT_INTEGER);
            return;
        }
        byte[] v = ListType.index(list, index);
        if (v == null) client.reply().nullBulk();
        else client.reply().bulk(v);
    }

    static void linsert(Client client, byte[][] argv) {
        boolean after;
        if (Args.is(argv[2], "after")) after = true;
        else if (Args.is(argv[2], "before")) after = false;
        else {
            client.reply().error(Errors.SYNTAX);
            return;
        }
        ListValue list = read(client, argv[1]);
        if (list == WRONG) return;
        if (list == null) {
            client.reply().integer(0);
            return;
        }
        if (!ListType.insert(list, argv[3], argv[4], after, client.server().config())) {
            client.reply().integer(-1);
            return;
        }
        notify(client, KeyspaceEvents.LIST, "linsert", argv[1]);
        client.reply().integer(ListType.length(list));
    }

    static void lpos(Client client, byte[][] argv) {
        long rank = 1;
        long count = -1;
        long maxlen = 0;
        for (int i = 3; i < argv.length; i++) {
            boolean hasValue = i + 1 < argv.length;
            if (hasValue && Args.is(argv[i], "rank")) {
                Long r = Args.parseLong(argv[++i]);
                if (r == null) {
                    client.reply().error(Errors.NOT_INTEGER);
                    return;
                }
                if (r == 0) {
                    client.reply().error("ERR RANK can't be zero: use 1 to start from the first match, 2 from the "
                            + "second ... or use negative to start from the end of the list");
                    return;
                }
                // Redis negates the rank to walk from the tail; LONG_MIN stays negative, so every match qualifies.
                rank = r == Long.MIN_VALUE ? -1 : r;
            } else if (hasValue && Args.is(argv[i], "count")) {
                Long n = Args.parseLong(argv[++i]);
                if (n == null || n < 0) {
                    // getPositiveLongFromObjectOrReply answers its message for a non-number too.
                    client.reply().error("ERR COUNT can't be negative");
                    return;
                }
                count = n;
            } else if (hasValue && Args.is(argv[i], "maxlen")) {
                Long n = Args.parseLong(argv[++i]);
                if (n == null || n < 0) {
                    client.reply().error("ERR MAXLEN can't be negative");
                    return;
                }
                maxlen = n;
            } else {
                client.reply().error(Errors.SYNTAX);
                return;
            }
        }
        ListValue list = readOnly(client, argv[1]);
        if (list == WRONG) return;
        if (list == null) {
            if (count >= 0) client.reply().emptyArray();
            else client.reply().nullBulk();
            return;
        }
        List<Long> found = ListType.positions(list, argv[2], rank, count < 0 ? 1 : count, maxlen);
        if (count < 0) {
            if (found.isEmpty()) client.reply().nullBulk();
            else client.reply().integer(found.get(0));
            return;
        }
        client.reply().arrayHeader(found.size());
        for (long p : found) client.reply().integer(p);
    }

    static void lrange(Client client, byte[][] argv) {
        Long start = Args.parseLong(argv[2]);
        Long end = Args.parseLong(argv[3]);
        if (start == null || end == null) {
            client.reply().error(Errors.NOT_INTEGER);
            return;
        }
        ListValue list = readOnly(client, argv[1]);
        if (list == WRONG) return;
        if (list == null) {
            client.reply().emptyArray();
            return;
        }
        long last = end >= 0 && client.server().faults().on(FaultSwitches.LRANGE_OFF_BY_ONE) ? end + 1 : end;
        replyPopped(client, ListType.range(list, start, last));
        ListType.compress(list, client.server().config());
    }

    static void lrem(Client client, byte[][] argv) {
        Long count = Args.parseLong(argv[2]);
        if (count == null) {
            client.reply().error(Errors.NOT_INTEGER);
            return;
        }
        ListValue list = read(client, argv[1]);
        if (list == WRONG) return;
        if (list == null) {
            client.reply().integer(0);
            return;
        }
        long removed = ListType.remove(list, argv[3], count);
        ListType.compress(list, client.server().config());
        if (removed > 0) {
            notify(client, KeyspaceEvents.LIST, "lrem", argv[1]);
            deleteIfEmpty(client, argv[1], list);
        }
        client.reply().integer(removed);
    }

    static void lset(Client client, byte[][] argv) {
        // lsetCommand looks up and type-checks the key before it parses the index
        RedisObject o = client.db().lookup(argv[1]);
        if (o == null) {
            client.reply().error(Errors.NO_SUCH_KEY);
            return;
        }
        if (TypeChecks.wrongType(client, o, ObjectType.LIST)) return;
        Long index = Args.parseLong(argv[2]);
        if (index == null) {
            client.reply().error(Errors.NOT_INTEGER);
            return;
        }
        boolean inRange = ListType.set((ListValue) o, index, argv[3]);
        ListType.compress((ListValue) o, client.server().config());
        if (!inRange) {
            client.reply().error(Errors.OUT_OF_RANGE);
            return;
        }
        client.reply().ok();
        notify(client, KeyspaceEvents.LIST, "lset", argv[1]);
    }

    static void ltrim(Client client, byte[][] argv) {
        Long start = Args.parseLong(argv[2]);
        Long end = Args.parseLong(argv[3]);
        if (start == null || end == null) {
            client.reply().error(Errors.NOT_INTEGER);
            return;
        }
        ListValue list = read(client, argv[1]);
        if (list == WRONG) return;
        if (list == null) {
            client.reply().ok();
            return;
        }
        ListType.trim(list, start, end);
        ListType.compress(list, client.server().config());
        notify(client, KeyspaceEvents.LIST, "ltrim", argv[1]);
        deleteIfEmpty(client, argv[1], list);
        client.reply().ok();
    }

    /** LEFT or RIGHT as head (true) or tail (false); null when neither. */
    static Boolean side(byte[] arg) {
        if (Args.is(arg, "left")) return true;
        if (Args.is(arg, "right")) return false;
        return null;
    }

    static void lmove(Client client, byte[][] argv) {
        Boolean from = side(argv[3]);
        Boolean to = side(argv[4]);
        if (from == null || to == null) {
            client.reply().error(Errors.SYNTAX);
            return;
        }
        move(client, argv[1], argv[2], from, to);
    }

    /** LMOVE/RPOPLPUSH (lmoveGenericCommand): null reply when the source is missing. */
    static void move(Client client, byte[] src, byte[] dst, boolean fromHead, boolean toHead) {
        ListValue source = read(client, src);
        if (source == WRONG) return;
        if (source == null) {
            client.reply().nullBulk();
            return;
        }
        if (!moveFrom(client, source, src, dst, fromHead, toHead)) return;
    }

    /**
     * Pops from a source list known to be non-empty and pushes to dst, replying the element;
     * false (after replying WRONGTYPE) when dst holds another type.
     */
    static boolean moveFrom(Client client, ListValue source, byte[] src, byte[] dst, boolean fromHead, boolean toHead) {
        ListValue target = read(client, dst);
        if (target == WRONG) return false;
        byte[] value = ListType.pop(source, fromHead);
        if (target == null) {
            target = ListType.create();
            client.db().add(dst, target);
        }
        ListType.push(target, value, toHead, client.server().config());
        client.reply().bulk(value);
        pushed(client, dst, toHead);
        popped(client, src, source, fromHead);
        return true;
    }

    static void notify(Client client, int type, String event, byte[] key) {
        dev.verdict.server.type.common.Changes.report(client, type, event, key);
    }
}
