package dev.verdict.conformance.target;

import java.util.Map;
import java.util.Set;

/**
 * A Redis-protocol server the harness can start, reach, hurt and stop. Suites and chaos
 * experiments are written against this interface and never know which kind they got.
 */
public interface Target extends AutoCloseable {

    /** A stable, human-readable name used in reports, e.g. {@code redis-7.0.15 (container)}. */
    String name();

    TargetKind kind();

    /** Starts the server and waits until it answers PING. Idempotent. */
    void start();

    /** Stops the server and releases everything it holds (process, container, ports). Idempotent. */
    void stop();

    /** Where this JVM reaches the server. Valid after {@link #start()}. */
    Endpoint endpoint();

    /** The server's {@code redis_version}, read from {@code INFO server}. */
    String version();

    /** The Redis configuration the server was started with ({@code appendonly -> yes}, ...). */
    Map<String, String> config();

    Set<Fault> supportedFaults();

    /** Why a fault is missing from {@link #supportedFaults()}, for skipped tests and reports. */
    default String whyUnsupported(Fault fault) {
        return name() + " does not offer " + fault + " (it offers " + supportedFaults() + ")";
    }

    /** kill -9: the server dies without saving; the endpoint refuses connections until restart. */
    void kill();

    /** SIGSTOP or docker pause: connections stay open, nothing is answered until resume. */
    void pause();

    void resume();

    /** Starts the server again with the same data directory and configuration, after kill or stop. */
    void restart();

    @Override
    default void close() {
        stop();
    }
}
