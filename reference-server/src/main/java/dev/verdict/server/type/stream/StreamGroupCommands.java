package dev.verdict.server.type.stream;

import dev.verdict.server.client.Client;
import dev.verdict.server.command.Args;
import dev.verdict.server.command.CommandFamily;
import dev.verdict.server.command.CommandTable;
import dev.verdict.server.command.Errors;
import dev.verdict.server.command.Help;
import dev.verdict.server.resp.ReplyWriter;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/** Consumer-group commands: XGROUP, XACK, XPENDING, XCLAIM, XAUTOCLAIM. */
public final class StreamGroupCommands implements CommandFamily {

    @Override
    public void register(CommandTable table) {
        for (String sub : new String[]{"create", "setid", "destroy", "createconsumer", "delconsumer"}) {
            table.bind("xgroup|" + sub, StreamGroupCommands::xgroup);
        }
        table.bind("xgroup|help", (c, argv) -> Help.reply(c, "XGROUP",
                "CREATE <key> <groupname> <id|$> [option]",
                "    Create a new consumer group. Options are:",
                "    * MKSTREAM",
                "      Create the empty stream if it does not exist.",
                "    * ENTRIESREAD entries_read",
                "      Set the group's entries_read counter (internal use).",
                "CREATECONSUMER <key> <groupname> <consumer>",
                "    Create a new consumer in the specified group.",
                "DELCONSUMER <key> <groupname> <consumer>",
                "    Remove the specified consumer.",
                "DESTROY <key> <groupname>",
                "    Remove the specified group.",
                "SETID <key> <groupname> <id|$> [ENTRIESREAD entries_read]",
                "    Set the current group ID and entries_read counter."));
        table.bind("xack", StreamGroupCommands::xack);
        table.bind("xpending", StreamGroupCommands::xpending);
        table.bind("xclaim", StreamGroupCommands::xclaim);
        table.bind("xautoclaim", StreamGroupCommands::xautoclaim);
    }


    private static String noGroup(byte[] key, byte[] group) {
        return "NOGROUP No such key '" + Args.cString(key) + "' or consumer group '" + Args.cString(group) + "'";
    }

    static void xgroup(Client client, byte[][] argv) {
        byte[] opt = argv[1];
        boolean create = Args.is(opt, "create");
        boolean mkstream = false;
        long entriesRead = ConsumerGroup.INVALID_ENTRIES_READ;
        // CREATE and SETID options are parsed before the key is looked up, as xgroupCommand does
        if ((create || Args.is(opt, "setid")) && argv.length >= 5) {
            int i = 5;
            while (i < argv.length) {
                if (create && Args.is(argv[i], "mkstream")) {
                    mkstream = true;
                    i++;
                } else if (Args.is(argv[i], "entriesread") && i + 1 < argv.length) {
                    Long v = Args.parseLong(argv[i + 1]);
                    if (v == null) {
                        client.reply().error(Errors.NOT_INTEGER);
                        return;
                    }
                    if (v < 0 && v != ConsumerGroup.INVALID_ENTRIES_READ) {
                        client.reply().error("ERR value for ENTRIESREAD must be positive or -1");
                        return;
                    }
                    entriesRead = v;
                    i += 2;
                } else {
                    StreamReplies.subcommandSyntaxError(client, argv);
                    return;
                }
            }
        }
        byte[] key = argv[2];
        Stream stream = StreamReplies.lookup(client, key);
        if (stream == StreamReplies.WRONG) return;
        byte[] groupName = argv[3];
        ConsumerGroup group = null;
        if (!mkstream) {
            if (stream == null) {
                client.reply().error("ERR The XGROUP subcommand requires the key to exist. Note that for CREATE you "
                        + "may want to use the MKSTREAM option to create an empty stream automatically.");
                return;
            }
            group = stream.group(groupName);
            if (group == null && !create && !Args.is(opt, "destroy")) {
                client.reply().error("NOGROUP No such consumer group '" + Args.cString(groupName) + "' for key name '"
                        + Args.cString(key) + "'");
                return;
            }
        }
        long now = client.server().clock().millis();
        if (create) {
            if (argv.length > 8) {
                StreamReplies.subcommandSyntaxError(client, argv);
                return;
            }
            StreamId id;
            if (argv[4].length == 1 && argv[4][0] == '$') {
                id = stream == null ? StreamId.MIN : stream.lastId();
            } else {
                id = StreamIdArg.parse(argv[4], 0, true);
                if (id == null) {
                    client.reply().error(StreamIdArg.INVALID);
                    return;
                }
            }
            if (stream == null) {
                stream = new Stream();
                client.db().add(key, stream);
            }
            if (stream.createGroup(groupName, id, entriesRead) != null) {
                client.reply().ok();
                dirty(client, 1);
                StreamReplies.notify(client, "xgroup-create", key);
            } else {
                client.reply().error("BUSYGROUP Consumer Group name already exists");
            }
        } else if (Args.is(opt, "setid")) {
            if (argv.length != 5 && argv.length != 7) {
                StreamReplies.subcommandSyntaxError(client, argv);
                return;
            }
            StreamId id;
            if (argv[4].length == 1 && argv[4][0] == '$') {
                id = stream.lastId();
            } else {
                id = StreamIdArg.parse(argv[4], 0, false);
                if (id == null) {
                    client.reply().error(StreamIdArg.INVALID);
                    return;
                }
            }
            group.setLastId(id, entriesRead);
            client.reply().ok();
            dirty(client, 1);
            StreamReplies.notify(client, "xgroup-setid", key);
        } else if (Args.is(opt, "destroy")) {
            if (group != null && stream.destroyGroup(groupName)) {
                client.reply().integer(1);
                dirty(client, 1);
                StreamReplies.notify(client, "xgroup-destroy", key);
                // Clients blocked in XREADGROUP on this group get their NOGROUP error now.
                client.server().blocked().signalKeyAsReady(client.db(), key);
            } else {
                client.reply().integer(0);
            }
        } else if (Args.is(opt, "createconsumer")) {
            Consumer created = group.createConsumer(argv[4], now);
            if (created != null) {
                dirty(client, 1);
                StreamReplies.notify(client, "xgroup-createconsumer", key);
            }
            client.reply().integer(created != null ? 1 : 0);
        } else if (Args.is(opt, "delconsumer")) {
            // A consumer that does not exist is no change: no event, nothing propagated.
            boolean existed = group.consumer(argv[4]) != null;
            client.reply().integer(group.deleteConsumer(argv[4]));
            if (existed) {
                dirty(client, 1);
                StreamReplies.notify(client, "xgroup-delconsumer", key);
            }
        } else {
            StreamReplies.subcommandSyntaxError(client, argv);
        }
    }

    static void xack(Client client, byte[][] argv) {
        Stream stream = StreamReplies.lookupRead(client, argv[1]);
        if (stream == StreamReplies.WRONG) return;
        ConsumerGroup group = stream == null ? null : stream.group(argv[2]);
        if (group == null) {
            client.reply().integer(0);
            return;
        }
        List<StreamId> ids = new ArrayList<>();
        for (int j = 3; j < argv.length; j++) {
            StreamId id = StreamIdArg.parse(argv[j], 0, true);
            if (id == null) {
                client.reply().error(StreamIdArg.INVALID);
                return;
            }
            ids.add(id);
        }
        int acknowledged = 0;
        for (StreamId id : ids) {
            if (group.acknowledge(id)) acknowledged++;
        }
        dirty(client, acknowledged);
        client.reply().integer(acknowledged);
    }

    static void xpending(Client client, byte[][] argv) {
        boolean summary = argv.length == 3;
        if (argv.length != 3 && (argv.length < 6 || argv.length > 9)) {
            client.reply().error(Errors.SYNTAX);
            return;
        }
        StreamId start = null;
        StreamId end = null;
        long count = 0;
        long minIdle = 0;
        byte[] consumerName = null;
        if (argv.length >= 6) {
            int startIdx = 3;
            if (Args.is(argv[3], "idle")) {
                Long v = Args.parseLong(argv[4]);
                if (v == null) {
                    client.reply().error(Errors.NOT_INTEGER);
                    return;
                }
                minIdle = v;
                if (argv.length < 8) {
                    client.reply().error(Errors.SYNTAX);
                    return;
                }
                startIdx += 2;
            }
            Long c = Args.parseLong(argv[startIdx + 2]);
            if (c == null) {
                client.reply().error(Errors.NOT_INTEGER);
                return;
            }
            count = Math.max(c, 0);
            StreamIdArg.Bound s = StreamIdArg.parseBound(argv[startIdx], 0);
            if (s == null) {
                client.reply().error(StreamIdArg.INVALID);
                return;
            }
            start = s.id();
            if (s.exclusive() && (start = start.next()) == null) {
                client.reply().error("ERR invalid start ID for the interval");
                return;
            }
            StreamIdArg.Bound e = StreamIdArg.parseBound(argv[startIdx + 1], -1L);
            if (e == null) {
                client.reply().error(StreamIdArg.INVALID);
                return;
            }
            end = e.id();
            if (e.exclusive() && (end = end.previous()) == null) {
                client.reply().error("ERR invalid end ID for the interval");
                return;
            }
            if (startIdx + 3 < argv.length) consumerName = argv[startIdx + 3];
        }
        Stream stream = StreamReplies.lookupRead(client, argv[1]);
        if (stream == StreamReplies.WRONG) return;
        ConsumerGroup group = stream == null ? null : stream.group(argv[2]);
        if (group == null) {
            client.reply().error(noGroup(argv[1], argv[2]));
            return;
        }
        ReplyWriter reply = client.reply();
        if (summary) {
            reply.arrayHeader(4);
            reply.integer(group.pel.size());
            if (group.pel.isEmpty()) {
                reply.nullBulk();
                reply.nullBulk();
                reply.nullArray();
                return;
            }
            StreamReplies.id(reply, group.pel.firstKey());
            StreamReplies.id(reply, group.pel.lastKey());
            List<Consumer> withPending = new ArrayList<>();
            for (Consumer c : group.consumers.values()) if (!c.pel.isEmpty()) withPending.add(c);
            reply.arrayHeader(withPending.size());
            for (Consumer c : withPending) {
                reply.arrayHeader(2);
                reply.bulk(c.name());
                reply.bulkLong(c.pel.size());
            }
            return;
        }
        Consumer consumer = null;
        if (consumerName != null) {
            consumer = group.consumer(consumerName);
            if (consumer == null) {
                reply.emptyArray();
                return;
            }
        }
        NavigableMap<StreamId, PendingEntry> pel = consumer != null ? consumer.pel : group.pel;
        long now = client.server().clock().millis();
        List<Map.Entry<StreamId, PendingEntry>> out = new ArrayList<>();
        if (start.compareTo(end) <= 0) {
            for (Map.Entry<StreamId, PendingEntry> e : pel.subMap(start, true, end, true).entrySet()) {
                if (out.size() >= count) break;
                if (minIdle != 0 && now - e.getValue().deliveryTime < minIdle) continue;
                out.add(e);
            }
        }
        reply.arrayHeader(out.size());
        for (Map.Entry<StreamId, PendingEntry> e : out) {
            PendingEntry nack = e.getValue();
            reply.arrayHeader(4);
            StreamReplies.id(reply, e.getKey());
            reply.bulk(nack.consumer.name());
            reply.integer(Math.max(0, now - nack.deliveryTime));
            reply.integer(nack.deliveryCount);
        }
    }

    private static Long longOr(Client client, byte[] arg, String error) {
        Long v = Args.parseLong(arg);
        if (v == null) client.reply().error(error);
        return v;
    }

    static void xclaim(Client client, byte[][] argv) {
        StreamPropagation.onlyEffects(client);
        Stream stream = StreamReplies.lookupRead(client, argv[1]);
        if (stream == StreamReplies.WRONG) return;
        ConsumerGroup group = stream == null ? null : stream.group(argv[2]);
        if (group == null) {
            client.reply().error(noGroup(argv[1], argv[2]));
            return;
        }
        Long minIdleArg = longOr(client, argv[4], "ERR Invalid min-idle-time argument for XCLAIM");
        if (minIdleArg == null) return;
        long minIdle = Math.max(minIdleArg, 0);
        int j = 5;
        List<StreamId> ids = new ArrayList<>();
        int firstId = j;
        for (; j < argv.length; j++) {
            StreamId id = StreamIdArg.parse(argv[j], 0, true);
            if (id == null) break;
            ids.add(id);
        }
        long now = client.server().clock().millis();
        long deliveryTime = -1;
        long retryCount = -1;
        boolean force = false;
        boolean justId = false;
        StreamId lastId = StreamId.MIN;
        for (; j < argv.length; j++) {
            boolean more = j + 1 < argv.length;
            byte[] opt = argv[j];
            if (Args.is(opt, "force")) {
                force = true;
            } else if (Args.is(opt, "justid")) {
                justId = true;
            } else if (Args.is(opt, "idle") && more) {
                Long v = longOr(client, argv[++j], "ERR Invalid IDLE option argument for XCLAIM");
                if (v == null) return;
                deliveryTime = now - v;
            } else if (Args.is(opt, "time") && more) {
                Long v = longOr(client, argv[++j], "ERR Invalid TIME option argument for XCLAIM");
                if (v == null) return;
                deliveryTime = v;
            } else if (Args.is(opt, "retrycount") && more) {
                Long v = longOr(client, argv[++j], "ERR Invalid RETRYCOUNT option argument for XCLAIM");
                if (v == null) return;
                retryCount = v;
            } else if (Args.is(opt, "lastid") && more) {
                StreamId v = StreamIdArg.parse(argv[++j], 0, true);
                if (v == null) {
                    client.reply().error(StreamIdArg.INVALID);
                    return;
                }
                lastId = v;
            } else {
                client.reply().error("ERR Unrecognized XCLAIM option '" + Args.cString(opt) + "'");
                return;
            }
        }
        // A LASTID beyond the group's moves it; propagated by the XCLAIMs below, or alone when none is.
        boolean propagateLastId = false;
        if (lastId.compareTo(group.lastId) > 0) {
            group.lastId = lastId;
            propagateLastId = true;
        }
        if (deliveryTime != -1) {
            if (deliveryTime < 0 || deliveryTime > now) deliveryTime = now;
        } else {
            deliveryTime = now;
        }
        ReplyWriter reply = client.reply();
        int mark = reply.pendingBytes();
        int claimed = 0;
        Consumer consumer = null;
        for (int i = 0; i < ids.size(); i++) {
            StreamId id = ids.get(i);
            byte[] idArg = argv[firstId + i];
            PendingEntry nack = group.pel.get(id);
            if (stream.get(id) == null) {
                if (nack != null) {
                    // replayed, the XCLAIM of a deleted entry drops it from the PEL there too
                    StreamPropagation.xclaim(client, argv[1], group, idArg, nack);
                    propagateLastId = false;
                    dirty(client, 1);
                    group.acknowledge(id);
                }
                continue;
            }
            if (force && nack == null) nack = group.forceCreate(id, now);
            if (nack == null) continue;
            if (nack.consumer != null && minIdle != 0 && now - nack.deliveryTime < minIdle) continue;
            if (consumer == null) consumer = StreamReplies.consumer(client, group, argv[3], argv[1], now);
            nack.deliveryTime = deliveryTime;
            if (retryCount >= 0) nack.deliveryCount = retryCount;
            else if (!justId) nack.deliveryCount++;
            group.claim(id, nack, consumer);
            if (justId) StreamReplies.id(reply, id);
            else StreamReplies.entry(reply, stream.get(id));
            StreamPropagation.xclaim(client, argv[1], group, idArg, nack);
            propagateLastId = false;
            dirty(client, 1);
            claimed++;
        }
        if (propagateLastId) {
            StreamPropagation.groupLastId(client, argv[1], group);
            dirty(client, 1);
        }
        byte[] body = StreamReplies.cutSince(reply, mark);
        reply.arrayHeader(claimed);
        reply.raw(body);
    }

    /** server.dirty for group changes, which touch no key (no WATCH, no signalModifiedKey), as in Redis. */
    private static void dirty(Client client, long changes) {
        for (long i = 0; i < changes; i++) client.server().persistence().incrementDirty();
    }

    static void xautoclaim(Client client, byte[][] argv) {
        StreamPropagation.onlyEffects(client);
        Long minIdleArg = longOr(client, argv[4], "ERR Invalid min-idle-time argument for XAUTOCLAIM");
        if (minIdleArg == null) return;
        long minIdle = Math.max(minIdleArg, 0);
        StreamIdArg.Bound startBound = StreamIdArg.parseBound(argv[5], 0);
        if (startBound == null) {
            client.reply().error(StreamIdArg.INVALID);
            return;
        }
        StreamId start = startBound.id();
        if (startBound.exclusive() && (start = start.next()) == null) {
            client.reply().error("ERR invalid start ID for the interval");
            return;
        }
        long count = 100;
        boolean justId = false;
        for (int j = 6; j < argv.length; j++) {
            boolean more = j + 1 < argv.length;
            if (Args.is(argv[j], "count") && more) {
                Long v = Args.parseLong(argv[j + 1]);
                if (v == null || v < 1 || v > Long.MAX_VALUE / 16) {
                    client.reply().error("ERR COUNT must be > 0");
                    return;
                }
                count = v;
                j++;
            } else if (Args.is(argv[j], "justid")) {
                justId = true;
            } else {
                client.reply().error(Errors.SYNTAX);
                return;
            }
        }
        Stream stream = StreamReplies.lookupRead(client, argv[1]);
        if (stream == StreamReplies.WRONG) return;
        ConsumerGroup group = stream == null ? null : stream.group(argv[2]);
        if (group == null) {
            client.reply().error(noGroup(argv[1], argv[2]));
            return;
        }
        long attempts = count * 10;
        long now = client.server().clock().millis();
        ReplyWriter reply = client.reply();
        int mark = reply.pendingBytes();
        int claimed = 0;
        List<StreamId> deleted = new ArrayList<>();
        Consumer consumer = null;
        StreamId cursor = start;
        StreamId next = null;
        while (true) {
            Map.Entry<StreamId, PendingEntry> e = group.pel.ceilingEntry(cursor);
            if (attempts == 0 || count == 0) {
                next = e == null ? null : e.getKey();
                break;
            }
            attempts--;
            if (e == null) break;
            StreamId id = e.getKey();
            PendingEntry nack = e.getValue();
            cursor = id.next();
            if (stream.get(id) == null) {
                StreamPropagation.xclaim(client, argv[1], group, id.toBytes(), nack);
                dirty(client, 1);
                group.acknowledge(id);
                deleted.add(id);
                count--;
            } else if (minIdle == 0 || now - nack.deliveryTime >= minIdle) {
                if (consumer == null) consumer = StreamReplies.consumer(client, group, argv[3], argv[1], now);
                nack.deliveryTime = now;
                if (!justId) nack.deliveryCount++;
                group.claim(id, nack, consumer);
                if (justId) StreamReplies.id(reply, id);
                else StreamReplies.entry(reply, stream.get(id));
                StreamPropagation.xclaim(client, argv[1], group, id.toBytes(), nack);
                dirty(client, 1);
                claimed++;
                count--;
            }
            if (cursor == null) break;
        }
        byte[] body = StreamReplies.cutSince(reply, mark);
        reply.arrayHeader(3);
        StreamReplies.id(reply, next == null ? StreamId.MIN : next);
        reply.arrayHeader(claimed);
        reply.raw(body);
        reply.arrayHeader(deleted.size());
        for (StreamId id : deleted) StreamReplies.id(reply, id);
    }
}
