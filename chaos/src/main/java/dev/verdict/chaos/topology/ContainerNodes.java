package dev.verdict.chaos.topology;

import org.testcontainers.containers.Network;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Nodes as containers of the real-Redis image on one dedicated, labelled Docker network. */
public final class ContainerNodes implements NodeFactory {

    private final Network network = Network.builder()
            .createNetworkCmdModifier(cmd -> cmd.withLabels(ScratchRedisImage.LABELS)).build();

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
        lines.add("port " + ContainerNode.SENTINEL_PORT);
        lines.addAll(directives);
        return ContainerNode.sentinel(name, network, String.join("\n", lines) + "\n");
    }

    @Override
    public void close() {
        network.close();
    }
}
