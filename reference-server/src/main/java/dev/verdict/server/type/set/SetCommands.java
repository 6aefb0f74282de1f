package dev.verdict.server.type.set;

import dev.verdict.server.client.Client;
import dev.verdict.server.command.Args;
import dev.verdict.server.command.CommandFamily;
import dev.verdict.server.command.CommandTable;
import dev.verdict.server.command.Errors;
import dev.verdict.server.config.ServerConfig;
import dev.verdict.server.db.ObjectType;
import dev.verdict.server.pubsub.KeyspaceEvents;
import dev.verdict.server.resp.ReplyWriter;
import dev.verdict.server.type.common.Changes;
import dev.verdict.server.type.common.RandomCount;
import dev.verdict.server.type.common.RandomPicks;
import dev.verdict.server.type.common.Scan;
import dev.verdict.server.type.common.TypeChecks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** Set commands (t_set.c). */
public final class SetCommands implements CommandFamily {

    private static final SetValue WRONG = new SetValue(true);

    private enum Op { UNION, DIFF }

    @Override
    public void register(CommandTable table) {
        table.bind("sadd", SetCommands::sadd);
        table.bind("srem", SetCommands::srem);
        table.bind("scard", SetCommands::scard);
        table.bind("sismember", SetCommands::sismember);
        table.bind("smismember", SetCommands::smismember);
        table.bind("smembers", (c, a) -> sinter(c, a, 1, a.length - 1, null));
        table.bind("smove", SetCommands::smove);
        table.bind("spop", SetCommands::spop);
        table.bind("srandmember", SetCommands::srandmember);
        table.bind("sinter", (c, a) -> sinter(c, a, 1, a.length - 1, null));
        table.bind("sinterstore", (c, a) -> sinter(c, a, 2, a.length - 1, a[1]));
        table.bind("sintercard", SetCommands::sintercard);
        table.bind("sunion", (c, a) -> sunionDiff(c, a, 1, null, Op.UNION));
        table.bind("sunionstore", (c, a) -> sunionDiff(c, a, 2, a[1], Op.UNION));
        table.bind("sdiff", (c, a) -> sunionDiff(c, a, 1, null, Op.DIFF));
        table.bind("sdiffstore", (c, a) -> sunionDiff(c, a, 2, a[1], Op.DIFF));
        table.bind("sscan", SetCommands::sscan);
    }

    private static SetValue read(Client client, byte[] key) {
        return TypeChecks.lookup(client, key, ObjectType.SET, WRONG);
    }

    /** As {@link #read}, counted in keyspace hits and misses (lookupKeyRead). */
    private static SetValue readOnly(Client client, byte[] key) {
        return TypeChecks.lookupRead(client, key, ObjectType.SET, WRONG);
    }

    static void sadd(Client client, byte[][] argv) {
        SetValue s = read(client, argv[1]);
        if (s == WRONG) return;
        ServerConfig config = client.server().config();
        if (s == null) {
            s = SetType.create(argv[2]);
            client.db().add(argv[1], s);
        }
        long added = 0;
        for (int i = 2; i < argv.length; i++) {
            if (SetType.add(s, argv[i], config)) added++;
        }
        if (added > 0) notify(client, KeyspaceEvents.SET, "sadd", argv[1]);
        client.reply().integer(added);
    }

    static void srem(Client client, byte[][] argv) {
        SetValue s = read(client, argv[1]);
        if (s == WRONG) return;
        Changes.removeMembers(client, argv, s, SetType::remove, SetType::size, KeyspaceEvents.SET, "srem");
    }

    static void scard(Client client, byte[][] argv) {
        SetValue s = readOnly(client, argv[1]);
        if (s == WRONG) return;
        client.reply().integer(s == null ? 0 : SetType.size(s));
    }

    static void sismember(Client client, byte[][] argv) {
        SetValue s = readOnly(client, argv[1]);
        if (s == WRONG) return;
        client.reply().integer(s != null && SetType.contains(s, argv[2]) ? 1 : 0);
    }

    static void smismember(Client client, byte[][] argv) {
        SetValue s = readOnly(client, argv[1]);
        if (s == WRONG) return;
        client.reply().arrayHeader(argv.length - 2);
        for (int i = 2; i < argv.length; i++) {
            client.reply().integer(s != null && SetType.contains(s, argv[i]) ? 1 : 0);
        }
    }

    static void smove(Client client, byte[][] argv) {
        SetValue src = read(client, argv[1]);
        if (src == WRONG) return;
        // a missing source answers 0 before the destination's type is checked
        if (src == null) {
            client.reply().integer(0);
            return;
        }
        SetValue dst = read(client, argv[2]);
        if (dst == WRONG) return;
        byte[] member = argv[3];
        if (src == dst) {
            client.reply().integer(SetType.contains(src, member) ? 1 : 0);
            return;
        }
        if (!SetType.remove(src, member)) {
            client.reply().integer(0);
            return;
        }
        notify(client, KeyspaceEvents.SET, "srem", argv[1]);
        if (SetType.size(src) == 0) {
            client.db().delete(argv[1]);
            notify(client, KeyspaceEvents.GENERIC, "del", argv[1]);
        }
        if (dst == null) {
            dst = SetType.create(member);
            client.db().add(argv[2], dst);
        }
        if (SetType.add(dst, member, client.server().config())) {
            notify(client, KeyspaceEvents.SET, "sadd", argv[2]);
        }
        client.reply().integer(1);
    }

    static void spop(Client client, byte[][] argv) {
        if (argv.length > 3) {
            client.reply().error(Errors.SYNTAX);
            return;
        }
        Long count = null;
        if (argv.length == 3) {
            count = Args.parseLong(argv[2]);
            if (count == null || count < 0) {
                // getPositiveLongFromObjectOrReply answers the same text for a non-number
                client.reply().error("ERR value is out of range, must be positive");
                return;
            }
        }
        SetValue s = read(client, argv[1]);
        if (s == WRONG) return;
        if (s == null) {
            if (count == null) client.reply().nullBulk();
            else client.reply().setHeader(0);
            return;
        }
        if (count != null && count == 0) {
            client.reply().setHeader(0);
            return;
        }
        List<byte[]> members = SetType.members(s);
        int[] picks = RandomPicks.pick(members.size(), count == null ? 1 : count);
        if (count != null) client.reply().setHeader(picks.length);
        for (int i : picks) {
            SetType.remove(s, members.get(i));
            client.reply().bulk(members.get(i));
        }
        notify(client, KeyspaceEvents.SET, "spop", argv[1]);
        if (SetType.size(s) == 0) {
            client.db().delete(argv[1]);
            notify(client, KeyspaceEvents.GENERIC, "del", argv[1]);
        }
    }

    static void srandmember(Client client, byte[][] argv) {
        if (argv.length > 3) {
            client.reply().error(Errors.SYNTAX);
            return;
        }
        Long count = null;
        if (argv.length == 3) {
            count = RandomCount.parse(client, argv[2]);
            if (count == null) return;
        }
        SetValue s = readOnly(client, argv[1]);
        if (s == WRONG) return;
        if (s == null) {
            if (count == null) client.reply().nullBulk();
            else client.reply().emptyArray();
            return;
        }
        List<byte[]> members = SetType.members(s);
        if (count == null) {
            client.reply().bulk(members.get(RandomPicks.one(members.size())));
            return;
        }
        int[] picks = count == 0 ? new int[0] : RandomPicks.pick(members.size(), count);
        client.reply().arrayHeader(picks.length);
        for (int i : picks) client.reply().bulk(members.get(i));
    }

    /** SINTER, SMEMBERS, SINTERSTORE (sinterGenericCommand). */
    static void sinter(Client client, byte[][] argv, int first, int last, byte[] dstKey) {
        SetValue[] sets = lookupAll(client, argv, first, last);
        if (sets == null) return;
        List<byte[]> result = intersection(sets, Long.MAX_VALUE);
        if (dstKey == null) {
            client.reply().setHeader(result.size());
            for (byte[] m : result) client.reply().bulk(m);
            return;
        }
        store(client, dstKey, result, "sinterstore");
    }

    static void sintercard(Client client, byte[][] argv) {
        Long numKeys = Args.parseLong(argv[1]);
        if (numKeys == null || numKeys <= 0) {
            client.reply().error("ERR numkeys should be greater than 0");
            return;
        }
        if (numKeys > argv.length - 2) {
            client.reply().error("ERR Number of keys can't be greater than number of args");
            return;
        }
        long limit = 0;
        for (int i = 2 + numKeys.intValue(); i < argv.length; i++) {
            if (Args.is(argv[i], "limit") && i + 1 < argv.length) {
                Long l = Args.parseLong(argv[++i]);
                if (l == null || l < 0) {
                    client.reply().error("ERR LIMIT can't be negative");
                    return;
                }
                limit = l;
            } else {
                client.reply().error(Errors.SYNTAX);
                return;
            }
        }
        SetValue[] sets = lookupAll(client, argv, 2, 1 + numKeys.intValue());
        if (sets == null) return;
        client.reply().integer(intersection(sets, limit == 0 ? Long.MAX_VALUE : limit).size());
    }

    static void sunionDiff(Client client, byte[][] argv, int first, byte[] dstKey, Op op) {
        SetValue[] sets = lookupAll(client, argv, first, argv.length - 1);
        if (sets == null) return;
        SetValue result = SetType.createIntset();
        ServerConfig config = client.server().config();
        if (op == Op.UNION) {
            for (SetValue s : sets) {
                if (s != null) SetType.forEach(s, m -> SetType.add(result, m, config));
            }
        } else if (sets[0] != null) {
            SetType.forEach(sets[0], m -> {
                for (int j = 1; j < sets.length; j++) {
                    if (sets[j] == sets[0] || (sets[j] != null && SetType.contains(sets[j], m))) return;
                }
                SetType.add(result, m, config);
            });
        }
        List<byte[]> members = SetType.members(result);
        if (dstKey == null) {
            client.reply().setHeader(members.size());
            for (byte[] m : members) client.reply().bulk(m);
            return;
        }
        store(client, dstKey, members, op == Op.UNION ? "sunionstore" : "sdiffstore");
    }

    static void sscan(Client client, byte[][] argv) {
        Long cursor = Scan.parseCursor(client, argv[2]);
        if (cursor == null) return;
        SetValue s = readOnly(client, argv[1]);
        if (s == WRONG) return;
        Scan.run(client, argv, cursor, 1, s == null ? null : (from, count, out) -> SetType.scan(s, from, count, out));
    }

    /** The sets named by argv[first..last], null entries for missing keys; null after WRONGTYPE. */
    private static SetValue[] lookupAll(Client client, byte[][] argv, int first, int last) {
        SetValue[] sets = new SetValue[last - first + 1];
        for (int i = first; i <= last; i++) {
            SetValue s = readOnly(client, argv[i]);
            if (s == WRONG) return null;
            sets[i - first] = s;
        }
        return sets;
    }

    /** Members of the smallest set present in all the others (at most {@code limit}). */
    private static List<byte[]> intersection(SetValue[] sets, long limit) {
        List<byte[]> result = new ArrayList<>();
        for (SetValue s : sets) if (s == null) return result;
        SetValue[] bySize = Arrays.copyOf(sets, sets.length);
        Arrays.sort(bySize, Comparator.comparingLong(SetType::size));
        for (byte[] m : SetType.members(bySize[0])) {
            boolean everywhere = true;
            for (int j = 1; j < bySize.length && everywhere; j++) {
                if (bySize[j] != bySize[0]) everywhere = SetType.contains(bySize[j], m);
            }
            if (everywhere) {
                result.add(m);
                if (result.size() >= limit) break;
            }
        }
        return result;
    }

    /** Writes a *STORE result: the new set replaces the destination, an empty one deletes it. */
    private static void store(Client client, byte[] dstKey, List<byte[]> members, String event) {
        if (members.isEmpty()) {
            if (client.db().delete(dstKey)) notify(client, KeyspaceEvents.GENERIC, "del", dstKey);
            client.reply().integer(0);
            return;
        }
        SetValue result = SetType.createIntset();
        ServerConfig config = client.server().config();
        for (byte[] m : members) SetType.add(result, m, config);
        client.db().setKey(dstKey, result, false);
        client.reply().integer(SetType.size(result));
        notify(client, KeyspaceEvents.SET, event, dstKey);
    }

    private static void notify(Client client, int type, String event, byte[] key) {
        Changes.report(client, type, event, key);
    }
}
