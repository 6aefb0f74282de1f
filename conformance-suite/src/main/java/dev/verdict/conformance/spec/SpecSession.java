package dev.verdict.conformance.spec;

import dev.verdict.conformance.client.ClientKind;
import dev.verdict.conformance.client.ClientReply;
import dev.verdict.conformance.client.Protocol;
import dev.verdict.conformance.client.RespConnection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a spec case works with: connections to one target through one client and protocol,
 * opened lazily, on a database flushed before the first command, and a transcript of every
 * command with its expected and actual reply for failure reports.
 */
public final class SpecSession {

    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final SpecTarget target;
    private final ClientKind clientKind;
    private final Protocol protocol;
    private final TargetAdmin admin;
    private final List<SpecConnection> connections = new ArrayList<>();
    private final StringBuilder transcript = new StringBuilder();
    private SpecConnection primary;
    private boolean clean;

    SpecSession(SpecTarget target, ClientKind clientKind, Protocol protocol, TargetAdmin admin) {
        this.target = target;
        this.clientKind = clientKind;
        this.protocol = protocol;
        this.admin = admin;
    }

    public Call call(String... args) {
        return primary().call(args);
    }

    public Call call(byte[]... args) {
        return primary().call(args);
    }

    /** Like {@link #call} but an unknown-command error is returned rather than ending the case. */
    public Call probe(String... args) {
        return primary().probe(args);
    }

    /** The next unsolicited reply on the primary connection (raw client only). */
    public Call read(Duration wait) {
        return primary().read(wait);
    }

    public Call read() {
        return read(TIMEOUT);
    }

    /** The connection every {@link #call} goes to. */
    public SpecConnection primary() {
        if (primary == null) {
            primary = newConnection();
        }
        return primary;
    }

    /** Another connection through the same client and protocol (publisher, second watcher ...). */
    public SpecConnection newConnection() {
        return newConnection(clientKind, protocol);
    }

    /** A connection through another client or protocol, e.g. a RESP2 publisher for a RESP3 subscriber. */
    public SpecConnection newConnection(ClientKind kind, Protocol p) {
        ensureClean();
        SpecConnection c = new SpecConnection(this,
                kind.open(target.host(), target.port(), p, TIMEOUT), "conn-" + (connections.size() + 1));
        connections.add(c);
        return c;
    }

    public RespConnection raw() {
        return primary().raw();
    }

    public Protocol protocol() {
        return protocol;
    }

    public ClientKind client() {
        return clientKind;
    }

    public SpecTarget target() {
        return target;
    }

    void ensureClean() {
        if (!clean) {
            clean = true;
            admin.flushAll(target);
        }
    }

    void record(SpecConnection c, String commandLine, Expected expected, ClientReply actual, boolean ok) {
        transcript.append('[').append(c.label()).append("] ").append(commandLine).append('\n');
        if (expected != null) {
            transcript.append("  expected: ").append(expected).append('\n');
        }
        transcript.append(ok ? "  got:      " : "  GOT:      ").append(Call.describe(actual)).append('\n');
    }

    String transcript() {
        return "target " + target.name() + ", client " + clientKind.label() + ", " + protocol + "\n" + transcript;
    }

    void close() {
        for (SpecConnection c : connections) {
            try {
                c.close();
            } catch (RuntimeException ignored) {
                // a connection the case broke on purpose (QUIT, RESET) may fail to close cleanly
            }
        }
    }
}
