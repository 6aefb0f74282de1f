package dev.verdict.conformance.spec;

/** The target answered Redis's unknown-command error: the case cannot say anything about it. */
public final class NotImplementedException extends RuntimeException {

    public NotImplementedException(String message) {
        super(message, null, false, false);
    }
}
