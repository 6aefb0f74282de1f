package dev.verdict.server.type.hll;

import dev.verdict.server.client.Client;
import dev.verdict.server.command.Args;
import dev.verdict.server.command.CommandFamily;
import dev.verdict.server.command.CommandTable;
import dev.verdict.server.command.Errors;
import dev.verdict.server.db.Database;
import dev.verdict.server.db.Encoding;
import dev.verdict.server.db.ObjectType;
import dev.verdict.server.db.RedisObject;
import dev.verdict.server.pubsub.KeyspaceEvents;
import dev.verdict.server.type.string.StringValue;

/** HyperLogLog commands (hyperloglog.c): PFADD, PFCOUNT, PFMERGE, PFDEBUG, PFSELFTEST. */
public final class HllCommands implements CommandFamily {

    static final String INVALID_HLL = "WRONGTYPE Key is not a valid HyperLogLog string value.";
    static final String CORRUPTED = "INVALIDOBJ Corrupted HLL object detected";

    @Override
    public void register(CommandTable table) {
        table.bind("pfadd", HllCommands::pfadd);
        table.bind("pfcount", HllCommands::pfcount);
        table.bind("pfmerge", HllCommands::pfmerge);
        table.bind("pfdebug", HllCommands::pfdebug);
        table.bind("pfselftest", (client, argv) -> HllSelfTest.run(client));
    }

    private static int sparseMaxBytes(Client client) {
        return client.server().config().getInt("hll-sparse-max-bytes");
    }

    /** The value's HLL as a private copy, or null after replying Redis's error for a non-HLL value. */
    private static HyperLogLog load(Client client, RedisObject value) {
        if (value.type() != ObjectType.STRING) {
            client.reply().error(Errors.WRONGTYPE);
            return null;
        }
        StringValue string = (StringValue) value;
        HyperLogLog hll = string.encoding() == Encoding.INT ? null : HyperLogLog.parse(string.bytes());
        if (hll == null) client.reply().error(INVALID_HLL);
        return hll;
    }

    private static void store(Client client, byte[] key, HyperLogLog hll, boolean existed) {
        Database db = client.db();
        if (existed) db.setKey(key, StringValue.raw(hll.bytes()), true);
        else db.add(key, StringValue.raw(hll.bytes()));
    }

    private static void notifyPfadd(Client client, byte[] key) {
        client.server().events().notify(KeyspaceEvents.STRING, "pfadd", key, client.db().id());
    }

    static void pfadd(Client client, byte[][] argv) {
        byte[] key = argv[1];
        RedisObject value = client.db().lookup(key);
        HyperLogLog hll;
        int updated = 0;
        if (value == null) {
            hll = HyperLogLog.create();
            updated++;
        } else {
            hll = load(client, value);
            if (hll == null) return;
        }
        int max = sparseMaxBytes(client);
        for (int j = 2; j < argv.length; j++) {
            int result = hll.add(argv[j], max);
            if (result < 0) {
                client.reply().error(CORRUPTED);
                return;
            }
            updated += result;
        }
        if (updated > 0) {
            hll.invalidateCache();
            store(client, key, hll, value != null);
            notifyPfadd(client, key);
        }
        client.reply().integer(updated > 0 ? 1 : 0);
    }

    static void pfcount(Client client, byte[][] argv) {
        if (argv.length > 2) {
            byte[] max = new byte[HyperLogLog.registerCount()];
            for (int j = 1; j < argv.length; j++) {
                RedisObject value = client.db().lookupRead(argv[j]);
                if (value == null) continue;
                HyperLogLog hll = load(client, value);
                if (hll == null) return;
                if (!hll.mergeInto(max)) {
                    client.reply().error(CORRUPTED);
                    return;
                }
            }
            client.reply().integer(HyperLogLog.count(max));
            return;
        }
        RedisObject value = client.db().lookupRead(argv[1]);
        if (value == null) {
            client.reply().integer(0);
            return;
        }
        HyperLogLog hll = load(client, value);
        if (hll == null) return;
        if (hll.cacheValid()) {
            client.reply().integer(hll.cachedCardinality());
            return;
        }
        long card = hll.count();
        if (card < 0) {
            client.reply().error(CORRUPTED);
            return;
        }
        // The cache lives in the value, so a "read" rewrites the key (Redis propagates it too).
        hll.cacheCardinality(card);
        store(client, argv[1], hll, true);
        client.reply().integer(card);
    }

    static void pfmerge(Client client, byte[][] argv) {
        byte[] max = new byte[HyperLogLog.registerCount()];
        boolean useDense = false;
        for (int j = 1; j < argv.length; j++) {
            RedisObject value = client.db().lookupRead(argv[j]);
            if (value == null) continue;
            HyperLogLog hll = load(client, value);
            if (hll == null) return;
            if (!hll.isSparse()) useDense = true;
            if (!hll.mergeInto(max)) {
                client.reply().error(CORRUPTED);
                return;
            }
        }
        byte[] key = argv[1];
        RedisObject existing = client.db().lookup(key);
        HyperLogLog target = existing == null ? HyperLogLog.create()
                : HyperLogLog.parse(((StringValue) existing).bytes());
        if (!target.raiseAll(max, useDense, sparseMaxBytes(client))) {
            client.reply().error(CORRUPTED);
            return;
        }
        store(client, key, target, existing != null);
        notifyPfadd(client, key);
        client.reply().ok();
    }

    static void pfdebug(Client client, byte[][] argv) {
        String cmd = Args.cString(argv[1]);
        RedisObject value = client.db().lookup(argv[2]);
        if (value == null) {
            client.reply().error("ERR The specified key does not exist");
            return;
        }
        HyperLogLog hll = load(client, value);
        if (hll == null) return;
        if (Args.is(argv[1], "getreg")) {
            if (argv.length != 3) {
                arityError(client, cmd);
                return;
            }
            if (hll.isSparse()) {
                if (!hll.toDense()) {
                    client.reply().error(CORRUPTED);
                    return;
                }
                store(client, argv[2], hll, true);
            }
            int[] registers = hll.registers();
            client.reply().arrayHeader(registers.length);
            for (int r : registers) client.reply().integer(r);
        } else if (Args.is(argv[1], "decode")) {
            if (argv.length != 3) {
                arityError(client, cmd);
                return;
            }
            if (!hll.isSparse()) {
                client.reply().error("ERR HLL encoding is not sparse");
                return;
            }
            client.reply().bulk(hll.decodeSparse());
        } else if (Args.is(argv[1], "encoding")) {
            if (argv.length != 3) {
                arityError(client, cmd);
                return;
            }
            client.reply().status(hll.isSparse() ? "sparse" : "dense");
        } else if (Args.is(argv[1], "todense")) {
            if (argv.length != 3) {
                arityError(client, cmd);
                return;
            }
            boolean converted = false;
            if (hll.isSparse()) {
                if (!hll.toDense()) {
                    client.reply().error(CORRUPTED);
                    return;
                }
                store(client, argv[2], hll, true);
                converted = true;
            }
            client.reply().integer(converted ? 1 : 0);
        } else {
            client.reply().error("ERR Unknown PFDEBUG subcommand '" + cmd + "'");
        }
    }

    private static void arityError(Client client, String cmd) {
        client.reply().error("ERR Wrong number of arguments for the '" + cmd + "' subcommand");
    }
}
