package dev.verdict.server.persistence;

import dev.verdict.server.Log;
import dev.verdict.server.ServerContext;
import dev.verdict.server.client.Client;
import dev.verdict.server.command.Args;
import dev.verdict.server.command.CommandFamily;
import dev.verdict.server.command.CommandTable;
import dev.verdict.server.command.Errors;
import dev.verdict.server.db.Database;
import dev.verdict.server.db.RedisObject;
import dev.verdict.server.persistence.rdb.RdbException;
import dev.verdict.server.pubsub.KeyspaceEvents;

import java.io.IOException;

/** SAVE, BGSAVE, LASTSAVE, DUMP and RESTORE, and DEBUG RELOAD's body. */
public final class PersistenceCommands implements CommandFamily {

    private static final String BGSAVE_RUNNING = "ERR Background save already in progress";

    @Override
    public void register(CommandTable table) {
        table.bind("save", PersistenceCommands::save);
        table.bind("bgsave", PersistenceCommands::bgsave);
        table.bind("lastsave", PersistenceCommands::lastsave);
        table.bind("dump", PersistenceCommands::dump);
        table.bind("restore", PersistenceCommands::restore);
        table.bind("bgrewriteaof", PersistenceCommands::bgrewriteaof);
    }

    private static void save(Client client, byte[][] argv) {
        Persistence p = client.server().persistence();
        if (p.bgsaveInProgress()) {
            client.reply().error(BGSAVE_RUNNING);
            return;
        }
        if (p.saveCommand()) client.reply().ok();
        else client.reply().error("ERR");
    }

    private static void bgsave(Client client, byte[][] argv) {
        boolean schedule = false;
        if (argv.length > 1) {
            if (argv.length == 2 && Args.is(argv[1], "schedule")) {
                schedule = true;
            } else {
                client.reply().error(Errors.SYNTAX);
                return;
            }
        }
        Persistence p = client.server().persistence();
        if (p.bgsaveInProgress()) {
            client.reply().error(BGSAVE_RUNNING);
            return;
        }
        if (p.aof().rewriteInProgress() && !schedule) {
            client.reply().error("ERR Another child process is active (AOF?): can't BGSAVE right now. "
                    + "Use BGSAVE SCHEDULE in order to schedule a BGSAVE whenever possible.");
            return;
        }
        if (p.startBackgroundSave()) {
            client.reply().status("Background saving started");
        } else if (schedule) {
            p.scheduleBackgroundSave();
            client.reply().status("Background saving scheduled");
        } else {
            client.reply().error("ERR");
        }
    }

    /** bgrewriteaofCommand. */
    private static void bgrewriteaof(Client client, byte[][] argv) {
        Persistence p = client.server().persistence();
        if (p.aof().rewriteInProgress()) {
            client.reply().error("ERR Background append only file rewriting already in progress");
            return;
        }
        if (p.bgsaveInProgress()) {
            p.aof().scheduleRewrite();
            client.reply().status("Background append only file rewriting scheduled");
            return;
        }
        try {
            p.aof().startRewrite(p);
        } catch (IOException e) {
            Log.warning("Can't rewrite append only file in background: " + e.getMessage());
            client.reply().error("ERR Can't execute an AOF background rewriting. Please check the server logs for more information.");
            return;
        }
        client.reply().status("Background append only file rewriting started");
    }

    private static void lastsave(Client client, byte[][] argv) {
        client.reply().integer(client.server().persistence().lastSaveSeconds());
    }

    private static void dump(Client client, byte[][] argv) {
        RedisObject value = client.db().lookupRead(argv[1]);
        if (value == null) {
            client.reply().nullBulk();
            return;
        }
        try {
            client.reply().bulk(DumpPayload.create(value, client.server().config().getBool("rdbcompression")));
        } catch (IOException e) {
            client.reply().error("ERR " + e.getMessage());
        }
    }

    /** restoreCommand, option by option in Redis's order of checks. */
    private static void restore(Client client, byte[][] argv) {
        boolean replace = false;
        boolean absttl = false;
        long idle = -1;
        long freq = -1;
        for (int j = 4; j < argv.length; j++) {
            int additional = argv.length - j - 1;
            if (Args.is(argv[j], "replace")) {
                replace = true;
            } else if (Args.is(argv[j], "absttl")) {
                absttl = true;
            } else if (Args.is(argv[j], "idletime") && additional >= 1 && freq == -1) {
                Long v = Args.parseLong(argv[j + 1]);
                if (v == null) {
                    client.reply().error(Errors.NOT_INTEGER);
                    return;
                }
                if (v < 0) {
                    client.reply().error("ERR Invalid IDLETIME value, must be >= 0");
                    return;
                }
                idle = v;
                j++;
            } else if (Args.is(argv[j], "freq") && additional >= 1 && idle == -1) {
                Long v = Args.parseLong(argv[j + 1]);
                if (v == null) {
                    client.reply().error(Errors.NOT_INTEGER);
                    return;
                }
                if (v < 0 || v > 255) {
                    client.reply().error("ERR Invalid FREQ value, must be >= 0 and <= 255");
                    return;
                }
                freq = v;
                j++;
            } else {
                client.reply().error(Errors.SYNTAX);
                return;
            }
        }
        ServerContext server = client.server();
        Database db = client.db();
        byte[] key = argv[1];
        if (!replace && db.lookup(key) != null) {
            client.reply().error("BUSYKEY Target key name already exists.");
            return;
        }
        Long ttlArg = Args.parseLong(argv[2]);
        if (ttlArg == null) {
            client.reply().error(Errors.NOT_INTEGER);
            return;
        }
        long ttl = ttlArg;
        if (ttl < 0) {
            client.reply().error("ERR Invalid TTL value, must be >= 0");
            return;
        }
        if (!DumpPayload.verify(argv[3], true)) {
            client.reply().error("ERR DUMP payload version or checksum are wrong");
            return;
        }
        RedisObject value;
        try {
            value = DumpPayload.read(argv[3], server.config());
        } catch (RdbException | RuntimeException e) {
            client.reply().error("ERR Bad data format");
            return;
        }
        boolean deleted = replace && db.delete(key);
        if (ttl != 0 && !absttl) ttl += server.clock().millis();
        if (ttl != 0 && ttl <= System.currentTimeMillis()) {
            if (deleted) server.events().notify(KeyspaceEvents.GENERIC, "del", key, db.id());
            client.reply().ok();
            return;
        }
        Persistence.setClock(server.keyspace(), value, idle, (int) freq);
        db.add(key, value);
        if (ttl != 0) db.setExpire(key, ttl);
        server.events().notify(KeyspaceEvents.GENERIC, "restore", key, db.id());
        client.reply().ok();
    }

    /** DEBUG RELOAD [MERGE] [NOFLUSH] [NOSAVE]: save, empty, load back (MERGE is not supported here). */
    public static void debugReload(Client client, byte[][] argv) {
        boolean save = true;
        boolean flush = true;
        for (int i = 2; i < argv.length; i++) {
            if (Args.is(argv[i], "nosave")) {
                save = false;
            } else if (Args.is(argv[i], "noflush")) {
                flush = false;
            } else {
                client.reply().error("ERR DEBUG RELOAD only supports the MERGE, NOFLUSH and NOSAVE options.");
                return;
            }
        }
        Persistence p = client.server().persistence();
        if (save && !p.saveNow()) {
            client.reply().error("ERR");
            return;
        }
        try {
            p.debugReload(false, flush);
        } catch (IOException | RdbException e) {
            Log.warning("Error loading the RDB dump: " + e.getMessage());
            client.reply().error("ERR Error trying to load the RDB dump, check server logs.");
            return;
        }
        Log.warning("DB reloaded by DEBUG RELOAD");
        client.reply().ok();
    }
}
