package dev.verdict.chaos.workload;

import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.AbstractTransaction;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisSentinelPool;
import redis.clients.jedis.Response;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Jedis's Sentinel pool: asks Sentinels for the master and follows +switch-master. */
public final class JedisSentinelClient extends JedisKvClient {

    private final JedisSentinelPool pool;
    private final ThreadLocal<String> lastNode = new ThreadLocal<>();

    public JedisSentinelClient(String masterName, Set<String> sentinels, int socketTimeoutMs) {
        JedisClientConfig master = DefaultJedisClientConfig.builder().protocol(redis.clients.jedis.RedisProtocol.RESP2)
                .connectionTimeoutMillis(500).socketTimeoutMillis(socketTimeoutMs).build();
        JedisClientConfig sentinel = DefaultJedisClientConfig.builder().protocol(redis.clients.jedis.RedisProtocol.RESP2)
                .connectionTimeoutMillis(500).socketTimeoutMillis(1000).build();
        GenericObjectPoolConfig<Jedis> poolConfig = new GenericObjectPoolConfig<>();
        poolConfig.setMaxTotal(16);
        poolConfig.setMaxWait(java.time.Duration.ofMillis(500));
        poolConfig.setTestOnBorrow(false);
        this.pool = new JedisSentinelPool(masterName,
                sentinels.stream().map(HostAndPort::from).collect(Collectors.toSet()), poolConfig, master, sentinel);
    }

    @Override
    protected <T> T with(Function<Jedis, T> call) {
        Jedis jedis;
        HostAndPort master = pool.getCurrentHostMaster();
        lastNode.set(master == null ? null : master.toString());
        try {
            jedis = pool.getResource();
        } catch (RuntimeException e) {
            throw new NotSentException(e);
        }
        try (jedis) {
            lastNode.set(jedis.getClient().getHostAndPort().toString());
            return call.apply(jedis);
        }
    }

    @Override
    public String name() {
        return "jedis-sentinel";
    }

    @Override
    public List<String> appendAndRead(String key, String value) {
        return with(j -> {
            AbstractTransaction tx = j.multi();
            tx.rpush(key, value);
            Response<List<String>> list = tx.lrange(key, 0, -1);
            List<Object> replies = tx.exec();
            if (replies == null) {
                throw new IllegalStateException("EXEC aborted");
            }
            return list.get();
        });
    }

    @Override
    public List<String> lrange(String key) {
        return with(j -> j.lrange(key, 0, -1));
    }

    @Override
    public String lastNode() {
        return lastNode.get();
    }

    @Override
    public void close() {
        pool.close();
    }
}
