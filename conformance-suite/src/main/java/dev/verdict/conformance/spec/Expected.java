package dev.verdict.conformance.spec;

import dev.verdict.conformance.client.Protocol;
import dev.verdict.conformance.client.RespValue;

/**
 * An expected reply written once, protocol-neutral (in RESP3 terms), e.g. {@code map("a", 1)}.
 * {@link #forProtocol} derives what Redis sends on a RESP2 or RESP3 connection; {@link #matches}
 * then compares a reply either exactly (raw client: the decoded tree carries every byte) or
 * leniently (Jedis/Lettuce, whose decoding loses status-vs-bulk and null kinds).
 */
public interface Expected {

    Expected forProtocol(Protocol protocol);

    boolean matches(RespValue actual, boolean lenient);

    /** The expectation as a person reads it, used in failure messages. */
    @Override
    String toString();
}
