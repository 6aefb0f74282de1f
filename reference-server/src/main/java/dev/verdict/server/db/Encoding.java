package dev.verdict.server.db;

/** Redis's OBJ_ENCODING_* values, with the name OBJECT ENCODING replies. */
public enum Encoding {
    RAW("raw"),
    INT("int"),
    EMBSTR("embstr"),
    HASHTABLE("hashtable"),
    LISTPACK("listpack"),
    QUICKLIST("quicklist"),
    INTSET("intset"),
    SKIPLIST("skiplist"),
    STREAM("stream");

    private final String encodingName;

    Encoding(String encodingName) {
        this.encodingName = encodingName;
    }

    public String encodingName() {
        return encodingName;
    }
}
