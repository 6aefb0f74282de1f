package dev.verdict.conformance.spec;

import dev.verdict.conformance.client.ClientReply;
import dev.verdict.conformance.client.Protocol;
import dev.verdict.conformance.client.RespEncoder;
import dev.verdict.conformance.client.RespValue;
import dev.verdict.conformance.client.RespValues;

import java.util.ArrayList;
import java.util.List;

/** One command and the reply it got, ready to be checked against an expectation. */
public final class Call {

    private final SpecConnection connection;
    private final String commandLine;
    private final ClientReply reply;

    Call(SpecConnection connection, String commandLine, ClientReply reply) {
        this.connection = connection;
        this.commandLine = commandLine;
        this.reply = reply;
    }

    /**
     * Asserts the reply: byte-exact on the raw client, as decoded by the library otherwise.
     * Accepts an {@link Expected} or a plain value as in {@link Replies#array}.
     */
    public Call is(Object expected) {
        Expected e = Replies.toExpected(expected);
        Protocol protocol = connection.protocol();
        Expected forProtocol = e.forProtocol(protocol);
        boolean lenient = !reply.exact();
        boolean ok = forProtocol.matches(reply.value(), lenient);
        connection.session().record(connection, commandLine, forProtocol, reply, ok);
        if (!ok) {
            String expectedText = describe(forProtocol, protocol);
            throw new ReplyMismatchError(commandLine + " [" + connection.session().where(connection) + "]: expected " + expectedText
                    + " but was " + describe(reply), expectedText, describe(reply));
        }
        return this;
    }

    public ClientReply reply() {
        return reply;
    }

    public RespValue value() {
        return reply.value();
    }

    /** The reply as text (bulk, simple or verbatim string), for cases that compute with it. */
    public String text() {
        String t = ReplyComparison.textOf(reply.value());
        if (t == null) {
            throw new ReplyMismatchError(commandLine + ": expected a string reply but was " + describe(reply), "string", reply);
        }
        return t;
    }

    /** The texts of an array reply's string elements (TIME, SCAN's cursor ...); null for a null element. */
    public List<String> texts() {
        List<RespValue> elements = ReplyComparison.elements(reply.value());
        if (elements == null) {
            throw new ReplyMismatchError(commandLine + ": expected an array reply but was " + describe(reply), "array", reply);
        }
        List<String> out = new ArrayList<>(elements.size());
        elements.forEach(e -> out.add(ReplyComparison.textOf(e)));
        return out;
    }

    /** Element {@code i} of an array reply, for nested replies such as SCAN's key list. */
    public Call element(int i) {
        List<RespValue> elements = ReplyComparison.elements(reply.value());
        if (elements == null || i >= elements.size()) {
            throw new ReplyMismatchError(commandLine + ": expected an array with element " + i + " but was "
                    + describe(reply), "array", reply);
        }
        return new Call(connection, commandLine + " [" + i + "]", ClientReply.decoded(elements.get(i)));
    }

    public long integer() {
        if (reply.value() instanceof RespValue.Integer i) {
            return i.value();
        }
        throw new ReplyMismatchError(commandLine + ": expected an integer reply but was " + describe(reply), "integer", reply);
    }

    private static String describe(Expected e, Protocol protocol) {
        if (e instanceof ExactReply x) {
            return x + " (" + RespValues.escape(RespEncoder.encode(x.value(), protocol)) + ")";
        }
        return e.toString();
    }

    static String describe(ClientReply r) {
        return r.exact() ? r.value() + " (" + RespValues.escape(r.raw()) + ")" : r.value() + " (decoded by the client)";
    }
}
