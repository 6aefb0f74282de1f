package dev.verdict.server.type.stream;

import dev.verdict.server.client.Client;
import dev.verdict.server.command.Args;
import dev.verdict.server.command.CommandFamily;
import dev.verdict.server.command.CommandTable;
import dev.verdict.server.command.Errors;
import dev.verdict.server.command.Help;
import dev.verdict.server.resp.ReplyWriter;

import java.nio.charset.StandardCharsets;
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
        reply.bulk("length");
        reply.integer(s.length());
        reply.bulk("radix-tree-keys");
        reply.integer(s.radixTreeKeys());
        reply.bulk("radix-tree-nodes");
        reply.integer(s.radixTreeNodes());
        reply.bulk("last-generated-id");
        StreamReplies.id(reply, s.lastId());
        reply.bulk("max-deleted-entry-id");
        StreamReplies.id(reply, s.maxDeletedId());
        reply.bulk("entries-added");
        reply.integer(s.entriesAdded());
        reply.bulk("recorded-first-entry-id");
        StreamReplies.id(reply, s.firstId());
        if (!full) {
            reply.bulk("groups");
            reply.integer(s.groups().size());
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
            reply.bulk("name");
            reply.bulk(g.name());
            reply.bulk("last-delivered-id");
            StreamReplies.id(reply, g.lastId());
            reply.bulk("entries-read");
            entriesRead(reply, g);
            reply.bulk("lag");
            lag(reply, s, g);
            reply.bulk("pel-count");
            reply.integer(g.pending().size());
            reply.bulk("pending");
            int shown = (int) Math.min(g.pending().size(), count == 0 ? Long.MAX_VALUE : count);
            reply.arrayHeader(shown);
            int n = 0;
            for (Map.Entry<StreamId, PendingEntry> e : g.pending().entrySet()) {
                if (n++ >= shown) break;
                reply.arrayHeader(4);
                StreamReplies.id(reply, e.getKey());
                reply.bulk(e.getValue().consumer().name());
                reply.integer(e.getValue().deliveryTime());
                reply.integer(e.getValue().deliveryCount());
            }
            reply.bulk("consumers");
            reply.arrayHeader(g.consumers().size());
            for (Consumer c : g.consumers().values()) {
                reply.mapHeader(4);
                reply.bulk("name");
                reply.bulk(c.name());
                reply.bulk("seen-time");
                reply.integer(c.seenTime());
                reply.bulk("pel-count");
                reply.integer(c.pending().size());
                reply.bulk("pending");
                int cshown = (int) Math.min(c.pending().size(), count == 0 ? Long.MAX_VALUE : count);
                reply.arrayHeader(cshown);
                int m = 0;
                for (Map.Entry<StreamId, PendingEntry> e : c.pending().entrySet()) {
                    if (m++ >= cshown) break;
                    reply.arrayHeader(3);
                    StreamReplies.id(reply, e.getKey());
                    reply.integer(e.getValue().deliveryTime());
                    reply.integer(e.getValue().deliveryCount());
                }
            }
        }
    }

    private static void edgeEntry(ReplyWriter reply, List<StreamEntry> one) {
        if (one.isEmpty()) reply.nullBulk();
        else StreamReplies.entry(reply, one.get(0));
    }

    private static void entriesRead(ReplyWriter reply, ConsumerGroup g) {
        if (g.entriesRead() != ConsumerGroup.INVALID_ENTRIES_READ) reply.integer(g.entriesRead());
        else reply.nullBulk();
    }

    private static void lag(ReplyWriter reply, Stream s, ConsumerGroup g) {
        Long lag = s.lag(g);
        if (lag == null) reply.nullBulk();
        else reply.integer(lag);
    }

    static void groups(Client client, byte[][] argv) {
        Stream s = lookup(client, argv);
        if (s == null) return;
        ReplyWriter reply = client.reply();
        reply.arrayHeader(s.groups().size());
        for (ConsumerGroup g : s.groups().values()) {
            reply.mapHeader(6);
            reply.bulk("name");
            reply.bulk(g.name());
            reply.bulk("consumers");
            reply.integer(g.consumers().size());
            reply.bulk("pending");
            reply.integer(g.pending().size());
            reply.bulk("last-delivered-id");
            StreamReplies.id(reply, g.lastId());
            reply.bulk("entries-read");
            entriesRead(reply, g);
            reply.bulk("lag");
            lag(reply, s, g);
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
            reply.bulk("name");
            reply.bulk(c.name());
            reply.bulk("pending");
            reply.integer(c.pending().size());
            reply.bulk("idle");
            reply.integer(Math.max(0, now - c.seenTime()));
        }
    }
}
