package dev.verdict.server.type.stream;

import dev.verdict.server.client.Client;
import dev.verdict.server.command.Args;
import dev.verdict.server.command.CommandFamily;
import dev.verdict.server.command.CommandTable;
import dev.verdict.server.command.Errors;
import dev.verdict.server.config.ServerConfig;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Stream commands on entries (t_stream.c): XADD, XLEN, XRANGE, XREVRANGE, XDEL, XTRIM, XSETID. */
public final class StreamCommands implements CommandFamily {

    @Override
    public void register(CommandTable table) {
        table.bind("xadd", StreamCommands::xadd);
        table.bind("xlen", StreamCommands::xlen);
        table.bind("xrange", (c, argv) -> range(c, argv, false));
        table.bind("xrevrange", (c, argv) -> range(c, argv, true));
        table.bind("xdel", StreamCommands::xdel);
        table.bind("xtrim", StreamCommands::xtrim);
        table.bind("xsetid", StreamCommands::xsetid);
    }

    static void xadd(Client client, byte[][] argv) {
        TrimArgs args = TrimArgs.parse(client, argv, true);
        if (args == null) return;
        int fieldPos = args.idIndex() + 1;
        int pairs = argv.length - fieldPos;
        if (pairs < 2 || pairs % 2 == 1) {
            client.reply().error(Errors.wrongArity("xadd"));
            return;
        }
        if (args.id() != null && args.seqGiven() && args.id().isZero()) {
            client.reply().error("ERR The ID specified in XADD must be greater than 0-0");
            return;
        }
        byte[] key = argv[1];
        Stream stream = StreamReplies.lookup(client, key);
        if (stream == StreamReplies.WRONG) return;
        boolean created = false;
        if (stream == null) {
            if (args.noMkStream()) {
                client.reply().nullBulk();
                return;
            }
            stream = new Stream();
            created = true;
        }
        if (stream.lastId().equals(StreamId.MAX)) {
            client.reply().error("ERR The stream has exhausted the last possible ID, unable to add more items");
            return;
        }
        ServerConfig config = client.server().config();
        StreamId id = stream.append(Arrays.copyOfRange(argv, fieldPos, argv.length), args.id(), args.seqGiven(),
                client.server().clock().millis(), config.getMemory("stream-node-max-bytes"),
                config.getLong("stream-node-max-entries"));
        if (id == null) {
            // Like Redis, the key created for this XADD stays even when the ID is rejected.
            if (created) client.db().add(key, stream);
            client.reply().error("ERR The ID specified in XADD is equal or smaller than the target stream top item");
            return;
        }
        if (created) client.db().add(key, stream);
        else client.db().signalModified(key);
        StreamReplies.id(client.reply(), id);
        StreamReplies.notify(client, "xadd", key);
        if (args.strategy() != TrimArgs.Strategy.NONE && stream.trim(args) > 0) {
            StreamReplies.notify(client, "xtrim", key);
        }
        StreamPropagation.xadd(client, argv, args, stream, id);
        client.server().blocked().signalKeyAsReady(client.db(), key);
    }

    static void xlen(Client client, byte[][] argv) {
        Stream stream = StreamReplies.lookupRead(client, argv[1]);
        if (stream == StreamReplies.WRONG) return;
        client.reply().integer(stream == null ? 0 : stream.length());
    }

    static void range(Client client, byte[][] argv, boolean reverse) {
        byte[] startArg = reverse ? argv[3] : argv[2];
        byte[] endArg = reverse ? argv[2] : argv[3];
        StreamIdArg.Bound startBound = StreamIdArg.parseBound(startArg, 0);
        if (startBound == null) {
            client.reply().error(StreamIdArg.INVALID);
            return;
        }
        StreamId start = startBound.id();
        if (startBound.exclusive() && (start = start.next()) == null) {
            client.reply().error("ERR invalid start ID for the interval");
            return;
        }
        StreamIdArg.Bound endBound = StreamIdArg.parseBound(endArg, -1L);
        if (endBound == null) {
            client.reply().error(StreamIdArg.INVALID);
            return;
        }
        StreamId end = endBound.id();
        if (endBound.exclusive() && (end = end.previous()) == null) {
            client.reply().error("ERR invalid end ID for the interval");
            return;
        }
        long count = -1;
        for (int j = 4; j < argv.length; j++) {
            if (Args.is(argv[j], "count") && j + 1 < argv.length) {
                Long v = Args.parseLong(argv[j + 1]);
                if (v == null) {
                    client.reply().error(Errors.NOT_INTEGER);
                    return;
                }
                count = Math.max(v, 0);
                j++;
            } else {
                client.reply().error(Errors.SYNTAX);
                return;
            }
        }
        Stream stream = StreamReplies.lookupRead(client, argv[1]);
        if (stream == StreamReplies.WRONG) return;
        if (stream == null) {
            client.reply().emptyArray();
            return;
        }
        if (count == 0) {
            client.reply().nullArray();
            return;
        }
        StreamReplies.entries(client.reply(), stream.range(start, end, count == -1 ? 0 : count, reverse));
    }

    static void xdel(Client client, byte[][] argv) {
        Stream stream = StreamReplies.lookup(client, argv[1]);
        if (stream == StreamReplies.WRONG) return;
        if (stream == null) {
            client.reply().integer(0);
            return;
        }
        List<StreamId> ids = new ArrayList<>();
        for (int j = 2; j < argv.length; j++) {
            StreamId id = StreamIdArg.parse(argv[j], 0, true);
            if (id == null) {
                client.reply().error(StreamIdArg.INVALID);
                return;
            }
            ids.add(id);
        }
        List<StreamId> deleted = new ArrayList<>();
        for (StreamId id : ids) {
            if (stream.delete(id)) deleted.add(id);
        }
        stream.afterDelete(deleted);
        if (!deleted.isEmpty()) {
            client.db().signalModified(argv[1]);
            StreamReplies.notify(client, "xdel", argv[1]);
        }
        client.reply().integer(deleted.size());
    }

    static void xtrim(Client client, byte[][] argv) {
        TrimArgs args = TrimArgs.parse(client, argv, false);
        if (args == null) return;
        Stream stream = StreamReplies.lookup(client, argv[1]);
        if (stream == StreamReplies.WRONG) return;
        if (stream == null) {
            client.reply().integer(0);
            return;
        }
        long deleted = stream.trim(args);
        if (deleted > 0) {
            StreamReplies.notify(client, "xtrim", argv[1]);
            client.db().signalModified(argv[1]);
            StreamPropagation.xtrim(client, argv, args, stream);
        }
        client.reply().integer(deleted);
    }

    static void xsetid(Client client, byte[][] argv) {
        StreamId id = StreamIdArg.parse(argv[2], 0, true);
        if (id == null) {
            client.reply().error(StreamIdArg.INVALID);
            return;
        }
        long entriesAdded = -1;
        StreamId maxDeleted = StreamId.MIN;
        for (int i = 3; i < argv.length; i += 2) {
            boolean more = i + 1 < argv.length;
            if (Args.is(argv[i], "entriesadded") && more) {
                Long v = Args.parseLong(argv[i + 1]);
                if (v == null) {
                    client.reply().error(Errors.NOT_INTEGER);
                    return;
                }
                if (v < 0) {
                    client.reply().error("ERR entries_added must be positive");
                    return;
                }
                entriesAdded = v;
            } else if (Args.is(argv[i], "maxdeletedid") && more) {
                StreamId v = StreamIdArg.parse(argv[i + 1], 0, true);
                if (v == null) {
                    client.reply().error(StreamIdArg.INVALID);
                    return;
                }
                if (id.compareTo(v) < 0) {
                    client.reply().error("ERR The ID specified in XSETID is smaller than the provided max_deleted_entry_id");
                    return;
                }
                maxDeleted = v;
            } else {
                client.reply().error(Errors.SYNTAX);
                return;
            }
        }
        Stream stream = StreamReplies.lookup(client, argv[1]);
        if (stream == StreamReplies.WRONG) return;
        if (stream == null) {
            client.reply().error(Errors.NO_SUCH_KEY);
            return;
        }
        if (stream.length() > 0) {
            if (id.compareTo(stream.lastValidId()) < 0) {
                client.reply().error("ERR The ID specified in XSETID is smaller than the target stream top item");
                return;
            }
            if (entriesAdded != -1 && stream.length() > entriesAdded) {
                client.reply().error("ERR The entries_added specified in XSETID is smaller than the target stream length");
                return;
            }
        }
        if (id.compareTo(stream.maxDeletedId()) < 0) {
            client.reply().error("ERR The ID specified in XSETID is smaller than current max_deleted_entry_id");
            return;
        }
        stream.setLastId(id, entriesAdded, maxDeleted);
        client.db().signalModified(argv[1]);
        client.reply().ok();
        StreamReplies.notify(client, "xsetid", argv[1]);
    }
}
