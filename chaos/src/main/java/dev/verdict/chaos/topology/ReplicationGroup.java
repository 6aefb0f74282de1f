package dev.verdict.chaos.topology;

import org.testcontainers.containers.Network;
import redis.clients.jedis.Jedis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One master and its replicas (two by default), all real Redis, on a dedicated network. */
public class ReplicationGroup implements Topology {

    protected final Network network;
    protected final List<RedisNode> dataNodes = new ArrayList<>();
    private final List<AutoCloseable> owned = new ArrayList<>();

    protected ReplicationGroup(Network network) {
        this.network = network;
        owned.add(network);
    }

    /** One master, two replicas; {@code config} applies to all three (persistence, min-replicas, ...). */
    public static ReplicationGroup start(Map<String, String> config) {
        return start(config, 2);
    }

    /** A master with {@code replicas} replicas (0: a single server, for persistence experiments). */
    public static ReplicationGroup start(Map<String, String> config, int replicas) {
        ReplicationGroup group = Teardown.atExit(new ReplicationGroup(newNetwork()));
        try {
            group.startNodes(config, replicas);
            return group;
        } catch (RuntimeException e) {
            group.close();
            throw e;
        }
    }

    protected static Network newNetwork() {
        return Network.builder().createNetworkCmdModifier(cmd -> cmd.withLabels(ScratchRedisImage.LABELS)).build();
    }

    protected void startNodes(Map<String, String> config, int replicas) {
        RedisNode master = own(RedisNode.server("redis-1", network, config));
        dataNodes.add(master);
        for (int i = 0; i < replicas; i++) {
            Map<String, String> replicaConfig = new LinkedHashMap<>(config);
            replicaConfig.put("replicaof", master.ip() + " " + RedisNode.PORT);
            dataNodes.add(own(RedisNode.server("redis-" + (i + 2), network, replicaConfig)));
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
