package dev.verdict.chaos.experiment;

import dev.verdict.chaos.topology.NodeFactory;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Runs a test's topologies on one kind of node ({@link NodeFactory#PROPERTY}) whatever the machine has. */
abstract class ForcedNodeKind implements BeforeEachCallback, AfterEachCallback {

    private final String kind;

    ForcedNodeKind(String kind) {
        this.kind = kind;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        System.setProperty(NodeFactory.PROPERTY, kind);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        System.clearProperty(NodeFactory.PROPERTY);
    }
}
