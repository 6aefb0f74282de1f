package dev.verdict.chaos.fault;

/**
 * Something done to a topology and later undone: a partition and its heal, a pause and its
 * resume, a kill and its restart. A fault that has no undoing (a plain kill) heals as a no-op.
 */
public interface Fault {

    /** What it is, for the report: "kill", "pause", "isolate", "split". */
    String name();

    /** Which node or nodes it hits, for the report. Resolved when injected (the current master moves). */
    String target();

    void inject() throws Exception;

    void heal() throws Exception;
}
