package dev.verdict.server.config;

/** A configuration the server refuses to start with; the message is what Redis would print. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
