package dev.verdict.conformance.diff;

import java.util.List;

/**
 * Writes arguments the way redis-cli reads them back (its sdssplitargs): plain when they are safe, otherwise in
 * double quotes with \", \\, \n, \r, \t, \b, \a and \xHH escapes.
 */
public final class RedisCliQuoting {

    private RedisCliQuoting() {
    }

    public static String line(List<byte[]> args) {
        StringBuilder sb = new StringBuilder();
        for (byte[] a : args) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(quote(a));
        }
        return sb.toString();
    }

    public static String quote(byte[] arg) {
        boolean plain = arg.length > 0;
        for (byte b : arg) {
            int c = b & 0xff;
            if (c <= ' ' || c >= 0x7f || c == '"' || c == '\'' || c == '\\') {
                plain = false;
                break;
            }
        }
        if (plain) {
            return new String(arg, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        StringBuilder sb = new StringBuilder("\"");
        for (byte b : arg) {
            int c = b & 0xff;
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case 8 -> sb.append("\\b");
                case 7 -> sb.append("\\a");
                default -> {
                    if (c < ' ' || c >= 0x7f) {
                        sb.append(String.format("\\x%02x", c));
                    } else {
                        sb.append((char) c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
