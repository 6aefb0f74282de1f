package dev.verdict.chaos.topology;

import dev.verdict.conformance.target.HarnessNetwork;
import org.testcontainers.containers.Network;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Nodes as containers of the harness's real-Redis image on one dedicated, labelled Docker network. */
public final class ContainerNodes implements NodeFactory {

    private final Network network = HarnessNetwork.create();

    @Override
    public String kind() {
        return "container";
    }

    @Override
    public RedisNode server(String name, Map<String, String> config) {
        return ContainerNode.server(name, network, config);
    }

    @Override
    public RedisNode sentinel(String name, List<String> directives) {
        List<String> lines = new ArrayList<>();
        lines.add("port " + ContainerNode.PORT);
        lines.addAll(directives);
        return ContainerNode.sentinel(name, network, String.join("\n", lines) + "\n");
    }

    @Override
    public void close() {
        network.close();
    }
}
