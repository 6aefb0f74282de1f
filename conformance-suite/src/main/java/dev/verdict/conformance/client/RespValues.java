package dev.verdict.conformance.client;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Small helpers for showing raw RESP bytes and values to a person. */
public final class RespValues {

    private RespValues() {
    }

    /** Bytes as redis-cli would quote them: printable ASCII as is, the rest escaped. */
    public static String escape(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length + 8);
        for (byte b : bytes) {
            int c = b & 0xff;
            switch (c) {
                case '\r' -> out.append("\\r");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c >= 0x20 && c < 0x7f) {
                        out.append((char) c);
                    } else {
                        out.append(String.format("\\x%02x", c));
                    }
                }
            }
        }
        return out.toString();
    }

    /** Encodes string arguments as UTF-8 byte arrays. */
    public static byte[][] args(String... args) {
        byte[][] out = new byte[args.length][];
        for (int i = 0; i < args.length; i++) {
            out[i] = args[i].getBytes(StandardCharsets.UTF_8);
        }
        return out;
    }

    /** One command line as redis-cli would read it back (each argument quoted). */
    public static String commandLine(byte[][] args) {
        List<String> parts = new ArrayList<>(args.length);
        for (byte[] a : args) {
            parts.add("\"" + escape(a) + "\"");
        }
        return String.join(" ", parts);
    }
}
