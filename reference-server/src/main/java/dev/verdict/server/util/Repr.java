package dev.verdict.server.util;

import java.nio.charset.StandardCharsets;

/** Redis's sdscatrepr: a double-quoted string with C escapes (MONITOR lines, config error echoes). */
public final class Repr {

    private Repr() {
    }

    public static String quote(byte[] s) {
        StringBuilder b = new StringBuilder(s.length + 2).append('"');
        for (byte x : s) {
            int c = x & 0xff;
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '"' -> b.append("\\\"");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case 7 -> b.append("\\a");
                case '\b' -> b.append("\\b");
                default -> {
                    if (c >= 32 && c < 127) b.append((char) c);
                    else b.append(String.format("\\x%02x", c));
                }
            }
        }
        return b.append('"').toString();
    }

    public static String quote(String s) {
        return quote(s.getBytes(StandardCharsets.UTF_8));
    }
}
