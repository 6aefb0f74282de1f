package dev.verdict.chaos.workload;

import java.time.Duration;
import java.util.Set;

/** Which client library runs a workload, for topologies that need a Sentinel- or Cluster-aware client. */
public enum ClientKind {
    JEDIS,
    LETTUCE;

    public KvClient sentinel(String masterName, Set<String> sentinels, int timeoutMs) {
        return this == JEDIS
                ? new JedisSentinelClient(masterName, sentinels, timeoutMs)
                : new LettuceMasterReplicaClient(masterName, sentinels, Duration.ofMillis(timeoutMs));
    }

    public KvClient cluster(Set<String> seeds, int timeoutMs) {
        return this == JEDIS
                ? new JedisClusterClient(seeds, timeoutMs)
                : new LettuceClusterClient(seeds, Duration.ofMillis(timeoutMs));
    }
}
