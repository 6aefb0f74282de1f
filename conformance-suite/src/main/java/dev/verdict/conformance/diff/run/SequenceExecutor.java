package dev.verdict.conformance.diff.run;

import dev.verdict.conformance.diff.Command;

import java.util.List;

/** Runs a sequence on both targets from an empty keyspace and compares what comes back. */
public interface SequenceExecutor {

    /** @param compareKeyspace after a sequence without mismatch, also compare the final keyspace */
    Lockstep.Result run(List<Command> sequence, boolean compareKeyspace);
}
