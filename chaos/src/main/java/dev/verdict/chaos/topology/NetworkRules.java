package dev.verdict.chaos.topology;

import java.util.ArrayList;
import java.util.List;

/**
 * iptables and tc rules inside one node's network namespace, run by the host through nsenter
 * (the node's image has no tools). Each rule added is remembered and deleted exactly on heal, so
 * the rules Docker keeps there (its DNS in the nat table) are never touched. This kernel has no
 * netem: drops and random loss are iptables, bandwidth is tc tbf.
 */
final class NetworkRules implements RedisNode.Links {

    private final ContainerNode node;
    private final List<List<String>> iptables = new ArrayList<>();
    private boolean qdisc;

    NetworkRules(ContainerNode node) {
        this.node = node;
    }

    /** Drops everything between this node and {@code peer}, both ways. */
    @Override
    public void cut(RedisNode peer) {
        add(List.of("INPUT", "-s", peer.ip(), "-j", "DROP"));
        add(List.of("OUTPUT", "-d", peer.ip(), "-j", "DROP"));
    }

    /** Drops a random share of incoming packets. */
    @Override
    public void dropRandomly(double probability) {
        add(List.of("INPUT", "-m", "statistic", "--mode", "random", "--probability", Double.toString(probability),
                "-j", "DROP"));
    }

    /** Limits outgoing traffic with a token bucket. */
    @Override
    public void limitRate(String rate) {
        node.inNetworkNamespace("tc", "qdisc", "add", "dev", "eth0", "root", "tbf", "rate", rate,
                "burst", "32kbit", "latency", "400ms");
        qdisc = true;
    }

    private void add(List<String> rule) {
        List<String> command = new ArrayList<>(List.of("iptables", "-w", "-A"));
        command.addAll(rule);
        node.inNetworkNamespace(command.toArray(String[]::new));
        iptables.add(rule);
    }

    /** Containers get no delay: this kernel has no netem, and their links bypass any proxy. */
    @Override
    public void delay(java.time.Duration latency) {
        throw new UnsupportedOperationException("latency needs netem, which this kernel lacks, or a fault proxy (process nodes)");
    }

    @Override
    public void clear() {
        if (!node.running()) {
            iptables.clear();
            qdisc = false;
            return;
        }
        for (List<String> rule : iptables) {
            List<String> command = new ArrayList<>(List.of("iptables", "-w", "-D"));
            command.addAll(rule);
            node.inNetworkNamespace(command.toArray(String[]::new));
        }
        iptables.clear();
        if (qdisc) {
            node.inNetworkNamespace("tc", "qdisc", "del", "dev", "eth0", "root");
            qdisc = false;
        }
    }
}
