package dev.verdict.chaos.workload;

import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisAdvancedClusterCommands;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Lettuce's cluster client with adaptive and periodic topology refresh, so it follows a
 * failover. Transactions and WAIT are not offered: its connection multiplexes node connections.
 */
public final class LettuceClusterClient implements KvClient {

    private final RedisClusterClient client;
    private final StatefulRedisClusterConnection<String, String> connection;
    private final RedisAdvancedClusterCommands<String, String> sync;

    public LettuceClusterClient(Set<String> seeds, Duration timeout) {
        List<RedisURI> uris = seeds.stream().map(s -> RedisURI.builder()
                .withHost(s.substring(0, s.lastIndexOf(':')))
                .withPort(Integer.parseInt(s.substring(s.lastIndexOf(':') + 1)))
                .withTimeout(timeout).build()).toList();
        this.client = RedisClusterClient.create(uris);
        client.setOptions(ClusterClientOptions.builder()
                .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
                        .enablePeriodicRefresh(Duration.ofSeconds(1))
                        .enableAllAdaptiveRefreshTriggers()
                        .build())
                .build());
        this.connection = client.connect();
        this.sync = connection.sync();
    }

    @Override
    public String name() {
        return "lettuce-cluster";
    }

    @Override
    public void set(String key, String value) {
        sync.set(key, value);
    }

    @Override
    public String get(String key) {
        return sync.get(key);
    }

    @Override
    public long incr(String key) {
        return sync.incr(key);
    }

    @Override
    public long sadd(String key, String member, int replicas, long waitTimeoutMs) {
        if (replicas > 0) {
            throw new UnsupportedOperationException("WAIT through a multiplexed cluster connection");
        }
        sync.sadd(key, member);
        return -1;
    }

    @Override
    public Set<String> smembers(String key) {
        return sync.smembers(key);
    }

    @Override
    public List<String> appendAndRead(String key, String value) {
        throw new UnsupportedOperationException("MULTI through a multiplexed cluster connection");
    }

    @Override
    public List<String> lrange(String key) {
        return sync.lrange(key, 0, -1);
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
