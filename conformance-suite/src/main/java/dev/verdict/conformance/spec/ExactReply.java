package dev.verdict.conformance.spec;

import dev.verdict.conformance.client.Protocol;
import dev.verdict.conformance.client.RespDecoder;
import dev.verdict.conformance.client.RespEncoder;
import dev.verdict.conformance.client.RespValue;

/** A fully known reply; its per-protocol form is what {@link RespEncoder} would send. */
final class ExactReply implements Expected {

    private final RespValue value;

    ExactReply(RespValue value) {
        this.value = value;
    }

    RespValue value() {
        return value;
    }

    @Override
    public Expected forProtocol(Protocol protocol) {
        return new ExactReply(RespDecoder.decodeFully(RespEncoder.encode(value, protocol)));
    }

    @Override
    public boolean matches(RespValue actual, boolean lenient) {
        return ReplyComparison.equal(value, actual, lenient);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
