package dev.verdict.server.keys;

import dev.verdict.server.client.Client;
import dev.verdict.server.command.Args;
import dev.verdict.server.command.CommandFamily;
import dev.verdict.server.command.CommandTable;
import dev.verdict.server.command.Errors;
import dev.verdict.server.db.Database;
import dev.verdict.server.db.RedisObject;
import dev.verdict.server.pubsub.KeyspaceEvents;

/** Generic key commands (db.c): existence, deletion, renaming, copying and moving keys. */
public final class KeyCommands implements CommandFamily {

    static final String SAME_OBJECT = "ERR source and destination objects are the same";

    @Override
    public void register(CommandTable table) {
        table.bind("del", KeyCommands::del);
        table.bind("unlink", KeyCommands::del);
        table.bind("exists", KeyCommands::exists);
        table.bind("touch", KeyCommands::touch);
        table.bind("type", KeyCommands::type);
        table.bind("rename", (c, argv) -> rename(c, argv, false));
        table.bind("renamenx", (c, argv) -> rename(c, argv, true));
        table.bind("randomkey", KeyCommands::randomkey);
        table.bind("copy", KeyCommands::copy);
        table.bind("move", KeyCommands::move);
        table.bind("dbsize", (c, argv) -> c.reply().integer(c.db().size()));
        ExpireCommands.register(table);
        ScanCommands.register(table);
        ObjectCommand.register(table);
        DatabaseCommands.register(table);
        SortCommand.register(table);
    }

    static void notify(Client client, int type, String event, byte[] key, int dbId) {
        client.server().events().notify(type, event, key, dbId);
    }

    static void del(Client client, byte[][] argv) {
        long deleted = 0;
        for (int i = 1; i < argv.length; i++) {
            if (client.db().delete(argv[i])) {
                notify(client, KeyspaceEvents.GENERIC, "del", argv[i], client.db().id());
                deleted++;
            }
        }
        client.reply().integer(deleted);
    }

    static void exists(Client client, byte[][] argv) {
        long count = 0;
        for (int i = 1; i < argv.length; i++) {
            if (client.db().exists(argv[i])) count++;
        }
        client.reply().integer(count);
    }

    static void touch(Client client, byte[][] argv) {
        long count = 0;
        for (int i = 1; i < argv.length; i++) {
            if (client.db().lookupRead(argv[i]) != null) count++;
        }
        client.reply().integer(count);
    }

    static void type(Client client, byte[][] argv) {
        RedisObject value = client.db().lookupNoTouch(argv[1]);
        client.reply().status(value == null ? "none" : value.type().typeName());
    }

    static void rename(Client client, byte[][] argv, boolean nx) {
        Database db = client.db();
        byte[] from = argv[1], to = argv[2];
        RedisObject value = db.lookup(from);
        if (value == null) {
            client.reply().error(Errors.NO_SUCH_KEY);
            return;
        }
        if (java.util.Arrays.equals(from, to)) {
            if (nx) client.reply().integer(0);
            else client.reply().ok();
            return;
        }
        long expire = db.expireAt(from);
        if (db.lookup(to) != null) {
            if (nx) {
                client.reply().integer(0);
                return;
            }
            db.delete(to);
        }
        db.add(to, value);
        if (expire != -1) db.setExpire(to, expire);
        db.delete(from);
        notify(client, KeyspaceEvents.GENERIC, "rename_from", from, db.id());
        notify(client, KeyspaceEvents.GENERIC, "rename_to", to, db.id());
        if (nx) client.reply().integer(1);
        else client.reply().ok();
    }

    static void randomkey(Client client, byte[][] argv) {
        byte[] key = client.db().randomKey();
        if (key == null) client.reply().nullBulk();
        else client.reply().bulk(key);
    }

    /** COPY source destination [DB destination-db] [REPLACE]. */
    static void copy(Client client, byte[][] argv) {
        Database src = client.db();
        Database dst = src;
        boolean replace = false;
        for (int j = 3; j < argv.length; j++) {
            if (Args.is(argv[j], "REPLACE")) {
                replace = true;
            } else if (Args.is(argv[j], "DB") && j + 1 < argv.length) {
                Integer id = Args.parseInt(client, argv[++j]);
                if (id == null) return;
                dst = database(client, id);
                if (dst == null) return;
            } else {
                client.reply().error(Errors.SYNTAX);
                return;
            }
        }
        byte[] key = argv[1], newKey = argv[2];
        if (src == dst && java.util.Arrays.equals(key, newKey)) {
            client.reply().error(SAME_OBJECT);
            return;
        }
        RedisObject value = src.lookupRead(key);
        if (value == null) {
            client.reply().integer(0);
            return;
        }
        long expire = src.expireAt(key);
        boolean delete = false;
        if (dst.lookup(newKey) != null) {
            if (!replace) {
                client.reply().integer(0);
                return;
            }
            delete = true;
        }
        RedisObject copy = value.duplicate();
        if (delete) dst.delete(newKey);
        dst.add(newKey, copy);
        if (expire != -1) dst.setExpire(newKey, expire);
        notify(client, KeyspaceEvents.GENERIC, "copy_to", newKey, dst.id());
        client.reply().integer(1);
    }

    static void move(Client client, byte[][] argv) {
        Database src = client.db();
        Integer id = Args.parseInt(client, argv[2]);
        if (id == null) return;
        Database dst = database(client, id);
        if (dst == null) return;
        if (src == dst) {
            client.reply().error(SAME_OBJECT);
            return;
        }
        byte[] key = argv[1];
        RedisObject value = src.lookup(key);
        if (value == null) {
            client.reply().integer(0);
            return;
        }
        long expire = src.expireAt(key);
        if (dst.lookup(key) != null) {
            client.reply().integer(0);
            return;
        }
        dst.add(key, value);
        if (expire != -1) dst.setExpire(key, expire);
        src.delete(key);
        notify(client, KeyspaceEvents.GENERIC, "move_from", key, src.id());
        notify(client, KeyspaceEvents.GENERIC, "move_to", key, dst.id());
        client.reply().integer(1);
    }

    private static Database database(Client client, long id) {
        if (id < 0 || id >= client.server().keyspace().count()) {
            client.reply().error(Errors.DB_INDEX);
            return null;
        }
        return client.server().keyspace().db((int) id);
    }
}
