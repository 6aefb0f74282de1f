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

    public static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
