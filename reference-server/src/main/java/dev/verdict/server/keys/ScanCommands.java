package dev.verdict.server.keys;

import dev.verdict.server.client.Client;
import dev.verdict.server.command.Args;
import dev.verdict.server.command.CommandTable;
import dev.verdict.server.command.Errors;
import dev.verdict.server.db.Database;
import dev.verdict.server.db.RedisObject;
import dev.verdict.server.util.GlobPattern;

import java.util.ArrayList;
import java.util.List;

/** KEYS and SCAN over a database's main dictionary. */
final class ScanCommands {

    private ScanCommands() {
    }

    static void register(CommandTable table) {
        table.bind("keys", ScanCommands::keys);
        table.bind("scan", ScanCommands::scan);
    }

    /** KEYS pattern: every live key matching; expired keys are skipped, not deleted. */
    static void keys(Client client, byte[][] argv) {
        Database db = client.db();
        byte[] pattern = argv[1];
        boolean all = pattern.length == 1 && pattern[0] == '*';
        List<byte[]> matched = new ArrayList<>();
        for (byte[] key : db.keysSnapshot()) {
            if ((all || GlobPattern.matches(pattern, key, false)) && !db.isExpired(key)) matched.add(key);
        }
        client.reply().arrayHeader(matched.size());
        for (byte[] key : matched) client.reply().bulk(key);
    }

    /** SCAN cursor [MATCH pattern] [COUNT count] [TYPE type] (scanGenericCommand on the keyspace). */
    static void scan(Client client, byte[][] argv) {
        Long cursor = ScanCursor.parse(client, argv[1]);
        if (cursor == null) return;
        long count = 10;
        byte[] pattern = null;
        String type = null;
        for (int i = 2; i < argv.length; i += 2) {
            boolean hasValue = i + 1 < argv.length;
            if (Args.is(argv[i], "COUNT") && hasValue) {
                Long c = Args.parseLong(argv[i + 1]);
                if (c == null) {
                    client.reply().error(Errors.NOT_INTEGER);
                    return;
                }
                if (c < 1) {
                    client.reply().error(Errors.SYNTAX);
                    return;
                }
                count = c;
            } else if (Args.is(argv[i], "MATCH") && hasValue) {
                pattern = argv[i + 1];
                if (pattern.length == 1 && pattern[0] == '*') pattern = null;
            } else if (Args.is(argv[i], "TYPE") && hasValue) {
                type = Args.utf8(argv[i + 1]);
            } else {
                client.reply().error(Errors.SYNTAX);
                return;
            }
        }
        Database db = client.db();
        List<byte[]> keys = new ArrayList<>();
        long next = cursor;
        long maxIterations = count * 10;
        do {
            next = db.scan(next, (key, value) -> keys.add(key));
        } while (next != 0 && maxIterations-- > 0 && keys.size() < count);
        List<byte[]> kept = new ArrayList<>(keys.size());
        for (byte[] key : keys) {
            if (pattern != null && !GlobPattern.matches(pattern, key, false)) continue;
            if (type != null) {
                RedisObject value = db.lookupNoTouch(key);
                if (value == null || !value.type().typeName().equalsIgnoreCase(type)) continue;
            }
            if (!db.exists(key)) continue;
            kept.add(key);
        }
        client.reply().arrayHeader(2);
        client.reply().bulk(ScanCursor.format(next));
        client.reply().arrayHeader(kept.size());
        for (byte[] key : kept) client.reply().bulk(key);
    }
}
