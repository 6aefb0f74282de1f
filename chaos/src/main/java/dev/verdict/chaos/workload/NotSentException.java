package dev.verdict.chaos.workload;

/** The client failed before sending anything (no connection to be had): the operation surely did not happen. */
public final class NotSentException extends RuntimeException {

    public NotSentException(Throwable cause) {
        super(cause.getMessage(), cause);
    }
}
