package dev.verdict.conformance.spec;

import org.opentest4j.AssertionFailedError;

/** A reply that differs from the spec's expectation. */
public final class ReplyMismatchError extends AssertionFailedError {

    public ReplyMismatchError(String message, Object expected, Object actual) {
        super(message, expected, actual);
    }
}
