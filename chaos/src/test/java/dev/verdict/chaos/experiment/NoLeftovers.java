package dev.verdict.chaos.experiment;

import dev.verdict.chaos.topology.NodeFactory;
import dev.verdict.chaos.topology.Teardown;
import dev.verdict.conformance.target.Ownership;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After every experiment: nothing it started is left, neither open in this JVM (nodes, proxies,
 * networks) nor as a container of this run in Docker.
 */
public final class NoLeftovers implements AfterEachCallback {

    @Override
    public void afterEach(ExtensionContext context) {
        assertThat(Teardown.live()).as("topologies and nodes still open").isEmpty();
        if (NodeFactory.dockerAvailable()) {
            String run = Ownership.labels().get(Ownership.RUN_LABEL);
            List<String> containers = DockerClientFactory.instance().client().listContainersCmd()
                    .withShowAll(true)
                    .withLabelFilter(java.util.Map.of(Ownership.RUN_LABEL, run))
                    .exec().stream()
                    .filter(c -> c.getNames() != null && List.of(c.getNames()).stream().anyMatch(n -> n.contains("verdict-chaos-")))
                    .map(c -> String.join(",", c.getNames()))
                    .toList();
            assertThat(containers).as("chaos containers of this run still present").isEmpty();
        }
    }
}
