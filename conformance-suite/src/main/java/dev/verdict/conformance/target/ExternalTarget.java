package dev.verdict.conformance.target;

import java.util.Map;
import java.util.Set;

/**
 * Someone else's server at {@code host:port}: reached, never started, stopped or hurt. Its
 * configuration is whatever it runs with, so {@link #config()} is empty.
 */
final class ExternalTarget implements Target {

    private final Endpoint endpoint;
    private String version;

    ExternalTarget(Endpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public String name() {
        return "external " + endpoint;
    }

    @Override
    public TargetKind kind() {
        return TargetKind.EXTERNAL;
    }

    /** Checks that the endpoint answers and reads its version. */
    @Override
    public synchronized void start() {
        if (version == null) {
            if (!ServerProbe.answersPing(endpoint)) {
                throw new IllegalStateException(endpoint + " does not answer PING");
            }
            version = ServerProbe.version(endpoint);
        }
    }

    @Override
    public void stop() {
        // not ours to stop
    }

    @Override
    public Endpoint endpoint() {
        return endpoint;
    }

    @Override
    public synchronized String version() {
        start();
        return version;
    }

    @Override
    public Map<String, String> config() {
        return Map.of();
    }

    @Override
    public Set<Fault> supportedFaults() {
        return Set.of();
    }

    @Override
    public void kill() {
        throw unsupported(Fault.KILL);
    }

    @Override
    public void pause() {
        throw unsupported(Fault.PAUSE);
    }

    @Override
    public void resume() {
        throw unsupported(Fault.PAUSE);
    }

    @Override
    public void restart() {
        throw unsupported(Fault.RESTART);
    }

    @Override
    public String toString() {
        return name();
    }

    @Override
    public String whyUnsupported(Fault fault) {
        return name() + " is someone else's server: the harness does not hurt it";
    }

    private UnsupportedOperationException unsupported(Fault fault) {
        return new UnsupportedOperationException(whyUnsupported(fault));
    }
}
