package dev.verdict.server.type.zset;

import dev.verdict.server.blocking.BlockedRequest;
import dev.verdict.server.blocking.Timeouts;
import dev.verdict.server.client.Client;
import dev.verdict.server.command.Args;
import dev.verdict.server.command.CommandTable;
import dev.verdict.server.command.Errors;
import dev.verdict.server.db.ObjectType;
import dev.verdict.server.db.RedisObject;
import dev.verdict.server.persistence.aof.Propagation;
import dev.verdict.server.pubsub.KeyspaceEvents;
import dev.verdict.server.resp.ReplyWriter;

import java.util.Arrays;
import java.util.List;

/** ZPOPMIN, ZPOPMAX, ZMPOP and their blocking forms (genericZpopCommand and friends). */
final class ZSetPops {

    private ZSetPops() {
    }

    static void register(CommandTable table) {
        table.bind("zpopmin", (c, a) -> zpop(c, a, true));
        table.bind("zpopmax", (c, a) -> zpop(c, a, false));
        table.bind("zmpop", (c, a) -> zmpop(c, a, 1, false));
        table.bind("bzmpop", (c, a) -> zmpop(c, a, 2, true));
        table.bind("bzpopmin", (c, a) -> bzpop(c, a, true));
        table.bind("bzpopmax", (c, a) -> bzpop(c, a, false));
    }

    /** The reply shape: whether the key leads it and whether pairs are nested. */
    private record Shape(boolean emitKey, boolean nested, boolean nilWhenEmpty) {
    }

    static void zpop(Client client, byte[][] argv, boolean min) {
        if (argv.length > 3) {
            client.reply().error(Errors.SYNTAX);
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
        boolean nested = client.reply().resp3() && count != -1;
        pop(client, new byte[][] {argv[1]}, min, count, new Shape(false, nested, false));
    }

    /** genericZpopCommand: pops from the first existing key; false when WRONGTYPE ended it. */
    private static void pop(Client client, byte[][] keys, boolean min, long count, Shape shape) {
        byte[] key = null;
        ZSetValue z = null;
        for (byte[] k : keys) {
            RedisObject o = client.db().lookup(k);
            if (o == null) continue;
            if (o.type() != ObjectType.ZSET) {
                client.reply().error(Errors.WRONGTYPE);
                return;
            }
            key = k;
            z = (ZSetValue) o;
            break;
        }
        ReplyWriter out = client.reply();
        if (z == null) {
            if (shape.nilWhenEmpty()) out.nullArray();
            else out.emptyArray();
            return;
        }
        if (count == 0) {
            out.emptyArray();
            return;
        }
        boolean single = count == -1;
        if (single) count = 1;
        long len = ZSetType.length(z);
        long n = Math.min(count, len);
        if (!shape.nested() && !shape.emitKey()) {
            out.arrayHeader(n * 2);
        } else if (shape.nested() && !shape.emitKey()) {
            out.arrayHeader(n);
        } else if (!shape.nested()) {
            out.arrayHeader(n * 2 + 1);
            out.bulk(key);
        } else {
            out.arrayHeader(2);
            out.bulk(key);
            out.arrayHeader(n);
        }
        List<ZSetType.Entry> popped = ZSetType.rangeByRank(z, 0, n - 1, !min);
        for (ZSetType.Entry e : popped) {
            ZSetType.remove(z, e.member());
            if (shape.nested()) out.arrayHeader(2);
            out.bulk(e.member());
            out.doubleValue(e.score());
        }
        if (shape.emitKey()) {
            // BZPOPMIN, ZMPOP, BZMPOP replicate as the plain pop, with the number popped for the *MPOPs
            String plain = min ? "ZPOPMIN" : "ZPOPMAX";
            client.server().persistence().propagateAs(client, single ? Propagation.args(plain, key)
                    : Propagation.args(plain, key, Long.toString(n)));
        }
        ZSetCommands.notify(client, KeyspaceEvents.ZSET, min ? "zpopmin" : "zpopmax", key);
        if (ZSetType.length(z) == 0) {
            client.db().delete(key);
            ZSetCommands.notify(client, KeyspaceEvents.GENERIC, "del", key);
        }
    }

    static void zmpop(Client client, byte[][] argv, int numKeysArg, boolean blocking) {
        Long numKeys = Args.parseLong(argv[numKeysArg]);
        if (numKeys == null || numKeys <= 0) {
            client.reply().error("ERR numkeys should be greater than 0");
            return;
        }
        long whereArg = numKeysArg + numKeys + 1;
        if (whereArg >= argv.length) {
            client.reply().error(Errors.SYNTAX);
            return;
        }
        boolean min;
        if (Args.is(argv[(int) whereArg], "min")) min = true;
        else if (Args.is(argv[(int) whereArg], "max")) min = false;
        else {
            client.reply().error(Errors.SYNTAX);
            return;
        }
        long count = -1;
        for (int j = (int) whereArg + 1; j < argv.length; j++) {
            if (count == -1 && Args.is(argv[j], "count") && j + 1 < argv.length) {
                Long c = Args.parseLong(argv[++j]);
                if (c == null || c <= 0) {
                    client.reply().error("ERR count should be greater than 0");
                    return;
                }
                count = c;
            } else {
                client.reply().error(Errors.SYNTAX);
                return;
            }
        }
        if (count == -1) count = 1;
        byte[][] keys = Arrays.copyOfRange(argv, numKeysArg + 1, (int) whereArg);
        Shape shape = new Shape(true, true, true);
        if (!blocking) {
            pop(client, keys, min, count, shape);
            return;
        }
        popOrBlock(client, keys, min, count, shape, argv[1]);
    }

    static void bzpop(Client client, byte[][] argv, boolean min) {
        byte[][] keys = Arrays.copyOfRange(argv, 1, argv.length - 1);
        popOrBlock(client, keys, min, -1, new Shape(true, false, false), argv[argv.length - 1]);
    }

    /** What a client blocked on sorted sets waits to do. */
    private record ZSetWait(boolean min, long count, Shape shape) implements BlockedRequest {
        @Override
        public boolean tryServe(Client client, byte[] key) {
            RedisObject o = client.db().lookup(key);
            if (o == null || o.type() != ObjectType.ZSET || ZSetType.length((ZSetValue) o) == 0) return false;
            pop(client, new byte[][] {key}, min, count, shape);
            return true;
        }
    }

    /** blockingGenericZpopCommand. */
    private static void popOrBlock(Client client, byte[][] keys, boolean min, long count, Shape shape, byte[] timeout) {
        long deadline = Timeouts.deadline(client, timeout);
        if (deadline == Timeouts.INVALID) return;
        for (byte[] key : keys) {
            RedisObject o = client.db().lookup(key);
            if (o == null) continue;
            if (o.type() != ObjectType.ZSET) {
                client.reply().error(Errors.WRONGTYPE);
                return;
            }
            if (ZSetType.length((ZSetValue) o) == 0) continue;
            pop(client, new byte[][] {key}, min, count, shape);
            return;
        }
        if (client.denyBlocking()) {
            client.reply().nullArray();
            return;
        }
        client.server().blocked().block(client, client.db(), keys, deadline, new ZSetWait(min, count, shape));
    }
}
