package dev.verdict.chaos.fault;

import dev.verdict.chaos.topology.RedisNode;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Network partitions between nodes of a topology. Only node-to-node traffic is cut: the test
 * JVM, which plays the clients, still reaches every node, so clients on the minority side keep
 * talking to the old master as in Jepsen's Redis analysis.
 */
public final class Partition {

    private Partition() {
    }

    /** Cuts one node (resolved when the fault starts, e.g. the current master) off from the others. */
    public static Fault isolate(Supplier<RedisNode> node, Supplier<List<RedisNode>> others) {
        return split(() -> List.of(node.get()), others, "isolate");
    }

    /** Splits into a minority and a majority that cannot reach each other. */
    public static Fault split(Supplier<List<RedisNode>> minority, Supplier<List<RedisNode>> majority) {
        return split(minority, majority, "split");
    }

    private static Fault split(Supplier<List<RedisNode>> minority, Supplier<List<RedisNode>> majority, String name) {
        List<RedisNode.Links> applied = new ArrayList<>();
        List<RedisNode> side = new ArrayList<>();
        return Faults.of(name,
                () -> side.isEmpty() ? names(minority.get()) : names(side),
                () -> {
                    side.clear();
                    side.addAll(minority.get());
                    List<RedisNode> others = majority.get().stream().filter(n -> !side.contains(n)).toList();
                    for (RedisNode node : side) {
                        RedisNode.Links links = node.links();
                        applied.add(links);
                        for (RedisNode peer : others) {
                            links.cut(peer);
                        }
                    }
                },
                () -> {
                    for (RedisNode.Links links : applied) {
                        links.clear();
                    }
                    applied.clear();
                });
    }

    private static String names(List<RedisNode> nodes) {
        return nodes.stream().map(RedisNode::name).collect(Collectors.joining(","));
    }
}
