package dev.verdict.server.keys;

import dev.verdict.server.client.Client;
import dev.verdict.server.command.Args;
import dev.verdict.server.command.CommandTable;
import dev.verdict.server.command.Errors;
import dev.verdict.server.db.Database;
import dev.verdict.server.pubsub.KeyspaceEvents;

/** TTL commands (expire.c): EXPIRE and friends with NX/XX/GT/LT, TTL, EXPIRETIME, PERSIST. */
final class ExpireCommands {

    private ExpireCommands() {
    }

    static void register(CommandTable table) {
        table.bind("expire", (c, argv) -> expire(c, argv, false, true, "expire"));
        table.bind("pexpire", (c, argv) -> expire(c, argv, false, false, "pexpire"));
        table.bind("expireat", (c, argv) -> expire(c, argv, true, true, "expireat"));
        table.bind("pexpireat", (c, argv) -> expire(c, argv, true, false, "pexpireat"));
        table.bind("ttl", (c, argv) -> ttl(c, argv, false));
        table.bind("pttl", (c, argv) -> ttl(c, argv, true));
        table.bind("expiretime", (c, argv) -> expireTime(c, argv, false));
        table.bind("pexpiretime", (c, argv) -> expireTime(c, argv, true));
        table.bind("persist", ExpireCommands::persist);
    }

    /** expireGenericCommand. */
    static void expire(Client client, byte[][] argv, boolean absolute, boolean seconds, String name) {
        boolean nx = false, xx = false, gt = false, lt = false;
        for (int j = 3; j < argv.length; j++) {
            if (Args.is(argv[j], "NX")) nx = true;
            else if (Args.is(argv[j], "XX")) xx = true;
            else if (Args.is(argv[j], "GT")) gt = true;
            else if (Args.is(argv[j], "LT")) lt = true;
            else {
                client.reply().error("ERR Unsupported option " + Args.cString(argv[j]));
                return;
            }
        }
        if (nx && (xx || gt || lt)) {
            client.reply().error("ERR NX and XX, GT or LT options at the same time are not compatible");
            return;
        }
        if (gt && lt) {
            client.reply().error("ERR GT and LT options at the same time are not compatible");
            return;
        }
        Long parsed = Args.parseLong(argv[2]);
        if (parsed == null) {
            client.reply().error(Errors.NOT_INTEGER);
            return;
        }
        long when = parsed;
        String invalid = "ERR invalid expire time in '" + name + "' command";
        if (seconds) {
            if (when > Long.MAX_VALUE / 1000 || when < Long.MIN_VALUE / 1000) {
                client.reply().error(invalid);
                return;
            }
            when *= 1000;
        }
        long now = client.server().clock().millis();
        long base = absolute ? 0 : now;
        if (when > Long.MAX_VALUE - base) {
            client.reply().error(invalid);
            return;
        }
        when += base;
        Database db = client.db();
        byte[] key = argv[1];
        if (db.lookup(key) == null) {
            client.reply().integer(0);
            return;
        }
        long current = db.expireAt(key);
        if ((nx && current != -1) || (xx && current == -1)
                || (gt && (when <= current || current == -1))
                || (lt && current != -1 && when >= current)) {
            client.reply().integer(0);
            return;
        }
        if (when <= now) {
            db.delete(key);
            KeyCommands.notify(client, KeyspaceEvents.GENERIC, "del", key, db.id());
        } else {
            db.setExpire(key, when);
            db.signalModified(key);
            KeyCommands.notify(client, KeyspaceEvents.GENERIC, "expire", key, db.id());
        }
        client.reply().integer(1);
    }

    static void ttl(Client client, byte[][] argv, boolean millis) {
        Database db = client.db();
        if (db.lookupNoTouch(argv[1]) == null) {
            client.reply().integer(-2);
            return;
        }
        long expire = db.expireAt(argv[1]);
        if (expire == -1) {
            client.reply().integer(-1);
            return;
        }
        long ttl = Math.max(0, expire - client.server().clock().millis());
        client.reply().integer(millis ? ttl : (ttl + 500) / 1000);
    }

    static void expireTime(Client client, byte[][] argv, boolean millis) {
        Database db = client.db();
        if (db.lookupNoTouch(argv[1]) == null) {
            client.reply().integer(-2);
            return;
        }
        long expire = db.expireAt(argv[1]);
        if (expire == -1) client.reply().integer(-1);
        else client.reply().integer(millis ? expire : (expire + 500) / 1000);
    }

    static void persist(Client client, byte[][] argv) {
        Database db = client.db();
        byte[] key = argv[1];
        if (db.lookup(key) != null && db.persist(key)) {
            db.signalModified(key);
            KeyCommands.notify(client, KeyspaceEvents.GENERIC, "persist", key, db.id());
            client.reply().integer(1);
        } else {
            client.reply().integer(0);
        }
    }
}
