package dev.verdict.chaos.fault;

import dev.verdict.chaos.topology.RedisNode;

import java.util.function.Supplier;

/**
 * Faults on one node, chosen when the fault starts (so "the current master" is the master at
 * that moment): kill -9 (with or without a restart on the same data directory), pause,
 * random packet loss, latency and a bandwidth limit.
 */
public final class NodeFaults {

    private NodeFaults() {
    }

    /** kill -9 and, when healed, restart with the same data directory. */
    public static Fault killThenRestart(Supplier<RedisNode> node) {
        RedisNode[] hit = new RedisNode[1];
        return Faults.of("kill", () -> hit[0] != null ? hit[0].name() : node.get().name(),
                () -> {
                    hit[0] = node.get();
                    hit[0].kill();
                },
                () -> hit[0].restart());
    }

    /** kill -9 and leave it dead (the experiment restarts it when it wants to). */
    public static Fault kill(Supplier<RedisNode> node) {
        RedisNode[] hit = new RedisNode[1];
        return Faults.of("kill", () -> hit[0] != null ? hit[0].name() : node.get().name(),
                () -> {
                    hit[0] = node.get();
                    hit[0].kill();
                },
                Faults.nothing());
    }

    /** SIGSTOP (docker pause) until healed. */
    public static Fault pause(Supplier<RedisNode> node) {
        RedisNode[] hit = new RedisNode[1];
        return Faults.of("pause", () -> hit[0] != null ? hit[0].name() : node.get().name(),
                () -> {
                    hit[0] = node.get();
                    hit[0].pause();
                },
                () -> hit[0].resume());
    }

    /** Drops the given share of the node's incoming packets until healed. */
    public static Fault packetLoss(Supplier<RedisNode> node, double probability) {
        RedisNode.Links[] rules = new RedisNode.Links[1];
        return Faults.of("loss " + probability, () -> node.get().name(),
                () -> {
                    rules[0] = node.get().links();
                    rules[0].dropRandomly(probability);
                },
                () -> rules[0].clear());
    }

    /** Delays the node's traffic until healed (process nodes, through their fault proxy). */
    public static Fault latency(Supplier<RedisNode> node, java.time.Duration delay) {
        RedisNode.Links[] rules = new RedisNode.Links[1];
        return Faults.of("latency " + delay.toMillis() + "ms", () -> node.get().name(),
                () -> {
                    rules[0] = node.get().links();
                    rules[0].delay(delay);
                },
                () -> rules[0].clear());
    }

    /** Limits the node's outgoing bandwidth ({@code "1mbit"}) until healed. */
    public static Fault bandwidth(Supplier<RedisNode> node, String rate) {
        RedisNode.Links[] rules = new RedisNode.Links[1];
        return Faults.of("bandwidth " + rate, () -> node.get().name(),
                () -> {
                    rules[0] = node.get().links();
                    rules[0].limitRate(rate);
                },
                () -> rules[0].clear());
    }
}
