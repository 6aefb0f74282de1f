package dev.verdict.conformance.spec;

import dev.verdict.conformance.client.ClientReply;
import dev.verdict.conformance.client.CommandClient;
import dev.verdict.conformance.client.Protocol;
import dev.verdict.conformance.client.RawCommandClient;
import dev.verdict.conformance.client.RespConnection;
import dev.verdict.conformance.client.RespReply;
import dev.verdict.conformance.client.RespValue;
import dev.verdict.conformance.client.RespValues;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** One connection of a spec session: sends commands, records them, spots unimplemented commands. */
public final class SpecConnection {

    private static final Pattern UNKNOWN_COMMAND = Pattern.compile("ERR unknown command '.*', with args beginning with: .*",
            Pattern.DOTALL);

    private final SpecSession session;
    private final CommandClient client;
    private final String label;

    SpecConnection(SpecSession session, CommandClient client, String label) {
        this.session = session;
        this.client = client;
        this.label = label;
    }

    /** Sends a command; an unknown-command error ends the case as not implemented. */
    public Call call(String... args) {
        return call(RespValues.args(args));
    }

    public Call call(byte[]... args) {
        Call c = probe(args);
        if (isUnknownCommand(c.value())) {
            session.record(this, RespValues.commandLine(args), null, c.reply(), false);
            throw new NotImplementedException(((RespValue.Error) c.value()).message());
        }
        return c;
    }

    /** Sends a command and returns whatever came back, unknown-command errors included. */
    public Call probe(String... args) {
        return probe(RespValues.args(args));
    }

    public Call probe(byte[]... args) {
        session.ensureClean();
        session.sent(args);
        ClientReply reply = client.call(args);
        return new Call(this, RespValues.commandLine(args), reply);
    }

    /**
     * Sends a command on the raw connection and returns the exact reply, for cases that check
     * bytes by hand (protocol switches, pipelines); unknown commands still end the case as not
     * implemented. Raw client only.
     */
    public RespReply rawCall(String... args) {
        session.ensureClean();
        session.sent(RespValues.args(args));
        return known(RespValues.commandLine(RespValues.args(args)), raw().call(args));
    }

    /** Sends all commands at once and reads their exact replies (raw client only). */
    public List<RespReply> rawPipeline(List<byte[][]> commands) {
        session.ensureClean();
        commands.forEach(session::sent);
        List<RespReply> replies = raw().pipeline(commands);
        for (int i = 0; i < replies.size(); i++) {
            known(RespValues.commandLine(commands.get(i)), replies.get(i));
        }
        return replies;
    }

    /** Reads the next exact reply, e.g. after {@code raw().sendInline(...)} (raw client only). */
    public RespReply rawRead() {
        return known("(read)", raw().read());
    }

    private RespReply known(String commandLine, RespReply r) {
        session.record(this, commandLine, null, ClientReply.of(r), true);
        if (isUnknownCommand(r.value())) {
            throw new NotImplementedException(((RespValue.Error) r.value()).message());
        }
        return r;
    }

    /** The next unsolicited reply (pub/sub message, push); raw client only. */
    public Call read(Duration wait) {
        RespConnection raw = raw();
        Optional<RespReply> r = raw.poll(wait);
        ClientReply reply = r.map(ClientReply::of)
                .orElseGet(() -> ClientReply.decoded(new RespValue.Error("(no reply within " + wait.toMillis() + " ms)")));
        return new Call(this, "(read)", reply);
    }

    /** True if nothing arrives within {@code wait}; raw client only. */
    public boolean silentFor(Duration wait) {
        Optional<RespReply> r = raw().poll(wait);
        r.ifPresent(x -> session.record(this, "(unexpected read)", null, ClientReply.of(x), false));
        return r.isEmpty();
    }

    /** The raw connection underneath, for protocol-level cases (raw client only). */
    public RespConnection raw() {
        if (client instanceof RawCommandClient rc) {
            return rc.connection();
        }
        throw new IllegalStateException("raw() needs the raw client; restrict the case with clients = RAW");
    }

    public Protocol protocol() {
        return client.protocol();
    }

    String label() {
        return label;
    }

    SpecSession session() {
        return session;
    }

    void close() {
        client.close();
    }

    static boolean isUnknownCommand(RespValue v) {
        return v instanceof RespValue.Error e && UNKNOWN_COMMAND.matcher(e.message()).matches();
    }
}
