package dev.verdict.conformance.client;

/** The RESP version a connection speaks; RESP3 is switched on with {@code HELLO 3}. */
public enum Protocol {
    RESP2(2), RESP3(3);

    private final int version;

    Protocol(int version) {
        this.version = version;
    }

    public int version() {
        return version;
    }
}
