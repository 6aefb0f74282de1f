package dev.verdict.conformance.client;

import java.time.Duration;

/** The client libraries a spec case runs through. */
public enum ClientKind {
    RAW("raw"), JEDIS("jedis"), LETTUCE("lettuce");

    private final String label;

    ClientKind(String label) {
        this.label = label;
    }

    /** The name used in result files: {@code raw}, {@code jedis}, {@code lettuce}. */
    public String label() {
        return label;
    }

    public CommandClient open(String host, int port, Protocol protocol, Duration timeout) {
        return switch (this) {
            case RAW -> new RawCommandClient(RespConnection.open(host, port, protocol, timeout));
            case JEDIS -> JedisCommandClient.open(host, port, protocol, timeout);
            case LETTUCE -> LettuceCommandClient.open(host, port, protocol, timeout);
        };
    }
}
