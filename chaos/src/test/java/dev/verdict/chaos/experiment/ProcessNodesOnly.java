package dev.verdict.chaos.experiment;

/** Runs a test's topologies as local processes, as they run where no Docker engine answers. */
public final class ProcessNodesOnly extends ForcedNodeKind {

    public ProcessNodesOnly() {
        super("process");
    }
}
