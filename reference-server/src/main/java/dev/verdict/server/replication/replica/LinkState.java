package dev.verdict.server.replication.replica;

/**
 * Where a replica's link to its master stands (Redis's repl_state, with the handshake's steps
 * folded into one state as ROLE and INFO report them).
 */
public enum LinkState {
    /** Not a replica. */
    NONE("none"),
    /** A master is set; the next replication tick connects (REPL_STATE_CONNECT). */
    CONNECT("connect"),
    /** The TCP connection is being made. */
    CONNECTING("connecting"),
    /** PING, AUTH, REPLCONF and PSYNC are being exchanged. */
    HANDSHAKE("handshake"),
    /** The master's RDB is arriving (a full resynchronization). */
    TRANSFER("sync"),
    /** The replication stream is being applied. */
    CONNECTED("connected");

    private final String roleName;

    LinkState(String roleName) {
        this.roleName = roleName;
    }

    /** The name ROLE shows. */
    public String roleName() {
        return roleName;
    }
}
