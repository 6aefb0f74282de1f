package dev.verdict.server.resp;

/**
 * A request the server cannot parse. The message is Redis's own text (without the "-ERR "
 * prefix); the connection is answered with it and then closed, as Redis does.
 */
public final class ProtocolException extends RuntimeException {
    public ProtocolException(String redisMessage) {
        super(redisMessage, null, false, false);
    }
}
