package dev.verdict.conformance.client;

/**
 * One connection through one client library, speaking one protocol: the seam that lets a
 * spec case run unchanged through the raw client, Jedis and Lettuce.
 */
public interface CommandClient extends AutoCloseable {

    ClientKind kind();

    Protocol protocol();

    /** Sends one command (first argument is the command name) and returns its reply; errors are replies, not exceptions. */
    ClientReply call(byte[]... args);

    @Override
    void close();
}
