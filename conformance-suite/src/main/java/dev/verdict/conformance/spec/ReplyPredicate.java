package dev.verdict.conformance.spec;

import dev.verdict.conformance.client.Protocol;
import dev.verdict.conformance.client.RespValue;

import java.util.function.BiPredicate;

/** A loose expectation (any integer, an error starting with...), checked by a predicate. */
final class ReplyPredicate implements Expected {

    /** Tests a reply given the protocol and whether the comparison is lenient. */
    interface Test {
        boolean test(RespValue actual, Protocol protocol, boolean lenient);
    }

    private final String description;
    private final Test test;
    private final Protocol protocol;

    ReplyPredicate(String description, Test test) {
        this(description, test, Protocol.RESP3);
    }

    ReplyPredicate(String description, BiPredicate<RespValue, Boolean> test) {
        this(description, (a, p, l) -> test.test(a, l), Protocol.RESP3);
    }

    private ReplyPredicate(String description, Test test, Protocol protocol) {
        this.description = description;
        this.test = test;
        this.protocol = protocol;
    }

    @Override
    public Expected forProtocol(Protocol protocol) {
        return new ReplyPredicate(description, test, protocol);
    }

    @Override
    public boolean matches(RespValue actual, boolean lenient) {
        if (actual instanceof RespValue.Attributed a) {
            actual = a.value();
        }
        return test.test(actual, protocol, lenient);
    }

    @Override
    public String toString() {
        return description;
    }
}
