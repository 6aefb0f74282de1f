package dev.verdict.conformance.diff.run;

import dev.verdict.conformance.client.Protocol;
import dev.verdict.conformance.client.RespConnection;
import dev.verdict.conformance.target.Target;
import dev.verdict.conformance.target.TargetSpec;

import java.util.Map;

/**
 * A harness Target, started for a differential run and stopped on close. Specs are the harness's
 * ({@link TargetSpec}: {@code reference}, {@code redis-process}, {@code redis-container}, {@code reference-process},
 * {@code host:port}, ...); {@code redis} is short for {@code redis-process}.
 */
public final class StartedTarget implements DiffTarget, AutoCloseable {

    /**
     * No save points. With any, Redis's FLUSHALL also writes the RDB file synchronously (flushAllDataAndResetRDB),
     * which made the reset before every sequence a disk write and most of a run's time; the engine compares
     * behaviour, and persistence has its own suite. Both targets get the same setting, so CONFIG GET save agrees.
     */
    private static final Map<String, String> CONFIG = Map.of("save", "");

    private final Target target;
    private final EndpointTarget endpoint;

    private StartedTarget(Target target) {
        this.target = target;
        this.endpoint = new EndpointTarget(target.name(), target.kind().name(), target.endpoint().host(),
                target.endpoint().port());
    }

    public static StartedTarget start(String spec) {
        Target target = TargetSpec.parse(spec.equals("redis") ? "redis-process" : spec).create(CONFIG);
        try {
            target.start();
            return new StartedTarget(target);
        } catch (RuntimeException e) {
            target.stop();
            throw e;
        }
    }

    @Override
    public String name() {
        return endpoint.name();
    }

    @Override
    public String kind() {
        return endpoint.kind();
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
        target.stop();
    }
}
