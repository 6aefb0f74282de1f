package dev.verdict.conformance.diff.grammar;

/** The argument types of Redis 7.0's COMMAND DOCS, in the words the docs use. */
public enum ArgType {
    KEY("key"), STRING("string"), INTEGER("integer"), DOUBLE("double"), PATTERN("pattern"),
    UNIX_TIME("unix-time"), PURE_TOKEN("pure-token"), ONEOF("oneof"), BLOCK("block");

    private final String docsName;

    ArgType(String docsName) {
        this.docsName = docsName;
    }

    public static ArgType fromDocs(String name) {
        for (ArgType t : values()) {
            if (t.docsName.equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown COMMAND DOCS argument type: " + name);
    }
}
