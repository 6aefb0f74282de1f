package dev.verdict.chaos.topology;

import java.util.List;

/** Nodes laid out and wired on their own network; started by one call, torn down by {@link #close()}. */
public interface Topology extends AutoCloseable {

    /** "replication", "sentinel", "cluster". */
    String kind();

    /** The data nodes (not Sentinels). */
    List<RedisNode> dataNodes();

    /** The implementation under test, for the report. */
    default String implementation() {
        return "redis-7.0.15";
    }

    default RedisNode byAddress(String address) {
        return dataNodes().stream().filter(n -> n.address().equals(address)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no node at " + address + " in " + dataNodes()));
    }

    @Override
    void close();
}
