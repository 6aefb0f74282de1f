package dev.verdict.server.command;

import dev.verdict.server.type.string.Numbers;

import java.nio.charset.StandardCharsets;

/** Argument parsing helpers with Redis's exact failure behaviour. */
public final class Args {

    private Args() {
    }

    /** The argument as a 64-bit integer, or null when Redis would answer NOT_INTEGER. */
    public static Long parseLong(byte[] arg) {
        return Numbers.parseLongStrict(arg);
    }

    /**
     * getIntFromObjectOrReply: the argument as a C int, or null after replying Redis's error
     * (not an integer, or outside int range).
     */
    public static Integer parseInt(dev.verdict.server.client.Client client, byte[] arg) {
        Long value = parseLong(arg);
        if (value == null) {
            client.reply().error(Errors.NOT_INTEGER);
            return null;
        }
        if (value != value.intValue()) {
            client.reply().error(Errors.INT_RANGE);
            return null;
        }
        return value.intValue();
    }

    /** True when the argument equals {@code token} ignoring ASCII case (Redis's strcasecmp). */
    public static boolean is(byte[] arg, String token) {
        if (arg.length != token.length()) return false;
        for (int i = 0; i < arg.length; i++) {
            int a = arg[i] & 0xff;
            int b = token.charAt(i);
            if (a >= 'A' && a <= 'Z') a += 32;
            if (b >= 'A' && b <= 'Z') b += 32;
            if (a != b) return false;
        }
        return true;
    }

    public static String utf8(byte[] arg) {
        return new String(arg, StandardCharsets.UTF_8);
    }

    /**
     * The argument as C's {@code %s} prints it in an error or status text: cut at its first NUL
     * byte, every other byte kept as it is (ISO-8859-1 maps each byte to one char, and
     * {@link dev.verdict.server.resp.ReplyWriter} writes such chars back as the same bytes).
     */
    public static String cString(byte[] arg) {
        return cString(arg, Integer.MAX_VALUE);
    }

    /** As {@link #cString(byte[])} and at most {@code max} bytes, like C's {@code %.<max>s}. */
    public static String cString(byte[] arg, int max) {
        int n = 0;
        while (n < arg.length && n < max && arg[n] != 0) n++;
        return new String(arg, 0, n, StandardCharsets.ISO_8859_1);
    }

    /** C's toupper over a {@link #cString} text: ASCII letters only, other bytes unchanged. */
    public static String upperAscii(String s) {
        char[] out = s.toCharArray();
        for (int i = 0; i < out.length; i++) if (out[i] >= 'a' && out[i] <= 'z') out[i] -= 32;
        return new String(out);
    }

    public static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
