package dev.verdict.server.type.string;

import dev.verdict.server.client.Client;
import dev.verdict.server.command.Args;
import dev.verdict.server.command.CommandFamily;
import dev.verdict.server.command.CommandTable;
import dev.verdict.server.command.Errors;
import dev.verdict.server.db.Database;
import dev.verdict.server.db.ObjectType;
import dev.verdict.server.db.RedisObject;

/** String commands (t_string.c). */
public final class StringCommands implements CommandFamily {

    @Override
    public void register(CommandTable table) {
        table.bind("get", StringCommands::get);
        table.bind("set", StringCommands::set);
    }

    static void get(Client client, byte[][] argv) {
        RedisObject value = client.db().lookup(argv[1]);
        if (value == null) {
            client.reply().nullBulk();
        } else if (value.type() != ObjectType.STRING) {
            client.reply().error(Errors.WRONGTYPE);
        } else {
            client.reply().bulk(((StringValue) value).bytes());
        }
    }

    /** SET key value [NX | XX] [GET] [EX s | PX ms | EXAT ts | PXAT ts-ms | KEEPTTL]. */
    static void set(Client client, byte[][] argv) {
        SetOptions options = SetOptions.parse(client, argv, 3);
        if (options == null) return;
        Database db = client.db();
        byte[] key = argv[1];
        RedisObject old = db.lookup(key);
        if (options.get() && old != null && old.type() != ObjectType.STRING) {
            client.reply().error(Errors.WRONGTYPE);
            return;
        }
        if ((options.nx() && old != null) || (options.xx() && old == null)) {
            if (options.get()) replyOld(client, old);
            else client.reply().nullBulk();
            return;
        }
        db.setKey(key, StringValue.of(argv[2]), options.keepTtl());
        if (options.expireAtMillis() > 0) db.setExpire(key, options.expireAtMillis());
        if (options.get()) replyOld(client, old);
        else client.reply().ok();
    }

    private static void replyOld(Client client, RedisObject old) {
        if (old == null) client.reply().nullBulk();
        else client.reply().bulk(((StringValue) old).bytes());
    }

}
