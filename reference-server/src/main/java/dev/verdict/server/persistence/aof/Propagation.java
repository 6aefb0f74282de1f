package dev.verdict.server.persistence.aof;

import dev.verdict.server.client.Client;
import dev.verdict.server.command.Args;
import dev.verdict.server.db.Database;
import dev.verdict.server.db.ObjectType;
import dev.verdict.server.db.RedisObject;
import dev.verdict.server.type.hash.HashType;
import dev.verdict.server.type.hash.HashValue;
import dev.verdict.server.type.set.SetType;
import dev.verdict.server.type.set.SetValue;
import dev.verdict.server.type.string.StringValue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What Redis 7.0 writes to the AOF for a command that changed the dataset: the argv as given,
 * or the form that replays to the same state (verified on a real redis-server's incr file):
 * relative expiries become absolute (EXPIRE.. → PEXPIREAT keeping NX/XX/GT/LT, SETEX/SET EX →
 * SET .. PXAT, GETEX → PEXPIREAT or PERSIST; a time already past → DEL or UNLINK), results of
 * randomness or float arithmetic become plain writes (SPOP → SREM, INCRBYFLOAT → SET KEEPTTL,
 * HINCRBYFLOAT → HSET), GETDEL → DEL (UNLINK), GETSET → SET, SET loses its GET, RESTORE gets an absolute TTL.
 */
public final class Propagation {

    private Propagation() {
    }

    /** State some rewrites need from before the call (SPOP's members). */
    public static Object before(Client client, String name, byte[][] argv) {
        if (name.equals("spop") && argv.length >= 2) {
            RedisObject o = client.db().lookupNoTouch(argv[1]);
            if (o != null && o.type() == ObjectType.SET) {
                Set<String> members = new HashSet<>();
                for (byte[] m : SetType.members((SetValue) o)) members.add(new String(m, StandardCharsets.ISO_8859_1));
                return members;
            }
        }
        return null;
    }

    /** The commands to propagate for a call of {@code name} that changed the dataset. */
    @SuppressWarnings("unchecked")
    public static List<byte[][]> rewrite(Client client, String name, byte[][] argv, Object before) {
        Database db = client.db();
        switch (name) {
            case "expire", "pexpire", "expireat", "pexpireat" -> {
                // the NX/XX/GT/LT flags stay: only the command and the time are rewritten
                byte[][] form = expireForm(client, argv[1]);
                if (form[0][0] != 'P' || form.length != 3 || argv.length <= 3) return List.<byte[][]>of(form);
                byte[][] withFlags = java.util.Arrays.copyOf(form, argv.length);
                System.arraycopy(argv, 3, withFlags, 3, argv.length - 3);
                return List.<byte[][]>of(withFlags);
            }
            case "getset" -> {
                return List.<byte[][]>of(args("SET", argv[1], argv[2]));
            }
            case "getdel" -> {
                return List.<byte[][]>of(args(lazy(client, "lazyfree-lazy-user-del"), argv[1]));
            }
            case "setex", "psetex" -> {
                return List.<byte[][]>of(setPxat(db, argv[1], argv[3]));
            }
            case "set" -> {
                for (int i = 3; i < argv.length; i++) {
                    if (Args.is(argv[i], "ex") || Args.is(argv[i], "px") || Args.is(argv[i], "exat")) {
                        return List.<byte[][]>of(setPxat(db, argv[1], argv[2]));
                    }
                }
                // GET only shapes the reply: it is dropped (setGenericCommand)
                return List.<byte[][]>of(withoutGet(argv));
            }
            case "getex" -> {
                for (int i = 2; i < argv.length; i++) {
                    if (Args.is(argv[i], "persist")) return List.<byte[][]>of(args("PERSIST", argv[1]));
                }
                return List.<byte[][]>of(expireForm(client, argv[1]));
            }
            case "incrbyfloat" -> {
                RedisObject o = db.lookupNoTouch(argv[1]);
                if (o instanceof StringValue s) return List.<byte[][]>of(args("SET", argv[1], s.bytes(), "KEEPTTL"));
                return List.<byte[][]>of(argv);
            }
            case "hincrbyfloat" -> {
                RedisObject o = db.lookupNoTouch(argv[1]);
                if (o instanceof HashValue h) {
                    byte[] v = HashType.get(h, argv[2]);
                    if (v != null) return List.<byte[][]>of(args("HSET", argv[1], argv[2], v));
                }
                return List.<byte[][]>of(argv);
            }
            case "spop" -> {
                if (!(before instanceof Set<?>)) return List.<byte[][]>of(argv);
                Set<String> was = (Set<String>) before;
                RedisObject o = db.lookupNoTouch(argv[1]);
                if (o == null) return List.<byte[][]>of(args("DEL", argv[1]));
                Set<String> now = new HashSet<>();
                for (byte[] m : SetType.members((SetValue) o)) now.add(new String(m, StandardCharsets.ISO_8859_1));
                List<Object> srem = new ArrayList<>(List.of("SREM", argv[1]));
                for (String m : was) if (!now.contains(m)) srem.add(m.getBytes(StandardCharsets.ISO_8859_1));
                return List.<byte[][]>of(args(srem.toArray()));
            }
            case "restore" -> {
                boolean absttl = false;
                for (int i = 4; i < argv.length; i++) if (Args.is(argv[i], "absttl")) absttl = true;
                long when = db.expireAt(argv[1]);
                if (absttl || when == -1) return List.<byte[][]>of(argv);
                byte[][] out = java.util.Arrays.copyOf(argv, argv.length + 1);
                out[2] = Long.toString(when).getBytes(StandardCharsets.US_ASCII);
                out[argv.length] = "ABSTTL".getBytes(StandardCharsets.US_ASCII);
                return List.<byte[][]>of(out);
            }
            default -> {
                return List.<byte[][]>of(argv);
            }
        }
    }

    /** SET's argv without its GET options (argument 3 on). */
    private static byte[][] withoutGet(byte[][] argv) {
        List<byte[]> out = new ArrayList<>(argv.length);
        for (int i = 0; i < argv.length; i++) {
            if (i < 3 || !Args.is(argv[i], "get")) out.add(argv[i]);
        }
        return out.size() == argv.length ? argv : out.toArray(new byte[0][]);
    }

    /** DEL, or UNLINK when the named lazyfree option is on. */
    private static String lazy(Client client, String option) {
        return client.server().config().getBool(option) ? "UNLINK" : "DEL";
    }

    private static byte[][] expireForm(Client client, byte[] key) {
        Database db = client.db();
        long when = db.expireAt(key);
        if (!db.exists(key)) return args(lazy(client, "lazyfree-lazy-expire"), key);
        if (when == -1) return args("PERSIST", key);
        return args("PEXPIREAT", key, Long.toString(when));
    }

    private static byte[][] setPxat(Database db, byte[] key, byte[] value) {
        long when = db.expireAt(key);
        if (when == -1) return args("SET", key, value);
        return args("SET", key, value, "PXAT", Long.toString(when));
    }

    public static byte[][] args(Object... parts) {
        byte[][] out = new byte[parts.length][];
        for (int i = 0; i < parts.length; i++) {
            out[i] = parts[i] instanceof byte[] b ? b : parts[i].toString().getBytes(StandardCharsets.UTF_8);
        }
        return out;
    }
}
