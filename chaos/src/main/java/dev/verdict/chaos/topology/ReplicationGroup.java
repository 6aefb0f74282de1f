package dev.verdict.chaos.topology;

import redis.clients.jedis.Jedis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One master and its replicas (two by default), real Redis or reference servers, on a dedicated network. */
public class ReplicationGroup implements Topology {

    protected final NodeFactory nodes;
    protected final List<RedisNode> dataNodes = new ArrayList<>();
    private final List<AutoCloseable> owned = new ArrayList<>();

    protected ReplicationGroup(NodeFactory nodes) {
        this.nodes = nodes;
        owned.add(nodes);
    }

    /** One master, two replicas; {@code config} applies to all three (persistence, min-replicas, ...). */
    public static ReplicationGroup start(Map<String, String> config) {
        return start(config, 2);
    }

    /** A master with {@code replicas} replicas (0: a single server, for persistence experiments). */
    public static ReplicationGroup start(Map<String, String> config, int replicas) {
        return start(NodeFactory.detect(), config, replicas);
    }

    public static ReplicationGroup start(NodeFactory nodes, Map<String, String> config, int replicas) {
        ReplicationGroup group = Teardown.atExit(new ReplicationGroup(nodes));
        try {
            group.startNodes(config, replicas);
            return group;
        } catch (RuntimeException e) {
            group.close();
            throw e;
        }
    }

    protected void startNodes(Map<String, String> config, int replicas) {
        RedisNode master = own(nodes.server("redis-1", config));
        dataNodes.add(master);
        for (int i = 0; i < replicas; i++) {
            Map<String, String> replicaConfig = new LinkedHashMap<>(config);
            replicaConfig.put("replicaof", master.ip() + " " + master.port());
            dataNodes.add(own(nodes.server("redis-" + (i + 2), replicaConfig)));
        }
        Await.until("replicas in sync with " + master, Duration.ofSeconds(30), () ->
                dataNodes.subList(1, dataNodes.size()).stream()
                        .allMatch(r -> "up".equals(r.info("replication").get("master_link_status"))));
    }

    protected <T extends AutoCloseable> T own(T resource) {
        owned.add(resource);
        return resource;
    }

    @Override
    public String kind() {
        return "replication";
    }

    /** "container", "process" or "reference". */
    public String nodeKind() {
        return nodes.kind();
    }

    @Override
    public List<RedisNode> dataNodes() {
        return List.copyOf(dataNodes);
    }

    /** The node that says it is a master (the first, unless something promoted another). */
    public RedisNode master() {
        return dataNodes.stream().filter(n -> {
            try (Jedis j = n.connect()) {
                return "master".equals(Info.parse(j.info("replication")).get("role"));
            } catch (RuntimeException unreachable) {
                return false;
            }
        }).findFirst().orElseThrow(() -> new IllegalStateException("no reachable master"));
    }

    public List<RedisNode> replicasOf(RedisNode master) {
        return dataNodes.stream().filter(n -> n != master).toList();
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
