package dev.verdict.chaos.topology;

import redis.clients.jedis.Jedis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A replication group watched by three Sentinels with quorum 2. Timeouts are short so a
 * failover takes seconds: the master is subjectively down after {@code downAfterMs}.
 */
public final class SentinelGroup extends ReplicationGroup {

    public static final String MASTER_NAME = "mymaster";

    private final List<RedisNode> sentinels = new ArrayList<>();

    private SentinelGroup(NodeFactory nodes) {
        super(nodes);
    }

    public static SentinelGroup start(Map<String, String> config, long downAfterMs, long failoverTimeoutMs) {
        return start(NodeFactory.detect(), config, downAfterMs, failoverTimeoutMs);
    }

    public static SentinelGroup start(NodeFactory nodes, Map<String, String> config, long downAfterMs,
                                      long failoverTimeoutMs) {
        SentinelGroup group = Teardown.atExit(new SentinelGroup(nodes));
        try {
            group.startNodes(config, 2);
            group.startSentinels(downAfterMs, failoverTimeoutMs);
            return group;
        } catch (RuntimeException e) {
            group.close();
            throw e;
        }
    }

    private void startSentinels(long downAfterMs, long failoverTimeoutMs) {
        RedisNode master = dataNodes.get(0);
        List<String> conf = List.of(
                "sentinel monitor " + MASTER_NAME + " " + master.ip() + " " + master.port() + " 2",
                "sentinel down-after-milliseconds " + MASTER_NAME + " " + downAfterMs,
                "sentinel failover-timeout " + MASTER_NAME + " " + failoverTimeoutMs,
                "sentinel parallel-syncs " + MASTER_NAME + " 2");
        for (int i = 1; i <= 3; i++) {
            sentinels.add(own(nodes.sentinel("sentinel-" + i, conf)));
        }
        // A failover needs every Sentinel to know the replicas and a majority of its peers.
        Await.until("sentinels to discover replicas and each other", Duration.ofSeconds(30), () ->
                sentinels.stream().allMatch(s -> {
                    Map<String, String> m = sentinelMasterState(s);
                    return "2".equals(m.get("num-slaves")) && "2".equals(m.get("num-other-sentinels"));
                }));
    }

    private static Map<String, String> sentinelMasterState(RedisNode sentinel) {
        try (Jedis j = sentinel.connect()) {
            return j.sentinelMaster(MASTER_NAME);
        }
    }

    @Override
    public String kind() {
        return "sentinel";
    }

    public List<RedisNode> sentinels() {
        return List.copyOf(sentinels);
    }

    public Set<String> sentinelAddresses() {
        return sentinels.stream().map(RedisNode::address).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    /** The master as a majority of reachable Sentinels names it. */
    public RedisNode sentinelMaster() {
        Map<String, Long> votes = sentinels.stream().map(s -> {
            try (Jedis j = s.connect()) {
                var hp = j.sentinelGetMasterAddrByName(MASTER_NAME);
                return hp.get(0) + ":" + hp.get(1);
            } catch (RuntimeException unreachable) {
                return null;
            }
        }).filter(java.util.Objects::nonNull).collect(Collectors.groupingBy(a -> a, Collectors.counting()));
        String address = votes.entrySet().stream().filter(e -> e.getValue() >= 2).map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new IllegalStateException("Sentinels disagree on the master: " + votes));
        return byAddress(address);
    }
}
