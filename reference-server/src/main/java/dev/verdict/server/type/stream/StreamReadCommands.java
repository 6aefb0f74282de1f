package dev.verdict.server.type.stream;

import dev.verdict.server.blocking.Timeouts;
import dev.verdict.server.client.Client;
import dev.verdict.server.command.Args;
import dev.verdict.server.command.CommandFamily;
import dev.verdict.server.command.CommandTable;
import dev.verdict.server.command.Errors;
import dev.verdict.server.blocking.BlockedRequest;
import dev.verdict.server.db.RedisObject;
import dev.verdict.server.resp.ReplyWriter;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** XREAD and XREADGROUP (xreadCommand): one parser, one synchronous serving loop. */
public final class StreamReadCommands implements CommandFamily {

    /** {@code >}: deliver entries never delivered to the group. */
    static final StreamId NEW_ENTRIES = StreamId.MAX;

    @Override
    public void register(CommandTable table) {
        table.bind("xread", (c, argv) -> read(c, argv, false));
        table.bind("xreadgroup", (c, argv) -> read(c, argv, true));
    }

    /** A parsed XREAD/XREADGROUP request. */
    record Request(long timeoutMillis, long count, boolean noack, byte[] group, byte[] consumer,
                   byte[][] keys, StreamId[] ids) {
    }

    static void read(Client client, byte[][] argv, boolean xreadgroup) {
        if (xreadgroup) StreamPropagation.onlyEffects(client);
        Request request = parse(client, argv, xreadgroup);
        if (request == null) return;
        if (serve(client, request)) return;
        if (request.timeoutMillis() == -1 || client.denyBlocking()) {
            client.reply().nullArray();
            return;
        }
        long deadline = 0;
        if (request.timeoutMillis() > 0) {
            deadline = Timeouts.deadlineAfter(client, request.timeoutMillis());
        }
        client.server().blocked().block(client, client.db(), request.keys(), deadline, new StreamWait(request));
    }

    /**
     * A client blocked in XREAD/XREADGROUP (serveClientsBlockedOnStreamKey): served from the one
     * key that became ready once it holds an entry after the requested ID, or for a group after
     * the group's last delivered ID at that moment.
     */
    private record StreamWait(Request request) implements BlockedRequest {

        @Override
        public boolean tryServe(Client client, byte[] key) {
            RedisObject value = client.db().lookup(key);
            if (!(value instanceof Stream stream)) {
                // Redis 7.0 wakes group readers of a deleted or retyped key; plain readers wait on.
                if (request.group() == null) return false;
                client.reply().error("UNBLOCKED the stream key no longer exists");
                return true;
            }
            int k = 0;
            while (!Arrays.equals(request.keys()[k], key)) k++;
            StreamId after = request.ids()[k];
            ConsumerGroup group = null;
            if (request.group() != null) {
                group = stream.group(request.group());
                if (group == null) {
                    client.reply().error("NOGROUP the consumer group this client was blocked on no longer exists");
                    return true;
                }
                after = group.lastId();
            }
            if (stream.lastId().compareTo(after) <= 0) return false;
            long now = client.server().clock().millis();
            Consumer consumer = group == null ? null : groupConsumer(client, request, group, key, now);
            ReplyWriter reply = client.reply();
            if (client.protocol() == 2) {
                reply.arrayHeader(1);
                reply.arrayHeader(2);
            } else {
                reply.mapHeader(1);
            }
            reply.bulk(key);
            replyNew(client, key, stream, after.next(), request.count(), group, consumer, request.noack(), now);
            return true;
        }
    }

    static Request parse(Client client, byte[][] argv, boolean xreadgroup) {
        long timeout = -1;
        long count = 0;
        int streamsArg = 0;
        int streamsCount = 0;
        boolean noack = false;
        byte[] group = null;
        byte[] consumer = null;
        String name = xreadgroup ? "XREADGROUP" : "XREAD";
        for (int i = 1; i < argv.length; i++) {
            int more = argv.length - i - 1;
            byte[] o = argv[i];
            if (Args.is(o, "block") && more > 0) {
                i++;
                timeout = Timeouts.millis(client, argv[i]);
                if (timeout == Timeouts.INVALID) return null;
            } else if (Args.is(o, "count") && more > 0) {
                i++;
                Long v = Args.parseLong(argv[i]);
                if (v == null) {
                    client.reply().error(Errors.NOT_INTEGER);
                    return null;
                }
                count = Math.max(v, 0);
            } else if (Args.is(o, "streams") && more > 0) {
                streamsArg = i + 1;
                streamsCount = argv.length - streamsArg;
                if (streamsCount % 2 != 0) {
                    // Redis 7.0.15 has one fixed text for both commands.
                    client.reply().error("ERR Unbalanced XREAD list of streams: for each stream key an ID or '$' must be specified.");
                    return null;
                }
                streamsCount /= 2;
                break;
            } else if (Args.is(o, "group") && more >= 2) {
                if (!xreadgroup) {
                    client.reply().error("ERR The GROUP option is only supported by XREADGROUP. You called XREAD instead.");
                    return null;
                }
                group = argv[i + 1];
                consumer = argv[i + 2];
                i += 2;
            } else if (Args.is(o, "noack")) {
                if (!xreadgroup) {
                    client.reply().error("ERR The NOACK option is only supported by XREADGROUP. You called XREAD instead.");
                    return null;
                }
                noack = true;
            } else {
                client.reply().error(Errors.SYNTAX);
                return null;
            }
        }
        if (streamsArg == 0) {
            client.reply().error(Errors.SYNTAX);
            return null;
        }
        if (xreadgroup && group == null) {
            client.reply().error("ERR Missing GROUP option for XREADGROUP");
            return null;
        }
        byte[][] keys = new byte[streamsCount][];
        StreamId[] ids = new StreamId[streamsCount];
        for (int k = 0; k < streamsCount; k++) {
            byte[] key = argv[streamsArg + k];
            byte[] idArg = argv[streamsArg + streamsCount + k];
            keys[k] = key;
            Stream stream = StreamReplies.lookupRead(client, key);
            if (stream == StreamReplies.WRONG) return null;
            if (group != null && (stream == null || stream.group(group) == null)) {
                client.reply().error("NOGROUP No such key '" + Args.cString(key) + "' or consumer group '" + Args.cString(group)
                        + "' in XREADGROUP with GROUP option");
                return null;
            }
            if (idArg.length == 1 && idArg[0] == '$') {
                if (xreadgroup) {
                    client.reply().error("ERR The $ ID is meaningless in the context of XREADGROUP: you want to read the "
                            + "history of this consumer by specifying a proper ID, or use the > ID to get new messages. "
                            + "The $ ID would just return an empty result set.");
                    return null;
                }
                ids[k] = stream == null ? StreamId.MIN : stream.lastId();
                continue;
            }
            if (idArg.length == 1 && idArg[0] == '>') {
                if (!xreadgroup) {
                    client.reply().error("ERR The > ID can be specified only when calling XREADGROUP using the GROUP "
                            + "<group> <consumer> option.");
                    return null;
                }
                ids[k] = NEW_ENTRIES;
                continue;
            }
            StreamId id = StreamIdArg.parse(idArg, 0, true);
            if (id == null) {
                client.reply().error(StreamIdArg.INVALID);
                return null;
            }
            ids[k] = id;
        }
        return new Request(timeout, count, noack, group, consumer, keys, ids);
    }

    /**
     * Serves every stream that has something for the request, writing the whole reply; false
     * (and nothing written) when no stream had anything.
     */
    static boolean serve(Client client, Request request) {
        ReplyWriter reply = client.reply();
        int mark = reply.pendingBytes();
        int served = 0;
        long now = client.server().clock().millis();
        for (int k = 0; k < request.keys().length; k++) {
            byte[] key = request.keys()[k];
            Stream stream = (Stream) client.db().lookupRead(key);
            if (stream == null) continue;
            StreamId after = request.ids()[k];
            boolean history = false;
            ConsumerGroup group = null;
            Consumer consumer = null;
            boolean serve = false;
            if (request.group() != null) {
                group = stream.group(request.group());
                if (!after.equals(NEW_ENTRIES)) {
                    serve = true;
                    history = true;
                } else if (stream.length() > 0 && stream.lastValidId().compareTo(group.lastId()) > 0) {
                    serve = true;
                    after = group.lastId();
                }
            } else if (stream.length() > 0 && stream.lastValidId().compareTo(after) > 0) {
                serve = true;
            }
            if (!serve) continue;
            // A group's consumer comes into being only when it is served.
            if (group != null) consumer = groupConsumer(client, request, group, key, now);
            served++;
            if (client.protocol() == 2) reply.arrayHeader(2);
            reply.bulk(key);
            StreamId start = after.next();
            if (history) {
                replyConsumerHistory(reply, stream, start, request.count(), consumer, now);
            } else {
                replyNew(client, key, stream, start, request.count(), group, consumer, request.noack(), now);
            }
        }
        if (served == 0) return false;
        byte[] body = StreamReplies.cutSince(reply, mark);
        if (client.protocol() == 2) reply.arrayHeader(served);
        else reply.mapHeader(served);
        reply.raw(body);
        return true;
    }

    /**
     * The group's consumer, created when missing; a NOACK read propagates the creation, since no
     * XCLAIM will (xreadCommand).
     */
    private static Consumer groupConsumer(Client client, Request request, ConsumerGroup group, byte[] key, long now) {
        boolean created = group.consumer(request.consumer()) == null;
        Consumer consumer = StreamReplies.consumer(client, group, request.consumer(), key, now);
        if (created && request.noack()) StreamPropagation.consumerCreated(client, key, group, consumer.name());
        return consumer;
    }

    /**
     * Entries after {@code start}; with a group they become pending for the consumer unless NOACK.
     * Each delivery propagates as an XCLAIM of the new pending entry; a NOACK read, which leaves
     * nothing pending, as the group's new last ID.
     */
    private static void replyNew(Client client, byte[] key, Stream stream, StreamId start, long count,
                                 ConsumerGroup group, Consumer consumer, boolean noack, long now) {
        ReplyWriter reply = client.reply();
        List<StreamEntry> entries = start == null ? List.of() : stream.range(start, StreamId.MAX, count, false);
        reply.arrayHeader(entries.size());
        for (StreamEntry e : entries) {
            if (group != null) stream.advanceGroup(group, e.id());
            StreamReplies.entry(reply, e);
            if (group != null && !noack) {
                group.deliver(e.id(), consumer, now);
                StreamPropagation.xclaim(client, key, group, e.id().toBytes(), group.pel.get(e.id()));
            }
        }
        if (group != null && noack && !entries.isEmpty()) StreamPropagation.groupLastId(client, key, group);
    }

    /** The consumer's own pending entries from {@code start}; deleted ones come back as {@code [id, nil]}. */
    private static void replyConsumerHistory(ReplyWriter reply, Stream stream, StreamId start, long count,
                                             Consumer consumer, long now) {
        List<StreamId> ids = new ArrayList<>();
        if (start != null) {
            for (StreamId id : consumer.pel.tailMap(start, true).keySet()) {
                if (count != 0 && ids.size() >= count) break;
                ids.add(id);
            }
        }
        reply.arrayHeader(ids.size());
        for (StreamId id : ids) {
            StreamEntry entry = stream.get(id);
            if (entry == null) {
                reply.arrayHeader(2);
                StreamReplies.id(reply, id);
                reply.nullArray();
            } else {
                StreamReplies.entry(reply, entry);
                PendingEntry nack = consumer.pel.get(id);
                nack.deliveryTime = now;
                nack.deliveryCount++;
            }
        }
    }

}
