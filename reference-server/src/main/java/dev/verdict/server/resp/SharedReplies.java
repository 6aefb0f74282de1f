package dev.verdict.server.resp;

import java.nio.charset.StandardCharsets;

/** Replies encoded once and shared by every client (Redis's shared.* objects). */
public final class SharedReplies {

    public static final byte[] OK = ascii("+OK\r\n");
    public static final byte[] QUEUED = ascii("+QUEUED\r\n");
    public static final byte[] PONG = ascii("+PONG\r\n");
    public static final byte[] NULL_BULK = ascii("$-1\r\n");
    public static final byte[] NULL_ARRAY = ascii("*-1\r\n");
    public static final byte[] NULL3 = ascii("_\r\n");
    public static final byte[] TRUE3 = ascii("#t\r\n");
    public static final byte[] FALSE3 = ascii("#f\r\n");
    public static final byte[] EMPTY_ARRAY = ascii("*0\r\n");

    /** {@code :0} .. {@code :9999}, like Redis's OBJ_SHARED_BULKHDR_LEN-style integer cache. */
    static final byte[][] INTEGERS = new byte[10000][];

    static {
        for (int i = 0; i < INTEGERS.length; i++) INTEGERS[i] = ascii(":" + i + "\r\n");
    }

    private SharedReplies() {
    }

    public static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
