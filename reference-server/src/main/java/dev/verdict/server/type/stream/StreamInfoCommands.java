package dev.verdict.server.type.stream;

import dev.verdict.server.client.Client;
import dev.verdict.server.command.Args;
import dev.verdict.server.command.CommandFamily;
import dev.verdict.server.command.CommandTable;
import dev.verdict.server.command.Errors;
import dev.verdict.server.command.Help;
import dev.verdict.server.resp.ReplyWriter;

import java.util.List;
import java.util.Map;

/** XINFO STREAM [FULL [COUNT n]], XINFO GROUPS, XINFO CONSUMERS, with Redis 7.0's fields. */
public final class StreamInfoCommands implements CommandFamily {

    @Override
    public void register(CommandTable table) {
        table.bind("xinfo|stream", StreamInfoCommands::stream);
        table.bind("xinfo|groups", StreamInfoCommands::groups);
        table.bind("xinfo|consumers", StreamInfoCommands::consumers);
        table.bind("xinfo|help", (c, argv) -> Help.reply(c, "XINFO",
                "CONSUMERS <key> <groupname>",
                "    Show consumers of <groupname>.",
                "GROUPS <key>",
                "    Show the stream consumer groups.",
                "STREAM <key> [FULL [COUNT <count>]",
                "    Show information about the stream."));
    }

    /** The stream at argv[2], or null after replying (no such key, wrong type). */
    private static Stream lookup(Client client, byte[][] argv) {
        Stream stream = StreamReplies.lookupRead(client, argv[2]);
        if (stream == StreamReplies.WRONG) return null;
        if (stream == null) client.reply().error(Errors.NO_SUCH_KEY);
        return stream;
    }

    static void stream(Client client, byte[][] argv) {
        // xinfoCommand looks up the key for every subcommand before XINFO STREAM parses FULL/COUNT
        Stream s = lookup(client, argv);
        if (s == null) return;
        boolean full = false;
        long count = 10;
        int optc = argv.length - 3;
        if (optc > 0) {
            if ((optc != 1 && optc != 3) || !Args.is(argv[3], "full") || (optc == 3 && !Args.is(argv[4], "count"))) {
                StreamReplies.subcommandSyntaxError(client, argv);
                return;
            }
            full = true;
            if (optc == 3) {
                Long v = Args.parseLong(argv[5]);
                if (v == null) {
                    client.reply().error(Errors.NOT_INTEGER);
                    return;
                }
                count = v < 0 ? 10 : v;
            }
        }
        ReplyWriter reply = client.reply();
        reply.mapHeader(full ? 9 : 10);
        field(reply, "length", s.length());
        field(reply, "radix-tree-keys", s.radixTreeKeys());
        field(reply, "radix-tree-nodes", s.radixTreeNodes());
        field(reply, "last-generated-id", s.lastId());
        field(reply, "max-deleted-entry-id", s.maxDeletedId());
        field(reply, "entries-added", s.entriesAdded());
        field(reply, "recorded-first-entry-id", s.firstId());
        if (!full) {
            field(reply, "groups", s.groups().size());
            reply.bulk("first-entry");
            edgeEntry(reply, s.range(StreamId.MIN, StreamId.MAX, 1, false));
            reply.bulk("last-entry");
            edgeEntry(reply, s.range(StreamId.MIN, StreamId.MAX, 1, true));
            return;
        }
        reply.bulk("entries");
        StreamReplies.entries(reply, s.range(StreamId.MIN, StreamId.MAX, count, false));
        reply.bulk("groups");
        reply.arrayHeader(s.groups().size());
        for (ConsumerGroup g : s.groups().values()) {
            reply.mapHeader(7);
            field(reply, "name", g.name());
            readPosition(reply, s, g);
            field(reply, "pel-count", g.pending().size());
            reply.bulk("pending");
            pendingEntries(reply, g.pending(), count, true);
            reply.bulk("consumers");
            reply.arrayHeader(g.consumers().size());
            for (Consumer c : g.consumers().values()) {
                reply.mapHeader(4);
                field(reply, "name", c.name());
                field(reply, "seen-time", c.seenTime());
                field(reply, "pel-count", c.pending().size());
                reply.bulk("pending");
                pendingEntries(reply, c.pending(), count, false);
            }
        }
    }

    private static void field(ReplyWriter reply, String name, long value) {
        reply.bulk(name);
        reply.integer(value);
    }

    private static void field(ReplyWriter reply, String name, byte[] value) {
        reply.bulk(name);
        reply.bulk(value);
    }

    private static void field(ReplyWriter reply, String name, StreamId value) {
        reply.bulk(name);
        StreamReplies.id(reply, value);
    }

    /** A field Redis answers as a null when it cannot tell the value. */
    private static void fieldOrNull(ReplyWriter reply, String name, Long value) {
        reply.bulk(name);
        if (value == null) reply.nullBulk();
        else reply.integer(value);
    }

    private static void edgeEntry(ReplyWriter reply, List<StreamEntry> one) {
        if (one.isEmpty()) reply.nullBulk();
        else StreamReplies.entry(reply, one.get(0));
    }

    /** How far a group has read: last-delivered-id, entries-read and lag, in XINFO GROUPS and STREAM FULL. */
    private static void readPosition(ReplyWriter reply, Stream s, ConsumerGroup g) {
        field(reply, "last-delivered-id", g.lastId());
        fieldOrNull(reply, "entries-read",
                g.entriesRead() == ConsumerGroup.INVALID_ENTRIES_READ ? null : g.entriesRead());
        fieldOrNull(reply, "lag", s.lag(g));
    }

    /**
     * The first {@code count} (0: all) entries of a group's or a consumer's PEL in XINFO STREAM
     * FULL: id, [consumer,] delivery time, delivery count. A consumer's own PEL omits its name.
     */
    private static void pendingEntries(ReplyWriter reply, Map<StreamId, PendingEntry> pel, long count,
                                       boolean withConsumer) {
        int shown = (int) Math.min(pel.size(), count == 0 ? Long.MAX_VALUE : count);
        reply.arrayHeader(shown);
        int n = 0;
        for (Map.Entry<StreamId, PendingEntry> e : pel.entrySet()) {
            if (n++ >= shown) break;
            reply.arrayHeader(withConsumer ? 4 : 3);
            StreamReplies.id(reply, e.getKey());
            if (withConsumer) reply.bulk(e.getValue().consumer().name());
            reply.integer(e.getValue().deliveryTime());
            reply.integer(e.getValue().deliveryCount());
        }
    }

    static void groups(Client client, byte[][] argv) {
        Stream s = lookup(client, argv);
        if (s == null) return;
        ReplyWriter reply = client.reply();
        reply.arrayHeader(s.groups().size());
        for (ConsumerGroup g : s.groups().values()) {
            reply.mapHeader(6);
            field(reply, "name", g.name());
            field(reply, "consumers", g.consumers().size());
            field(reply, "pending", g.pending().size());
            readPosition(reply, s, g);
        }
    }

    static void consumers(Client client, byte[][] argv) {
        Stream s = lookup(client, argv);
        if (s == null) return;
        ConsumerGroup g = s.group(argv[3]);
        if (g == null) {
            client.reply().error("NOGROUP No such consumer group '" + Args.cString(argv[3])
                    + "' for key name '" + Args.cString(argv[2]) + "'");
            return;
        }
        long now = client.server().clock().millis();
        ReplyWriter reply = client.reply();
        reply.arrayHeader(g.consumers().size());
        for (Consumer c : g.consumers().values()) {
            reply.mapHeader(3);
            field(reply, "name", c.name());
            field(reply, "pending", c.pending().size());
            field(reply, "idle", Math.max(0, now - c.seenTime()));
        }
    }
}
