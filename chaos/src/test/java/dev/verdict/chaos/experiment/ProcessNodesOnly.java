package dev.verdict.chaos.experiment;

import dev.verdict.chaos.topology.NodeFactory;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Runs a test's topologies as local processes, as they run where no Docker engine answers. */
public final class ProcessNodesOnly implements BeforeEachCallback, AfterEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        System.setProperty(NodeFactory.PROPERTY, "process");
    }

    @Override
    public void afterEach(ExtensionContext context) {
        System.clearProperty(NodeFactory.PROPERTY);
    }
}
