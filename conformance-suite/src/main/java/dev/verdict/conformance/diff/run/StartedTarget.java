package dev.verdict.conformance.diff.run;

import dev.verdict.conformance.client.Protocol;
import dev.verdict.conformance.client.RespConnection;
import dev.verdict.conformance.spec.TemporaryRedisProcess;
import dev.verdict.server.RedisServer;
import dev.verdict.server.config.ServerConfig;

/**
 * A target the engine started itself and stops on close. Interim until the foundation's Target factory is on
 * main: then these become adapters over {@code dev.verdict.conformance.target.Target}.
 *
 * <p>Specs: {@code reference} (the reference server in this JVM), {@code redis} (a local redis-server process on a
 * free port, no persistence), {@code host:port} (a server someone else runs; not stopped).
 */
public final class StartedTarget implements DiffTarget, AutoCloseable {

    private final EndpointTarget endpoint;
    private final AutoCloseable owned;

    private StartedTarget(EndpointTarget endpoint, AutoCloseable owned) {
        this.endpoint = endpoint;
        this.owned = owned;
    }

    public static StartedTarget start(String spec) {
        if (spec.equals("reference")) {
            RedisServer server = RedisServer.start(ServerConfig.fromArgs("--port", "0", "--bind", "127.0.0.1"));
            return new StartedTarget(new EndpointTarget("reference (in-JVM)", "REFERENCE_IN_JVM", "127.0.0.1",
                    server.port()), server);
        }
        if (spec.equals("redis")) {
            TemporaryRedisProcess redis = TemporaryRedisProcess.start();
            return new StartedTarget(new EndpointTarget("redis-7.0.15 (process)", "REDIS_PROCESS", "127.0.0.1",
                    redis.port()), redis);
        }
        int colon = spec.lastIndexOf(':');
        if (colon > 0) {
            String host = spec.substring(0, colon);
            int port = Integer.parseInt(spec.substring(colon + 1));
            return new StartedTarget(new EndpointTarget(spec + " (external)", "EXTERNAL", host, port), () -> { });
        }
        throw new IllegalArgumentException("target spec is reference, redis or host:port, not " + spec);
    }

    @Override
    public String name() {
        return endpoint.name();
    }

    @Override
    public String kind() {
        return endpoint.kind();
    }

    public int port() {
        return endpoint.port();
    }

    @Override
    public Session open(Protocol protocol) {
        return endpoint.open(protocol);
    }

    /** A raw connection for probes outside a run. */
    public RespConnection connect() {
        return RespConnection.open(endpoint.host(), endpoint.port());
    }

    @Override
    public void close() {
        try {
            owned.close();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop " + name(), e);
        }
    }
}
