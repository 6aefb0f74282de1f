package dev.verdict.server.type.stream;

import dev.verdict.server.client.Client;
import dev.verdict.server.command.Args;
import dev.verdict.server.command.Errors;
import dev.verdict.server.db.ObjectType;
import dev.verdict.server.db.RedisObject;
import dev.verdict.server.pubsub.KeyspaceEvents;
import dev.verdict.server.resp.ReplyWriter;

import java.util.List;

/** Reply shapes and key lookups shared by the stream commands. */
final class StreamReplies {

    private StreamReplies() {
    }

    static void id(ReplyWriter reply, StreamId id) {
        reply.bulk(id.toBytes());
    }

    /** One entry: {@code [id, [field, value, ...]]}. */
    static void entry(ReplyWriter reply, StreamEntry entry) {
        reply.arrayHeader(2);
        id(reply, entry.id());
        reply.arrayHeader(entry.fieldsAndValues().length);
        for (byte[] element : entry.fieldsAndValues()) reply.bulk(element);
    }

    /**
     * Moves everything written since {@code mark} behind a header written now: Redis's deferred
     * length, for replies whose element count is known only at the end.
     */
    static byte[] cutSince(ReplyWriter reply, int mark) {
        return reply.pendingBytes() == mark ? new byte[0] : reply.cutSince(mark);
    }

    static void entries(ReplyWriter reply, List<StreamEntry> entries) {
        reply.arrayHeader(entries.size());
        for (StreamEntry e : entries) entry(reply, e);
    }

    /**
     * The key's stream, null when missing; {@code WRONG} after replying WRONGTYPE for another type.
     */
    static Stream lookup(Client client, byte[] key) {
        return checked(client, client.db().lookup(key));
    }

    /** As {@link #lookup}, counted in keyspace hits and misses (lookupKeyRead). */
    static Stream lookupRead(Client client, byte[] key) {
        return checked(client, client.db().lookupRead(key));
    }

    private static Stream checked(Client client, RedisObject value) {
        if (value == null) return null;
        if (value.type() != ObjectType.STREAM) {
            client.reply().error(Errors.WRONGTYPE);
            return WRONG;
        }
        return (Stream) value;
    }

    /** Marker returned by {@link #lookup} after a WRONGTYPE reply. */
    static final Stream WRONG = new Stream();

    static void notify(Client client, String event, byte[] key) {
        client.server().events().notify(KeyspaceEvents.STREAM, event, key, client.db().id());
    }

    /** The named consumer, created (with its notification) when missing; its seen-time refreshed. */
    static Consumer consumer(Client client, ConsumerGroup group, byte[] name, byte[] key, long now) {
        Consumer consumer = group.consumer(name);
        if (consumer == null) {
            consumer = group.createConsumer(name, now);
            notify(client, "xgroup-createconsumer", key);
        }
        consumer.seenTime = now;
        return consumer;
    }

    /** Redis's addReplySubcommandSyntaxError. */
    static void subcommandSyntaxError(Client client, byte[][] argv) {
        client.reply().error("ERR unknown subcommand or wrong number of arguments for '"
                + Args.cString(argv[1], 128) + "'. Try " + Args.upperAscii(Args.cString(argv[0])) + " HELP.");
    }
}
