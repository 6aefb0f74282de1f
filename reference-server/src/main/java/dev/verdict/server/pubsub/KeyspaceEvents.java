package dev.verdict.server.pubsub;

import java.nio.charset.StandardCharsets;

/**
 * Keyspace notifications ({@code notify-keyspace-events}): commands report what they did to a
 * key with Redis's event name, e.g. {@code notify(STRING, "set", key, db)}; when the configured
 * classes include the event's, it is published on {@code __keyspace@<db>__:<key>} and/or
 * {@code __keyevent@<db>__:<event>}.
 */
public final class KeyspaceEvents {

    public static final int KEYSPACE = 1;
    public static final int KEYEVENT = 1 << 1;
    public static final int GENERIC = 1 << 2;
    public static final int STRING = 1 << 3;
    public static final int LIST = 1 << 4;
    public static final int SET = 1 << 5;
    public static final int HASH = 1 << 6;
    public static final int ZSET = 1 << 7;
    public static final int EXPIRED = 1 << 8;
    public static final int EVICTED = 1 << 9;
    public static final int STREAM = 1 << 10;
    public static final int KEY_MISS = 1 << 11;
    public static final int MODULE = 1 << 12;
    public static final int NEW = 1 << 13;

    private final PubSub pubsub;
    private int flags;

    public KeyspaceEvents(PubSub pubsub) {
        this.pubsub = pubsub;
    }

    /** Applies a {@code notify-keyspace-events} value; false when it is invalid (nothing changes). */
    public boolean configure(String classes) {
        int parsed = NotifyFlags.parse(classes);
        if (parsed < 0) return false;
        flags = parsed;
        return true;
    }

    public int flags() {
        return flags;
    }

    /** Cheap test for callers that would otherwise build arguments for nothing. */
    public boolean enabled(int type) {
        return (flags & type) != 0;
    }

    /** Publishes the event to subscribers when the configuration enables its class. */
    public void notify(int type, String event, byte[] key, int dbIndex) {
        if ((flags & type) == 0) return;
        byte[] eventBytes = event.getBytes(StandardCharsets.US_ASCII);
        if ((flags & KEYSPACE) != 0) {
            pubsub.publish(concat("__keyspace@" + dbIndex + "__:", key), eventBytes);
        }
        if ((flags & KEYEVENT) != 0) {
            pubsub.publish(concat("__keyevent@" + dbIndex + "__:", eventBytes), key);
        }
    }

    private static byte[] concat(String prefix, byte[] tail) {
        byte[] head = prefix.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }
}
