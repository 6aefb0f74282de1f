package dev.verdict.chaos.topology;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Network faults on a local node, done by its fault proxy (and, for a cut, its peer's). */
final class ProxyLinks implements RedisNode.Links {

    private final ProcessNode node;
    private final List<Runnable> undo = new ArrayList<>();

    ProxyLinks(ProcessNode node) {
        this.node = node;
    }

    @Override
    public void cut(RedisNode peer) {
        if (!(peer instanceof ProcessNode other)) {
            throw new IllegalArgumentException(peer + " is not a local process");
        }
        node.proxy().cut(other.identity());
        other.proxy().cut(node.identity());
        undo.add(() -> {
            node.proxy().heal(other.identity());
            other.proxy().heal(node.identity());
        });
    }

    @Override
    public void dropRandomly(double probability) {
        node.proxy().loss(probability);
        undo.add(() -> node.proxy().loss(0));
    }

    @Override
    public void limitRate(String rate) {
        node.proxy().rate(bytesPerSecond(rate));
        undo.add(() -> node.proxy().rate(0));
    }

    @Override
    public void delay(Duration latency) {
        node.proxy().delay(latency.toMillis());
        undo.add(() -> node.proxy().delay(0));
    }

    @Override
    public void clear() {
        undo.forEach(Runnable::run);
        undo.clear();
    }

    /** tc's rate syntax: {@code 500kbit}, {@code 1mbit}, {@code 1gbit}. */
    static long bytesPerSecond(String rate) {
        String r = rate.toLowerCase(Locale.ROOT);
        long multiplier = r.endsWith("gbit") ? 1_000_000_000L : r.endsWith("mbit") ? 1_000_000L : r.endsWith("kbit") ? 1_000L : 1L;
        String digits = r.replaceAll("[a-z]+$", "");
        return Long.parseLong(digits) * multiplier / 8;
    }
}
