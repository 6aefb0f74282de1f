package dev.verdict.conformance.diff.grammar;

import java.util.Arrays;
import java.util.Locale;

/** Command families as the results and reports name them, each mapped from a COMMAND DOCS group. */
public enum Family {
    STRINGS("string"), LISTS("list"), SETS("set"), SORTED_SETS("sorted-set"), HASHES("hash"),
    KEYS("generic"), BITMAPS("bitmap"), HYPERLOGLOG("hyperloglog"), GEO("geo"), STREAMS("stream"),
    PUBSUB("pubsub"), TRANSACTIONS("transactions"), SCRIPTING("scripting"), SERVER("server"),
    CONNECTION("connection"), CLUSTER("cluster"), SENTINEL("sentinel");

    private final String group;

    Family(String group) {
        this.group = group;
    }

    public static Family ofGroup(String group) {
        return Arrays.stream(values()).filter(f -> f.group.equals(group)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown command group " + group));
    }

    /** Accepts both the report name ("sorted-sets") and the docs group ("sorted-set"). */
    public static Family parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (Family f : values()) {
            if (f.id().equals(t) || f.group.equals(t)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown family " + text);
    }

    /** The name used in results files: "strings", "sorted-sets". */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
