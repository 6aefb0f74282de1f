package dev.verdict.server.server;

import dev.verdict.server.ServerContext;
import dev.verdict.server.client.Client;
import dev.verdict.server.command.Args;
import dev.verdict.server.command.CommandFamily;
import dev.verdict.server.command.CommandTable;
import dev.verdict.server.db.Database;
import dev.verdict.server.db.ObjectType;
import dev.verdict.server.db.RedisObject;
import dev.verdict.server.persistence.DumpPayload;
import dev.verdict.server.type.string.SharedIntegers;
import dev.verdict.server.util.ValueDigest;

import java.nio.charset.StandardCharsets;

/** DEBUG SLEEP, SET-ACTIVE-EXPIRE, OBJECT, DIGEST, DIGEST-VALUE (allowed by {@code enable-debug-command}). */
public final class DebugCommand implements CommandFamily {

    private static final byte[] EXPIRE_MARK = "!!expire!!".getBytes(StandardCharsets.US_ASCII);

    @Override
    public void register(CommandTable table) {
        table.bind("debug", DebugCommand::debug);
    }

    private static void debug(Client client, byte[][] argv) {
        ServerContext server = client.server();
        String sub = Args.utf8(argv[1]).toLowerCase(java.util.Locale.ROOT);
        switch (sub) {
            case "sleep" -> {
                if (argv.length != 3) break;
                double seconds = parseDoubleLikeAtof(Args.utf8(argv[2]));
                try {
                    Thread.sleep((long) (seconds * 1000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                client.reply().ok();
                return;
            }
            case "set-active-expire" -> {
                if (argv.length != 3) break;
                server.keyspace().activeExpireEnabled(parseIntLikeAtoi(Args.utf8(argv[2])) != 0);
                client.reply().ok();
                return;
            }
            case "digest" -> {
                if (argv.length != 2) break;
                client.reply().status(datasetDigest(server).hex());
                return;
            }
            case "digest-value" -> {
                client.reply().arrayHeader(argv.length - 2L);
                for (int i = 2; i < argv.length; i++) {
                    ValueDigest digest = new ValueDigest();
                    RedisObject value = client.db().lookup(argv[i]);
                    if (value != null) objectDigest(client.db(), argv[i], value, digest);
                    client.reply().status(digest.hex());
                }
                return;
            }
            case "reload" -> {
                dev.verdict.server.persistence.PersistenceCommands.debugReload(client, argv);
                return;
            }
            case "protocol" -> {
                if (argv.length != 3) break;
                protocol(client, Args.utf8(argv[2]).toLowerCase(java.util.Locale.ROOT));
                return;
            }
            case "object" -> {
                if (argv.length != 3) break;
                object(client, argv[2]);
                return;
            }
            default -> {
            }
        }
        client.reply().error("ERR unknown subcommand or wrong number of arguments for '" + Args.cString(argv[1], 128)
                + "'. Try DEBUG HELP.");
    }

    /** DEBUG PROTOCOL: one sample of each reply type, for client libraries' tests. */
    private static void protocol(Client client, String type) {
        var reply = client.reply();
        switch (type) {
            case "string" -> reply.bulk("Hello World");
            case "integer" -> reply.integer(12345);
            case "double" -> reply.doubleValue(3.141);
            case "bignum" -> reply.bigNumber("1234567999999999999999999999999999999");
            case "null" -> reply.nullBulk();
            case "array", "set" -> {
                if (type.equals("set")) reply.setHeader(3);
                else reply.arrayHeader(3);
                for (int j = 0; j < 3; j++) reply.integer(j);
            }
            case "map" -> {
                reply.mapHeader(3);
                for (int j = 0; j < 3; j++) {
                    reply.integer(j);
                    reply.bool(j == 1);
                }
            }
            case "attrib" -> {
                if (reply.resp3()) {
                    reply.attributeHeader(1);
                    reply.bulk("key-popularity");
                    reply.arrayHeader(2);
                    reply.bulk("key:123");
                    reply.integer(90);
                }
                reply.bulk("Some real reply following the attribute");
            }
            case "push" -> {
                if (!reply.resp3()) {
                    reply.error("ERR RESP2 is not supported by this command");
                    return;
                }
                reply.pushHeader(2);
                reply.bulk("server-cpu-usage");
                reply.integer(42);
                reply.bulk("Some real reply following the push reply");
            }
            case "true" -> reply.bool(true);
            case "false" -> reply.bool(false);
            case "verbatim" -> reply.verbatim("txt", "This is a verbatim\nstring");
            default -> reply.error("ERR Wrong protocol type name. Please use one of the following: "
                    + "string|integer|double|bignum|null|array|set|map|attrib|push|verbatim|true|false");
        }
    }

    /** Redis's computeDatasetDigest: per non-empty db its number, then the xor of every key's digest. */
    public static ValueDigest datasetDigest(ServerContext server) {
        ValueDigest total = new ValueDigest();
        for (int i = 0; i < server.keyspace().count(); i++) {
            Database db = server.keyspace().db(i);
            if (db.size() == 0) continue;
            total.mixInt(i);
            db.forEachEntry((key, value) -> {
                ValueDigest keyDigest = new ValueDigest();
                keyDigest.mix(key);
                objectDigest(db, key, value, keyDigest);
                total.xorDigestOf(keyDigest);
            });
        }
        return total;
    }

    /** Redis's xorObjectDigest: type id, the type's own digest, then the expire marker. */
    static void objectDigest(Database db, byte[] key, RedisObject value, ValueDigest digest) {
        digest.mixInt(redisTypeId(value.type()));
        value.digest(digest);
        if (db.expireAt(key) != -1) digest.xor(EXPIRE_MARK);
    }

    /** OBJ_STRING..OBJ_STREAM as Redis numbers them (5 is modules). */
    static int redisTypeId(ObjectType type) {
        return switch (type) {
            case STRING -> 0;
            case LIST -> 1;
            case SET -> 2;
            case ZSET -> 3;
            case HASH -> 4;
            case STREAM -> 6;
        };
    }

    /**
     * DEBUG OBJECT finds the key in the dictionary directly: no access (its idle time is what it
     * reports) and no lazy expiry, so an expired key not yet deleted is still described.
     */
    private static void object(Client client, byte[] key) {
        RedisObject value = client.db().peek(key);
        if (value == null) {
            client.reply().error("ERR no such key");
            return;
        }
        long lruClock = (System.currentTimeMillis() / 1000) & 0xFFFFFF;
        long idle = lruClock >= value.lru() ? lruClock - value.lru() : lruClock + (0xFFFFFF - value.lru());
        client.reply().status("Value at:0x" + Integer.toHexString(System.identityHashCode(value))
                + " refcount:" + SharedIntegers.refcount(client.server().keyspace(), value) + " encoding:" + value.encoding().encodingName()
                + " serializedlength:" + DumpPayload.serializedLength(value, client.server().config().getBool("rdbcompression"))
                + " lru:" + value.lru() + " lru_seconds_idle:" + idle);
    }

    private static double parseDoubleLikeAtof(String s) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\s*[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?").matcher(s);
        return m.find() ? Double.parseDouble(m.group().trim()) : 0;
    }

    private static int parseIntLikeAtoi(String s) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\s*[-+]?\\d+").matcher(s);
        if (!m.find()) return 0;
        try {
            return Integer.parseInt(m.group().trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
