package dev.verdict.conformance.diff.run;

import dev.verdict.conformance.client.Protocol;

/** A running server the engine can open sessions to, with the names results and accepted differences use. */
public interface DiffTarget {

    /** Human-readable, e.g. {@code redis-7.0.15 (process)}. */
    String name();

    /** The target kind as the accepted-differences file names it, e.g. {@code REDIS_PROCESS}. */
    String kind();

    Session open(Protocol protocol);
}
