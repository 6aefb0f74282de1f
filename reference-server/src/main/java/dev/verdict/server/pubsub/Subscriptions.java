package dev.verdict.server.pubsub;

import dev.verdict.server.db.BytesKey;

import java.util.LinkedHashSet;
import java.util.Set;

/** One client's channels, patterns and shard channels (Redis's client pubsub_* dicts). */
public final class Subscriptions {

    final Set<BytesKey> channels = new LinkedHashSet<>();
    final Set<BytesKey> patterns = new LinkedHashSet<>();
    final Set<BytesKey> shardChannels = new LinkedHashSet<>();

    /** Channels plus patterns: the count SUBSCRIBE and PSUBSCRIBE report. */
    public int count() {
        return channels.size() + patterns.size();
    }

    public int shardCount() {
        return shardChannels.size();
    }

    public int channelCount() {
        return channels.size();
    }

    public int patternCount() {
        return patterns.size();
    }

    /** True while the client is in the subscribed state (Redis's CLIENT_PUBSUB flag). */
    public boolean active() {
        return !channels.isEmpty() || !patterns.isEmpty() || !shardChannels.isEmpty();
    }
}
