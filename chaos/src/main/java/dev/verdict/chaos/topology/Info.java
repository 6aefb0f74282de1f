package dev.verdict.chaos.topology;

import java.util.LinkedHashMap;
import java.util.Map;

/** Parses INFO replies ({@code field:value} lines, {@code #} section headers). */
public final class Info {

    private Info() {
    }

    public static Map<String, String> parse(String info) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : info.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && !line.startsWith("#")) {
                fields.put(line.substring(0, colon), line.substring(colon + 1).trim());
            }
        }
        return fields;
    }

    /** {@code slave0:ip=...,port=...,state=online,offset=...,lag=0} as fields. */
    public static Map<String, String> subfields(String value) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String part : value.split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                fields.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        return fields;
    }
}
