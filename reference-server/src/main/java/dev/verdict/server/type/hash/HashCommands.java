package dev.verdict.server.type.hash;

import dev.verdict.server.client.Client;
import dev.verdict.server.command.Args;
import dev.verdict.server.command.CommandFamily;
import dev.verdict.server.command.CommandTable;
import dev.verdict.server.command.Errors;
import dev.verdict.server.db.Database;
import dev.verdict.server.db.ObjectType;
import dev.verdict.server.pubsub.KeyspaceEvents;
import dev.verdict.server.resp.ReplyWriter;
import dev.verdict.server.type.common.Changes;
import dev.verdict.server.type.common.Decimals;
import dev.verdict.server.type.common.RandomCount;
import dev.verdict.server.type.common.RandomPicks;
import dev.verdict.server.type.common.Scan;
import dev.verdict.server.type.common.TypeChecks;
import dev.verdict.server.type.string.Numbers;

import java.math.BigDecimal;

/** Hash commands (t_hash.c). */
public final class HashCommands implements CommandFamily {

    @Override
    public void register(CommandTable table) {
        table.bind("hset", (c, a) -> hset(c, a, false));
        table.bind("hmset", (c, a) -> hset(c, a, true));
        table.bind("hsetnx", HashCommands::hsetnx);
        table.bind("hget", HashCommands::hget);
        table.bind("hmget", HashCommands::hmget);
        table.bind("hgetall", (c, a) -> hgetall(c, a, true, true));
        table.bind("hkeys", (c, a) -> hgetall(c, a, true, false));
        table.bind("hvals", (c, a) -> hgetall(c, a, false, true));
        table.bind("hdel", HashCommands::hdel);
        table.bind("hexists", HashCommands::hexists);
        table.bind("hlen", HashCommands::hlen);
        table.bind("hstrlen", HashCommands::hstrlen);
        table.bind("hincrby", HashCommands::hincrby);
        table.bind("hincrbyfloat", HashCommands::hincrbyfloat);
        table.bind("hrandfield", HashCommands::hrandfield);
        table.bind("hscan", HashCommands::hscan);
    }

    /** The hash at key, null when missing; {@link #WRONG} (after replying) when another type. */
    private static HashValue read(Client client, byte[] key) {
        return TypeChecks.lookup(client, key, ObjectType.HASH, WRONG);
    }

    /** As {@link #read}, counted in keyspace hits and misses (lookupKeyRead). */
    private static HashValue readOnly(Client client, byte[] key) {
        return TypeChecks.lookupRead(client, key, ObjectType.HASH, WRONG);
    }

    private static final HashValue WRONG = new HashValue();

    /** hashTypeLookupWriteOrCreate. */
    private static HashValue writable(Client client, byte[] key) {
        HashValue h = read(client, key);
        if (h == WRONG) return null;
        if (h != null) return h;
        h = HashType.create();
        client.db().add(key, h);
        return h;
    }

    static void hset(Client client, byte[][] argv, boolean legacy) {
        if (argv.length % 2 == 1) {
            client.reply().error(Errors.wrongArity(legacy ? "hmset" : "hset"));
            return;
        }
        HashValue h = writable(client, argv[1]);
        if (h == null) return;
        var config = client.server().config();
        HashType.tryConversion(h, argv, 2, argv.length - 1, config);
        long created = 0;
        for (int i = 2; i < argv.length; i += 2) {
            if (HashType.set(h, argv[i], argv[i + 1], config)) created++;
        }
        modified(client, argv[1], "hset");
        if (legacy) client.reply().ok();
        else client.reply().integer(created);
    }

    static void hsetnx(Client client, byte[][] argv) {
        HashValue h = writable(client, argv[1]);
        if (h == null) return;
        if (HashType.exists(h, argv[2])) {
            client.reply().integer(0);
            return;
        }
        var config = client.server().config();
        HashType.tryConversion(h, argv, 2, 3, config);
        HashType.set(h, argv[2], argv[3], config);
        modified(client, argv[1], "hset");
        client.reply().integer(1);
    }

    static void hget(Client client, byte[][] argv) {
        HashValue h = readOnly(client, argv[1]);
        if (h == WRONG) return;
        byte[] v = h == null ? null : HashType.get(h, argv[2]);
        if (v == null) client.reply().nullBulk();
        else client.reply().bulk(v);
    }

    static void hmget(Client client, byte[][] argv) {
        HashValue h = readOnly(client, argv[1]);
        if (h == WRONG) return;
        client.reply().arrayHeader(argv.length - 2);
        for (int i = 2; i < argv.length; i++) {
            byte[] v = h == null ? null : HashType.get(h, argv[i]);
            if (v == null) client.reply().nullBulk();
            else client.reply().bulk(v);
        }
    }

    static void hgetall(Client client, byte[][] argv, boolean fields, boolean values) {
        HashValue h = readOnly(client, argv[1]);
        if (h == WRONG) return;
        ReplyWriter out = client.reply();
        long n = h == null ? 0 : HashType.length(h);
        if (fields && values) out.mapHeader(n);
        else out.arrayHeader(n);
        if (h == null) return;
        HashType.forEach(h, (f, v) -> {
            if (fields) out.bulk(f);
            if (values) out.bulk(v);
        });
    }

    static void hdel(Client client, byte[][] argv) {
        HashValue h = read(client, argv[1]);
        if (h == WRONG) return;
        Changes.removeMembers(client, argv, h, HashType::delete, HashType::length, KeyspaceEvents.HASH, "hdel");
    }

    static void hexists(Client client, byte[][] argv) {
        HashValue h = readOnly(client, argv[1]);
        if (h == WRONG) return;
        client.reply().integer(h != null && HashType.exists(h, argv[2]) ? 1 : 0);
    }

    static void hlen(Client client, byte[][] argv) {
        HashValue h = readOnly(client, argv[1]);
        if (h == WRONG) return;
        client.reply().integer(h == null ? 0 : HashType.length(h));
    }

    static void hstrlen(Client client, byte[][] argv) {
        HashValue h = readOnly(client, argv[1]);
        if (h == WRONG) return;
        byte[] v = h == null ? null : HashType.get(h, argv[2]);
        client.reply().integer(v == null ? 0 : v.length);
    }

    static void hincrby(Client client, byte[][] argv) {
        Long incr = Args.parseLong(argv[3]);
        if (incr == null) {
            client.reply().error(Errors.NOT_INTEGER);
            return;
        }
        HashValue h = writable(client, argv[1]);
        if (h == null) return;
        long value = 0;
        byte[] old = HashType.get(h, argv[2]);
        if (old != null) {
            Long parsed = Numbers.parseLongStrict(old);
            if (parsed == null) {
                client.reply().error("ERR hash value is not an integer");
                return;
            }
            value = parsed;
        }
        if ((incr < 0 && value < 0 && incr < Long.MIN_VALUE - value)
                || (incr > 0 && value > 0 && incr > Long.MAX_VALUE - value)) {
            client.reply().error(Errors.OVERFLOW);
            return;
        }
        value += incr;
        HashType.set(h, argv[2], Long.toString(value).getBytes(), client.server().config());
        modified(client, argv[1], "hincrby");
        client.reply().integer(value);
    }

    static void hincrbyfloat(Client client, byte[][] argv) {
        BigDecimal incr = Decimals.parse(argv[3]);
        if (incr == Decimals.INVALID) {
            client.reply().error(Errors.NOT_FLOAT);
            return;
        }
        if (incr == Decimals.INFINITE) {
            client.reply().error("ERR value is NaN or Infinity");
            return;
        }
        HashValue h = writable(client, argv[1]);
        if (h == null) return;
        BigDecimal value = BigDecimal.ZERO;
        byte[] old = HashType.get(h, argv[2]);
        if (old != null) {
            value = Decimals.parse(old);
            if (value == Decimals.INVALID || value == Decimals.INFINITE) {
                client.reply().error("ERR hash value is not a float");
                return;
            }
        }
        value = Decimals.toLongDouble(value.add(incr));
        if (Decimals.overflows(value)) {
            client.reply().error("ERR increment would produce NaN or Infinity");
            return;
        }
        byte[] formatted = Decimals.format(value);
        HashType.set(h, argv[2], formatted, client.server().config());
        modified(client, argv[1], "hincrbyfloat");
        client.reply().bulk(formatted);
    }

    static void hrandfield(Client client, byte[][] argv) {
        if (argv.length >= 3) {
            hrandfieldWithCount(client, argv);
            return;
        }
        HashValue h = readOnly(client, argv[1]);
        if (h == WRONG) return;
        if (h == null) {
            client.reply().nullBulk();
            return;
        }
        byte[][] entries = HashType.entries(h);
        client.reply().bulk(entries[2 * RandomPicks.one(entries.length / 2)]);
    }

    private static void hrandfieldWithCount(Client client, byte[][] argv) {
        RandomCount request = RandomCount.parseWithPairs(client, argv, "withvalues");
        if (request == null) return;
        HashValue h = readOnly(client, argv[1]);
        if (h == WRONG) return;
        if (h == null || request.count() == 0) {
            client.reply().emptyArray();
            return;
        }
        boolean withValues = request.withPairs();
        byte[][] entries = HashType.entries(h);
        int[] picks = RandomPicks.pick(entries.length / 2, request.count());
        ReplyWriter out = client.reply();
        out.arrayHeader(withValues && !out.resp3() ? picks.length * 2L : picks.length);
        for (int i : picks) {
            if (withValues && out.resp3()) out.arrayHeader(2);
            out.bulk(entries[2 * i]);
            if (withValues) out.bulk(entries[2 * i + 1]);
        }
    }

    static void hscan(Client client, byte[][] argv) {
        Long cursor = Scan.parseCursor(client, argv[2]);
        if (cursor == null) return;
        HashValue h = readOnly(client, argv[1]);
        if (h == WRONG) return;
        Scan.run(client, argv, cursor, 2, h == null ? null : (from, count, out) -> HashType.scan(h, from, count, out));
    }

    private static void modified(Client client, byte[] key, String event) {
        notify(client, KeyspaceEvents.HASH, event, key);
    }

    private static void notify(Client client, int type, String event, byte[] key) {
        Changes.report(client, type, event, key);
    }
}
