package dev.verdict.server.pubsub;

import dev.verdict.server.client.Client;
import dev.verdict.server.db.BytesKey;
import dev.verdict.server.resp.ReplyWriter;
import dev.verdict.server.util.GlobPattern;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The server's subscription registry and message delivery (Redis's pubsub.c): channel and
 * shard-channel subscribers by name, pattern subscribers by pattern.
 */
public final class PubSub {

    /** The three kinds of subscription, with the words Redis uses in its replies. */
    public enum Kind {
        CHANNEL("subscribe", "unsubscribe", "message"),
        PATTERN("psubscribe", "punsubscribe", "pmessage"),
        SHARD("ssubscribe", "sunsubscribe", "smessage");

        final byte[] subscribeWord;
        final byte[] unsubscribeWord;
        final byte[] messageWord;

        Kind(String subscribe, String unsubscribe, String message) {
            this.subscribeWord = subscribe.getBytes();
            this.unsubscribeWord = unsubscribe.getBytes();
            this.messageWord = message.getBytes();
        }
    }

    private final Map<BytesKey, Set<Client>> channels = new HashMap<>();
    private final Map<BytesKey, Set<Client>> patterns = new HashMap<>();
    private final Map<BytesKey, Set<Client>> shardChannels = new HashMap<>();

    public void subscribe(Client client, Kind kind, byte[] name) {
        BytesKey key = new BytesKey(name);
        if (own(client, kind).add(key)) registry(kind).computeIfAbsent(key, k -> new LinkedHashSet<>()).add(client);
        ReplyWriter reply = client.reply();
        reply.pushHeader(3);
        reply.bulk(kind.subscribeWord);
        reply.bulk(name);
        reply.integer(countFor(client, kind));
    }

    /** Unsubscribes from {@code name}, or from everything of that kind when {@code names} is empty. */
    public void unsubscribe(Client client, Kind kind, byte[][] names, int from) {
        if (from >= names.length) {
            unsubscribeAll(client, kind, true);
            return;
        }
        for (int i = from; i < names.length; i++) unsubscribe(client, kind, names[i], true);
    }

    /** Drops every subscription of {@code kind}; with {@code notify} replies as UNSUBSCRIBE without arguments. */
    public void unsubscribeAll(Client client, Kind kind, boolean notify) {
        Set<BytesKey> own = own(client, kind);
        if (own.isEmpty()) {
            if (notify) {
                ReplyWriter reply = client.reply();
                reply.pushHeader(3);
                reply.bulk(kind.unsubscribeWord);
                reply.nullBulk();
                reply.integer(countFor(client, kind));
            }
            return;
        }
        for (BytesKey name : new ArrayList<>(own)) unsubscribe(client, kind, name.bytes(), notify);
    }

    private void unsubscribe(Client client, Kind kind, byte[] name, boolean notify) {
        BytesKey key = new BytesKey(name);
        if (own(client, kind).remove(key)) {
            Map<BytesKey, Set<Client>> registry = registry(kind);
            Set<Client> subscribers = registry.get(key);
            if (subscribers != null) {
                subscribers.remove(client);
                if (subscribers.isEmpty()) registry.remove(key);
            }
        }
        if (!notify) return;
        ReplyWriter reply = client.reply();
        reply.pushHeader(3);
        reply.bulk(kind.unsubscribeWord);
        reply.bulk(name);
        reply.integer(countFor(client, kind));
    }

    /** Drops every subscription of a disconnecting or RESET client, silently. */
    public void forget(Client client) {
        for (Kind kind : Kind.values()) unsubscribeAll(client, kind, false);
    }

    /** PUBLISH: delivers to channel and pattern subscribers; returns how many received it. */
    public int publish(byte[] channel, byte[] message) {
        int receivers = 0;
        Set<Client> direct = channels.get(new BytesKey(channel));
        if (direct != null) {
            for (Client client : direct) {
                deliver(client, Kind.CHANNEL, null, channel, message);
                receivers++;
            }
        }
        if (!patterns.isEmpty()) {
            for (Map.Entry<BytesKey, Set<Client>> entry : patterns.entrySet()) {
                byte[] pattern = entry.getKey().bytes();
                if (!GlobPattern.matches(pattern, channel, false)) continue;
                for (Client client : entry.getValue()) {
                    deliver(client, Kind.PATTERN, pattern, channel, message);
                    receivers++;
                }
            }
        }
        return receivers;
    }

    /** SPUBLISH: delivers to the shard channel's subscribers. */
    public int publishShard(byte[] channel, byte[] message) {
        Set<Client> subscribers = shardChannels.get(new BytesKey(channel));
        if (subscribers == null) return 0;
        for (Client client : subscribers) deliver(client, Kind.SHARD, null, channel, message);
        return subscribers.size();
    }

    private static void deliver(Client client, Kind kind, byte[] pattern, byte[] channel, byte[] message) {
        if (client.repliesOff()) return;
        ReplyWriter reply = client.reply();
        reply.pushHeader(pattern == null ? 3 : 4);
        reply.bulk(kind.messageWord);
        if (pattern != null) reply.bulk(pattern);
        reply.bulk(channel);
        reply.bulk(message);
        client.server().markPendingWrite(client);
    }

    /** Channel (or shard channel) names with at least one subscriber, optionally filtered by a glob. */
    public List<byte[]> activeChannels(boolean shard, byte[] pattern) {
        List<byte[]> names = new ArrayList<>();
        for (BytesKey name : (shard ? shardChannels : channels).keySet()) {
            if (pattern == null || GlobPattern.matches(pattern, name.bytes(), false)) names.add(name.bytes());
        }
        return names;
    }

    public int subscriberCount(boolean shard, byte[] channel) {
        Set<Client> subscribers = (shard ? shardChannels : channels).get(new BytesKey(channel));
        return subscribers == null ? 0 : subscribers.size();
    }

    /** Distinct patterns with subscribers (PUBSUB NUMPAT). */
    public int patternCount() {
        return patterns.size();
    }

    public int channelCount() {
        return channels.size();
    }

    private static int countFor(Client client, Kind kind) {
        Subscriptions s = client.subscriptions();
        return kind == Kind.SHARD ? s.shardCount() : s.count();
    }

    private static Set<BytesKey> own(Client client, Kind kind) {
        Subscriptions s = client.subscriptions();
        return switch (kind) {
            case CHANNEL -> s.channels;
            case PATTERN -> s.patterns;
            case SHARD -> s.shardChannels;
        };
    }

    private Map<BytesKey, Set<Client>> registry(Kind kind) {
        return switch (kind) {
            case CHANNEL -> channels;
            case PATTERN -> patterns;
            case SHARD -> shardChannels;
        };
    }
}
