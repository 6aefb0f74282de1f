package dev.verdict.server.persistence;

/** Loading the RDB or AOF at start failed; the reason has been logged as Redis logs it, and the server must exit. */
public final class LoadingException extends RuntimeException {

    public LoadingException(String message, Throwable cause) {
        super(message, cause);
    }
}
