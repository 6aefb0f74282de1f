package dev.verdict.chaos.experiment;

/** Runs a test's data nodes as reference-server processes (Sentinels stay real redis-sentinel). */
public final class ReferenceNodesOnly extends ForcedNodeKind {

    public ReferenceNodesOnly() {
        super("reference");
    }
}
