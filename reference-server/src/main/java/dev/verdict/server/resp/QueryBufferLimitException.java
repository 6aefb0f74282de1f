package dev.verdict.server.resp;

/**
 * The client's pending request outgrew {@code client-query-buffer-limit}: like Redis, the
 * connection is closed without a reply.
 */
public final class QueryBufferLimitException extends RuntimeException {
    public QueryBufferLimitException() {
        super("max query buffer length reached", null, false, false);
    }
}
