package dev.verdict.conformance.spec;

import dev.verdict.conformance.client.ClientKind;
import dev.verdict.conformance.client.ClientReply;
import dev.verdict.conformance.client.Protocol;
import dev.verdict.conformance.client.RespConnection;
import dev.verdict.conformance.client.RespReply;
import dev.verdict.conformance.client.RespValue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    /** Every argument sent, as text: the clean-up on servers without FLUSHALL deletes these names. */
    private final Set<String> namesSent = new LinkedHashSet<>();
    private final Map<String, String> restoreConfig = new LinkedHashMap<>();
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

    /**
     * {@code CONFIG SET name value} for this case only: the previous value is read first and put
     * back when the case ends, so targets shared by every case keep Redis's defaults.
     */
    public void configSet(String name, String value) {
        Call previous = call("CONFIG", "GET", name);
        RespValue.MapValue asMap = previous.value() instanceof RespValue.MapValue m ? m : null;
        List<RespValue> flat = asMap != null ? null : ReplyComparison.elements(previous.value());
        String old = asMap != null && asMap.entries().size() == 1 ? ReplyComparison.textOf(asMap.entries().get(0).getValue())
                : flat != null && flat.size() == 2 ? ReplyComparison.textOf(flat.get(1)) : null;
        if (old == null) {
            throw new IllegalStateException("CONFIG GET " + name + " answered " + previous.reply());
        }
        call("CONFIG", "SET", name, value).is(Replies.ok());
        if (!restoreConfig.containsKey(name)) {
            restoreConfig.put(name, old);
        }
    }

    /** See {@link SpecConnection#rawCall}. */
    public RespReply rawCall(String... args) {
        return primary().rawCall(args);
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

    /** Flushes the target now rather than at the first command (cases that write raw bytes first). */
    public void ensureClean() {
        if (!clean) {
            clean = true;
            admin.prepare(target);
        }
    }

    void sent(byte[][] args) {
        for (int i = 1; i < args.length; i++) {
            namesSent.add(new String(args[i], StandardCharsets.UTF_8));
        }
    }

    void record(SpecConnection c, String commandLine, Expected expected, ClientReply actual, boolean ok) {
        transcript.append('[').append(c.label()).append("] ").append(commandLine).append('\n');
        if (expected != null) {
            transcript.append("  expected: ").append(expected).append('\n');
        }
        transcript.append(ok ? "  got:      " : "  GOT:      ").append(Call.describe(actual)).append('\n');
    }

    /** Where a command ran, for failure messages: {@code conn-1 @ reference (in-JVM) | raw | RESP2}. */
    String where(SpecConnection c) {
        return c.label() + " @ " + target.name() + " | " + clientKind.label() + " | " + c.protocol();
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
        if (clean) {
            admin.restoreConfig(target, restoreConfig);
            admin.cleanUp(target, namesSent);
        }
    }
}
