package dev.verdict.chaos.topology;

import redis.clients.jedis.Jedis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Redis Cluster of three masters and three replicas with all 16384 slots assigned, built with
 * the cluster commands themselves (ADDSLOTSRANGE, MEET, REPLICATE) rather than redis-cli.
 * Nodes announce their address on the topology's network, which the test JVM reaches directly.
 */
public final class ClusterTopology implements Topology {

    public static final int SLOTS = 16384;

    private final NodeFactory factory;
    private final List<RedisNode> nodes = new ArrayList<>();
    private final List<AutoCloseable> owned = new ArrayList<>();

    private ClusterTopology(NodeFactory factory) {
        this.factory = factory;
        owned.add(factory);
    }

    public static ClusterTopology start(long nodeTimeoutMs, Map<String, String> config) {
        // Cluster runs in containers only: behind fault proxies nodes would need cluster-announce
        // ports per proxy, which the local-process fallback does not set up.
        ClusterTopology cluster = Teardown.atExit(new ClusterTopology(new ContainerNodes()));
        try {
            cluster.build(nodeTimeoutMs, config);
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    private void build(long nodeTimeoutMs, Map<String, String> config) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("cluster-enabled", "yes");
        all.put("cluster-node-timeout", String.valueOf(nodeTimeoutMs));
        all.put("cluster-config-file", "nodes.conf");
        all.putAll(config);
        for (int i = 1; i <= 6; i++) {
            RedisNode node = factory.server("redis-" + i, all);
            owned.add(node);
            nodes.add(node);
        }
        int perMaster = SLOTS / 3;
        for (int m = 0; m < 3; m++) {
            int from = m * perMaster;
            int to = m == 2 ? SLOTS - 1 : from + perMaster - 1;
            try (Jedis j = nodes.get(m).connect()) {
                j.clusterAddSlotsRange(from, to);
            }
        }
        RedisNode first = nodes.get(0);
        for (RedisNode node : nodes.subList(1, nodes.size())) {
            try (Jedis j = node.connect()) {
                j.clusterMeet(first.ip(), first.port());
            }
        }
        Await.until("all nodes to know each other", Duration.ofSeconds(30), () -> nodes.stream().allMatch(n -> {
            List<ClusterNodes.Entry> view = ClusterNodes.of(n);
            return view.size() == 6 && view.stream().noneMatch(e -> e.flags().contains("handshake"));
        }));
        for (int r = 3; r < 6; r++) {
            String masterId = ClusterNodes.myId(nodes.get(r - 3));
            RedisNode replica = nodes.get(r);
            Await.until(replica.name() + " to replicate", Duration.ofSeconds(10), () -> {
                try (Jedis j = replica.connect()) {
                    return "OK".equals(j.clusterReplicate(masterId));
                }
            });
        }
        Await.until("cluster_state:ok and replicas in sync", Duration.ofSeconds(30), () ->
                nodes.stream().allMatch(n -> {
                    try (Jedis j = n.connect()) {
                        return j.clusterInfo().contains("cluster_state:ok");
                    }
                }) && nodes.subList(3, 6).stream()
                        .allMatch(r -> "up".equals(r.info("replication").get("master_link_status"))));
    }

    @Override
    public String kind() {
        return "cluster";
    }

    @Override
    public List<RedisNode> dataNodes() {
        return List.copyOf(nodes);
    }

    /** Seeds for a cluster client. */
    public java.util.Set<String> seeds() {
        java.util.Set<String> seeds = new java.util.LinkedHashSet<>();
        nodes.forEach(n -> seeds.add(n.address()));
        return seeds;
    }

    /** The cluster's view, from the first node that answers. */
    public List<ClusterNodes.Entry> view() {
        for (RedisNode n : nodes) {
            try {
                return ClusterNodes.of(n);
            } catch (RuntimeException down) {
                // Ask the next one.
            }
        }
        throw new IllegalStateException("no node answers CLUSTER NODES");
    }

    /** The node serving {@code slot} as master, as a live node sees it. */
    public RedisNode masterOf(int slot) {
        return view().stream().filter(e -> e.master() && !e.failed() && e.owns(slot))
                .map(e -> byAddress(e.address())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no master serves slot " + slot));
    }

    /** The replicas of a master, by the master's node id. */
    public List<RedisNode> replicasOf(RedisNode master) {
        String id = view().stream().filter(e -> e.address().equals(master.address())).findFirst().orElseThrow().id();
        return view().stream().filter(e -> id.equals(e.masterId())).map(e -> byAddress(e.address())).toList();
    }

    @Override
    public void close() {
        try {
            Teardown.closeQuietly(owned);
        } finally {
            Teardown.release(this);
        }
    }
}
