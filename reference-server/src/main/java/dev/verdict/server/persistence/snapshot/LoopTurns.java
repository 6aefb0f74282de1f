package dev.verdict.server.persistence.snapshot;

/** Runs work on the event loop at a later turn, after the I/O already waiting has been served. */
@FunctionalInterface
public interface LoopTurns {

    /** Schedules {@code task}; false when there is no running loop (an embedded context), so nothing was scheduled. */
    boolean later(Runnable task);
}
