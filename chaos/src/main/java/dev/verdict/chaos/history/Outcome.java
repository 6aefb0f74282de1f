package dev.verdict.chaos.history;

/** What a client learned about one operation. */
public enum Outcome {
    /** The server acknowledged it; the operation took effect exactly once. */
    OK,
    /** The server refused it (an error reply such as READONLY or CLUSTERDOWN); it did not take effect. */
    FAIL,
    /** The client cannot know: a timeout or a broken connection after the request may have been sent. */
    UNKNOWN;

    public String json() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
