package dev.verdict.chaos.workload;

import redis.clients.jedis.AbstractTransaction;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.Response;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Jedis's cluster client: follows MOVED and refreshes its slot map when a master fails. WAIT is
 * not offered: the client pools connections per node, and WAIT counts only the writes of the
 * connection it is sent on.
 */
public final class JedisClusterClient implements KvClient {

    private final JedisCluster cluster;

    public JedisClusterClient(Set<String> seeds, int socketTimeoutMs) {
        this.cluster = new JedisCluster(seeds.stream().map(HostAndPort::from).collect(Collectors.toSet()),
                DefaultJedisClientConfig.builder().protocol(redis.clients.jedis.RedisProtocol.RESP2).connectionTimeoutMillis(500).socketTimeoutMillis(socketTimeoutMs).build(),
                3, Duration.ofMillis(2L * socketTimeoutMs));
    }

    @Override
    public String name() {
        return "jedis-cluster";
    }

    @Override
    public void set(String key, String value) {
        cluster.set(key, value);
    }

    @Override
    public String get(String key) {
        return cluster.get(key);
    }

    @Override
    public long incr(String key) {
        return cluster.incr(key);
    }

    @Override
    public long sadd(String key, String member, int replicas, long waitTimeoutMs) {
        if (replicas > 0) {
            throw new UnsupportedOperationException("WAIT through a pooled cluster client counts another connection's writes");
        }
        cluster.sadd(key, member);
        return -1;
    }

    @Override
    public Set<String> smembers(String key) {
        return cluster.smembers(key);
    }

    @Override
    public List<String> appendAndRead(String key, String value) {
        try (AbstractTransaction tx = cluster.multi()) {
            tx.rpush(key, value);
            Response<List<String>> list = tx.lrange(key, 0, -1);
            if (tx.exec() == null) {
                throw new IllegalStateException("EXEC aborted");
            }
            return list.get();
        }
    }

    @Override
    public List<String> lrange(String key) {
        return cluster.lrange(key, 0, -1);
    }

    @Override
    public void close() {
        cluster.close();
    }
}
