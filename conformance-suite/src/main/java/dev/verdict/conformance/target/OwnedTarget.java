package dev.verdict.conformance.target;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * A target the harness creates, starts and stops itself (unlike {@link ExternalTarget}): its name,
 * kind and configuration, where it listens while started, and its version, read once. Subclasses
 * say how the server runs and how each fault hurts it; they hold this object's lock (their
 * methods are {@code synchronized}) when they change whether it is started.
 */
abstract class OwnedTarget implements Target {

    private final String name;
    private final TargetKind kind;
    private final Map<String, String> config;
    private Endpoint endpoint;
    private String version;

    OwnedTarget(String name, TargetKind kind, Map<String, String> config) {
        this.name = name;
        this.kind = kind;
        this.config = Map.copyOf(config);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final TargetKind kind() {
        return kind;
    }

    @Override
    public final Map<String, String> config() {
        return config;
    }

    @Override
    public final synchronized Endpoint endpoint() {
        requireStarted();
        return endpoint;
    }

    @Override
    public final synchronized String version() {
        requireStarted();
        if (version == null) {
            version = ServerProbe.version(endpoint);
        }
        return version;
    }

    /** A server the harness owns can be killed, paused and restarted unless a subclass says otherwise. */
    @Override
    public Set<Fault> supportedFaults() {
        return EnumSet.allOf(Fault.class);
    }

    @Override
    public String toString() {
        return name;
    }

    /** Whether {@link #startedAt} has run and {@link #markStopped} not since. */
    protected final boolean isStarted() {
        return endpoint != null;
    }

    /** From now on the server is reached at {@code endpoint} (a restart keeps it). */
    protected final void startedAt(Endpoint endpoint) {
        this.endpoint = endpoint;
    }

    protected final void markStopped() {
        endpoint = null;
    }

    /**
     * Checks every {@code pollMillis} until {@code reached} holds: faults take effect
     * asynchronously (a stopping container, threads receiving SIGSTOP, a loop reaching its pause).
     * Past {@code timeout} fails with this target's name followed by {@code failure}.
     */
    protected final void awaitUntil(BooleanSupplier reached, Duration timeout, long pollMillis, String failure) {
        Instant deadline = Instant.now().plus(timeout);
        while (!reached.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(name + failure);
            }
            ServerProbe.sleep(pollMillis);
        }
    }

    protected final void requireStarted() {
        if (endpoint == null) {
            throw new IllegalStateException(name + " is not started");
        }
    }
}
