package dev.verdict.conformance.spec;

import dev.verdict.conformance.client.Protocol;
import dev.verdict.conformance.client.RespValue;

/** An expectation that differs per protocol in shape, not only in encoding (ZRANGE WITHSCORES ...). */
final class ProtocolChoice implements Expected {

    private final Expected resp2;
    private final Expected resp3;

    ProtocolChoice(Expected resp2, Expected resp3) {
        this.resp2 = resp2;
        this.resp3 = resp3;
    }

    @Override
    public Expected forProtocol(Protocol protocol) {
        return protocol == Protocol.RESP3 ? resp3.forProtocol(protocol) : resp2.forProtocol(protocol);
    }

    @Override
    public boolean matches(RespValue actual, boolean lenient) {
        return resp3.matches(actual, lenient);
    }

    @Override
    public String toString() {
        return "RESP2 " + resp2 + " / RESP3 " + resp3;
    }
}
