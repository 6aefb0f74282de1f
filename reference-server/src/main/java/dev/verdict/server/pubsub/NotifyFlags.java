package dev.verdict.server.pubsub;

import static dev.verdict.server.pubsub.KeyspaceEvents.*;

/** The {@code notify-keyspace-events} string and its bit set (Redis's keyspaceEventsStringToFlags and back). */
public final class NotifyFlags {

    /** What 'A' stands for: every class except key-miss and new-key events. */
    public static final int ALL = GENERIC | STRING | LIST | SET | HASH | ZSET | EXPIRED | EVICTED | STREAM | MODULE;

    public static final String INVALID =
            "Invalid event class character. Use 'Ag$lshzxeKEtmdn'.";

    private NotifyFlags() {
    }

    /** The flags, or -1 when the string holds a character Redis rejects. */
    public static int parse(String classes) {
        int flags = 0;
        for (int i = 0; i < classes.length(); i++) {
            int bit = switch (classes.charAt(i)) {
                case 'A' -> ALL;
                case 'g' -> GENERIC;
                case '$' -> STRING;
                case 'l' -> LIST;
                case 's' -> SET;
                case 'h' -> HASH;
                case 'z' -> ZSET;
                case 'x' -> EXPIRED;
                case 'e' -> EVICTED;
                case 'K' -> KEYSPACE;
                case 'E' -> KEYEVENT;
                case 't' -> STREAM;
                case 'm' -> KEY_MISS;
                case 'd' -> MODULE;
                case 'n' -> NEW;
                default -> -1;
            };
            if (bit == -1) return -1;
            flags |= bit;
        }
        return flags;
    }

    /** The canonical string CONFIG GET shows. */
    public static String format(int flags) {
        StringBuilder s = new StringBuilder();
        if ((flags & ALL) == ALL) {
            s.append('A');
        } else {
            append(s, flags, GENERIC, 'g');
            append(s, flags, STRING, '$');
            append(s, flags, LIST, 'l');
            append(s, flags, SET, 's');
            append(s, flags, HASH, 'h');
            append(s, flags, ZSET, 'z');
            append(s, flags, EXPIRED, 'x');
            append(s, flags, EVICTED, 'e');
            append(s, flags, STREAM, 't');
            append(s, flags, MODULE, 'd');
            append(s, flags, NEW, 'n');
        }
        append(s, flags, KEYSPACE, 'K');
        append(s, flags, KEYEVENT, 'E');
        append(s, flags, KEY_MISS, 'm');
        return s.toString();
    }

    private static void append(StringBuilder s, int flags, int bit, char c) {
        if ((flags & bit) != 0) s.append(c);
    }
}
