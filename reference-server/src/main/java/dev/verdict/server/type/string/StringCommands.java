package dev.verdict.server.type.string;

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

import java.math.BigDecimal;

/** String commands (t_string.c). */
public final class StringCommands implements CommandFamily {

    /** The most a string may grow to here (a Java array's limit, below proto-max-bulk-len's 512mb default). */
    private static final String TOO_LONG = "ERR string exceeds maximum allowed size (proto-max-bulk-len)";

    @Override
    public void register(CommandTable table) {
        table.bind("get", StringCommands::get);
        table.bind("set", StringCommands::set);
        table.bind("setnx", StringCommands::setnx);
        table.bind("setex", (c, argv) -> setWithExpiry(c, argv, SetOptions.Unit.EX, "setex"));
        table.bind("psetex", (c, argv) -> setWithExpiry(c, argv, SetOptions.Unit.PX, "psetex"));
        table.bind("mget", StringCommands::mget);
        table.bind("mset", (c, argv) -> mset(c, argv, false));
        table.bind("msetnx", (c, argv) -> mset(c, argv, true));
        table.bind("getset", StringCommands::getset);
        table.bind("getdel", StringCommands::getdel);
        table.bind("getex", StringCommands::getex);
        table.bind("append", StringCommands::append);
        table.bind("strlen", StringCommands::strlen);
        table.bind("getrange", StringCommands::getrange);
        table.bind("substr", StringCommands::getrange);
        table.bind("setrange", StringCommands::setrange);
        table.bind("incr", (c, argv) -> incrDecr(c, argv[1], 1));
        table.bind("decr", (c, argv) -> incrDecr(c, argv[1], -1));
        table.bind("incrby", StringCommands::incrby);
        table.bind("decrby", StringCommands::decrby);
        table.bind("incrbyfloat", StringCommands::incrbyfloat);
        table.bind("lcs", Lcs::command);
    }

    // ---- the string type API other commands use

    /**
     * The string at {@code key} for a read, null when missing; replies WRONGTYPE and throws
     * nothing: callers check {@code client.reply()} state via the {@link #WRONG} marker.
     */
    static final StringValue WRONG = StringValue.raw(new byte[0]);

    /** lookupKeyRead + checkType: the string, null when missing, {@link #WRONG} after replying WRONGTYPE. */
    static StringValue readString(Client client, byte[] key) {
        return checked(client, client.db().lookupRead(key));
    }

    /** lookupKeyWrite + checkType, as {@link #readString}. */
    static StringValue writeString(Client client, byte[] key) {
        return checked(client, client.db().lookup(key));
    }

    private static StringValue checked(Client client, RedisObject value) {
        if (value == null) return null;
        if (value.type() != ObjectType.STRING) {
            client.reply().error(Errors.WRONGTYPE);
            return WRONG;
        }
        return (StringValue) value;
    }

    static void notify(Client client, int type, String event, byte[] key) {
        client.server().events().notify(type, event, key, client.db().id());
    }

    // ---- GET / SET family

    static void get(Client client, byte[][] argv) {
        getGeneric(client, argv[1]);
    }

    /** getGenericCommand: replies the value or null; false after a WRONGTYPE error. */
    private static boolean getGeneric(Client client, byte[] key) {
        StringValue value = readString(client, key);
        if (value == WRONG) return false;
        if (value == null) client.reply().nullBulk();
        else client.reply().bulk(value.bytes());
        return true;
    }

    /** SET key value [NX | XX] [GET] [EX s | PX ms | EXAT ts | PXAT ts-ms | KEEPTTL]. */
    static void set(Client client, byte[][] argv) {
        SetOptions options = SetOptions.parse(client, argv, 3, true);
        if (options == null) return;
        setGeneric(client, argv[1], argv[2], options, "set", false);
    }

    static void setnx(Client client, byte[][] argv) {
        SetOptions options = new SetOptions();
        options.nx = true;
        setGeneric(client, argv[1], argv[2], options, "setnx", true);
    }

    private static void setWithExpiry(Client client, byte[][] argv, SetOptions.Unit unit, String name) {
        SetOptions options = new SetOptions();
        options.unit = unit;
        options.expireArg = argv[2];
        setGeneric(client, argv[1], argv[3], options, name, false);
    }

    /** setGenericCommand; {@code integerReply} is SETNX's 1/0 instead of OK/null. */
    private static void setGeneric(Client client, byte[] key, byte[] value, SetOptions options, String name,
                                   boolean integerReply) {
        long expireAt = 0;
        if (options.hasExpiry()) {
            expireAt = options.expireAtMillis(client, name);
            if (expireAt < 0) return;
        }
        if (options.get && !getGeneric(client, key)) return;
        Database db = client.db();
        if (!db.setKeyIf(key, StringValue.of(value), options.keepTtl, options.nx, options.xx)) {
            if (integerReply) client.reply().integer(0);
            else if (!options.get) client.reply().nullBulk();
            return;
        }
        notify(client, KeyspaceEvents.STRING, "set", key);
        if (expireAt > 0) {
            db.setExpire(key, expireAt);
            notify(client, KeyspaceEvents.GENERIC, "expire", key);
        }
        if (integerReply) client.reply().integer(1);
        else if (!options.get) client.reply().ok();
    }

    static void mget(Client client, byte[][] argv) {
        client.reply().arrayHeader(argv.length - 1);
        for (int i = 1; i < argv.length; i++) {
            RedisObject value = client.db().lookupRead(argv[i]);
            if (value == null || value.type() != ObjectType.STRING) client.reply().nullBulk();
            else client.reply().bulk(((StringValue) value).bytes());
        }
    }

    private static void mset(Client client, byte[][] argv, boolean nx) {
        if (argv.length % 2 == 0) {
            client.reply().error(Errors.wrongArity(nx ? "msetnx" : "mset"));
            return;
        }
        Database db = client.db();
        if (nx) {
            for (int i = 1; i < argv.length; i += 2) {
                if (db.lookup(argv[i]) != null) {
                    client.reply().integer(0);
                    return;
                }
            }
        }
        for (int i = 1; i < argv.length; i += 2) {
            db.setKey(argv[i], StringValue.of(argv[i + 1]), false);
            notify(client, KeyspaceEvents.STRING, "set", argv[i]);
        }
        if (nx) client.reply().integer(1);
        else client.reply().ok();
    }

    static void getset(Client client, byte[][] argv) {
        if (!getGeneric(client, argv[1])) return;
        client.db().setKey(argv[1], StringValue.of(argv[2]), false);
        notify(client, KeyspaceEvents.STRING, "set", argv[1]);
    }

    static void getdel(Client client, byte[][] argv) {
        StringValue value = readString(client, argv[1]);
        if (value == WRONG) return;
        if (value == null) {
            client.reply().nullBulk();
            return;
        }
        client.reply().bulk(value.bytes());
        client.db().delete(argv[1]);
        notify(client, KeyspaceEvents.GENERIC, "del", argv[1]);
    }

    /** GETEX key [EX s | PX ms | EXAT ts | PXAT ts-ms | PERSIST]. */
    static void getex(Client client, byte[][] argv) {
        SetOptions options = SetOptions.parse(client, argv, 2, false);
        if (options == null) return;
        byte[] key = argv[1];
        StringValue value = readString(client, key);
        if (value == WRONG) return;
        if (value == null) {
            client.reply().nullBulk();
            return;
        }
        long expireAt = 0;
        if (options.hasExpiry()) {
            expireAt = options.expireAtMillis(client, "getex");
            if (expireAt < 0) return;
        }
        client.reply().bulk(value.bytes());
        Database db = client.db();
        boolean absolute = options.unit == SetOptions.Unit.EXAT || options.unit == SetOptions.Unit.PXAT;
        if (absolute && expireAt <= client.server().clock().millis()) {
            db.delete(key);
            notify(client, KeyspaceEvents.GENERIC, "del", key);
        } else if (options.hasExpiry()) {
            db.setExpire(key, expireAt);
            db.signalModified(key);
            notify(client, KeyspaceEvents.GENERIC, "expire", key);
        } else if (options.persist && db.persist(key)) {
            db.signalModified(key);
            notify(client, KeyspaceEvents.GENERIC, "persist", key);
        }
    }

    // ---- in-place edits

    static void append(Client client, byte[][] argv) {
        byte[] key = argv[1];
        StringValue value = writeString(client, key);
        if (value == WRONG) return;
        Database db = client.db();
        long length;
        if (value == null) {
            db.add(key, StringValue.of(argv[2]));
            length = argv[2].length;
        } else {
            int oldLength = value.length();
            if (!lengthAllowed(client, oldLength, argv[2].length)) return;
            StringValue raw = StringType.writable(db, key, value, oldLength + argv[2].length);
            System.arraycopy(argv[2], 0, raw.bytes(), oldLength, argv[2].length);
            db.signalModified(key);
            length = raw.length();
        }
        notify(client, KeyspaceEvents.STRING, "append", key);
        client.reply().integer(length);
    }

    /** checkStringLength: false after replying the error when the result would be too long. */
    static boolean lengthAllowed(Client client, long size, long append) {
        long limit = Math.min(client.server().config().getMemory("proto-max-bulk-len"), Integer.MAX_VALUE - 8);
        // Redis adds as unsigned and also refuses a sum that wrapped around
        long total = size + append;
        if (total > limit || total < size || total < append) {
            client.reply().error(TOO_LONG);
            return false;
        }
        return true;
    }

    static void strlen(Client client, byte[][] argv) {
        StringValue value = readString(client, argv[1]);
        if (value == WRONG) return;
        client.reply().integer(value == null ? 0 : value.length());
    }

    static void getrange(Client client, byte[][] argv) {
        Long start = Args.parseLong(argv[2]);
        Long end = start == null ? null : Args.parseLong(argv[3]);
        if (end == null) {
            client.reply().error(Errors.NOT_INTEGER);
            return;
        }
        StringValue value = readString(client, argv[1]);
        if (value == WRONG) return;
        byte[] s = value == null ? new byte[0] : value.bytes();
        long from = start;
        long to = end >= 0 && client.server().faults().on(FaultSwitches.GETRANGE_OFF_BY_ONE) ? end + 1 : end;
        long length = s.length;
        if (from < 0 && to < 0 && from > to) {
            client.reply().bulk(new byte[0]);
            return;
        }
        if (from < 0) from = length + from;
        if (to < 0) to = length + to;
        if (from < 0) from = 0;
        if (to < 0) to = 0;
        if (to >= length) to = length - 1;
        if (from > to || length == 0) client.reply().bulk(new byte[0]);
        else client.reply().bulk(s, (int) from, (int) (to - from + 1));
    }

    static void setrange(Client client, byte[][] argv) {
        byte[] key = argv[1];
        byte[] patch = argv[3];
        Long offset = Args.parseLong(argv[2]);
        if (offset == null) {
            client.reply().error(Errors.NOT_INTEGER);
            return;
        }
        if (offset < 0) {
            client.reply().error("ERR offset is out of range");
            return;
        }
        StringValue value = writeString(client, key);
        if (value == WRONG) return;
        Database db = client.db();
        byte[] old = value == null ? new byte[0] : value.bytes();
        if (patch.length == 0) {
            client.reply().integer(old.length);
            return;
        }
        if (!lengthAllowed(client, offset, patch.length)) return;
        StringValue raw = StringType.writable(db, key, value, (int) Math.max(old.length, offset + patch.length));
        System.arraycopy(patch, 0, raw.bytes(), offset.intValue(), patch.length);
        db.signalModified(key);
        notify(client, KeyspaceEvents.STRING, "setrange", key);
        client.reply().integer(raw.length());
    }

    // ---- counters

    static void incrby(Client client, byte[][] argv) {
        Long by = Args.parseLong(argv[2]);
        if (by == null) {
            client.reply().error(Errors.NOT_INTEGER);
            return;
        }
        incrDecr(client, argv[1], by);
    }

    static void decrby(Client client, byte[][] argv) {
        Long by = Args.parseLong(argv[2]);
        if (by == null) {
            client.reply().error(Errors.NOT_INTEGER);
            return;
        }
        if (by == Long.MIN_VALUE) {
            client.reply().error("ERR decrement would overflow");
            return;
        }
        incrDecr(client, argv[1], -by);
    }

    private static void incrDecr(Client client, byte[] key, long by) {
        StringValue value = writeString(client, key);
        if (value == WRONG) return;
        StringValue.Counter counter = value == null ? null : value.counter();
        long current = 0;
        if (counter != null) {
            current = counter.value();
        } else if (value != null) {
            Long parsed = Numbers.parseLongStrict(value.bytes());
            if (parsed == null) {
                client.reply().error(Errors.NOT_INTEGER);
                return;
            }
            current = parsed;
        }
        long result;
        try {
            result = Math.addExact(current, by);
        } catch (ArithmeticException e) {
            client.reply().error(Errors.OVERFLOW);
            return;
        }
        Database db = client.db();
        if (value == null) {
            db.add(key, StringValue.ofLong(result));
        } else if (counter != null && !db.snapshotHolds(counter)) {
            // incrDecrCommand changes the object in place only outside the shared range and swaps
            // in a shared integer inside it; what a key holds is the same either way, and whether
            // it counts as shared is SharedIntegers' rule on the number, so the counter changes in
            // place throughout (without a second lookup)
            counter.set(result);
            db.signalModifiedInPlace(key);
        } else {
            db.setKey(key, StringValue.ofLong(result), true);
        }
        notify(client, KeyspaceEvents.STRING, "incrby", key);
        client.reply().integer(result);
    }

    static void incrbyfloat(Client client, byte[][] argv) {
        byte[] key = argv[1];
        StringValue value = writeString(client, key);
        if (value == WRONG) return;
        BigDecimal current = value == null ? BigDecimal.ZERO : LongDouble.parse(value.bytes());
        BigDecimal increment = current == null ? null : LongDouble.parse(argv[2]);
        if (increment == null) {
            client.reply().error(Errors.NOT_FLOAT);
            return;
        }
        BigDecimal sum = LongDouble.add(current, increment);
        if (sum == null) {
            client.reply().error("ERR increment would produce NaN or Infinity");
            return;
        }
        byte[] formatted = LongDouble.format(sum);
        Database db = client.db();
        if (value == null) db.add(key, StringValue.plain(formatted));
        else db.setKey(key, StringValue.plain(formatted), true);
        notify(client, KeyspaceEvents.STRING, "incrbyfloat", key);
        client.reply().bulk(formatted);
    }
}
