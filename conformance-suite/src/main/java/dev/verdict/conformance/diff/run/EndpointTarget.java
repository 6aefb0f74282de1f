package dev.verdict.conformance.diff.run;

import dev.verdict.conformance.client.Protocol;
import dev.verdict.conformance.client.RespConnection;

import java.time.Duration;

/** A server reached at host:port; whoever started it stops it. */
public record EndpointTarget(String name, String kind, String host, int port) implements DiffTarget {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Override
    public Session open(Protocol protocol) {
        return new RespSession(RespConnection.open(host, port, protocol, TIMEOUT));
    }
}
