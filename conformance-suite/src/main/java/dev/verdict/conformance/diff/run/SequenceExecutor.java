package dev.verdict.conformance.diff.run;

import dev.verdict.conformance.diff.Command;

import java.util.List;

/** Runs a sequence on both targets from an empty keyspace and compares what comes back. */
public interface SequenceExecutor {

    /** @param compareKeyspace after a sequence without mismatch, also compare the final keyspace */
    Lockstep.Result run(List<Command> sequence, boolean compareKeyspace);

    /** Several sequences, each on its own as {@link #run}; an executor may send them together. */
    default List<Lockstep.Result> runAll(List<List<Command>> sequences, boolean compareKeyspace) {
        List<Lockstep.Result> results = new java.util.ArrayList<>(sequences.size());
        sequences.forEach(s -> results.add(run(s, compareKeyspace)));
        return results;
    }
}
