package dev.verdict.server.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/** INFO sections read as fields, for tests. */
public final class Info {

    private Info() {
    }

    /** INFO {@code section} as an ordered map of its fields (a RESP2 bulk: $len CRLF body CRLF). */
    public static Map<String, String> section(RespConnection c, String section) {
        String reply = c.call("INFO", section);
        String body = reply.substring(reply.indexOf("\r\n") + 2);
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : body.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && !line.startsWith("#")) fields.put(line.substring(0, colon), line.substring(colon + 1));
        }
        return fields;
    }

    /** One counter of INFO stats. */
    public static long stat(RespConnection c, String name) {
        String value = section(c, "stats").get(name);
        if (value == null) throw new AssertionError(name + " not in INFO stats");
        return Long.parseLong(value);
    }
}
