package dev.verdict.chaos.workload;

import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

import java.util.List;
import java.util.function.Function;

/**
 * A client pinned to one node, as a client on the minority side of a partition is: it cannot
 * reach Sentinel, so it keeps writing to the master it knows. One connection per thread.
 */
public final class JedisDirectClient extends JedisKvClient {

    private final HostAndPort node;
    private final int socketTimeoutMs;
    private final ThreadLocal<Jedis> connection = new ThreadLocal<>();
    private final List<Jedis> all = new java.util.concurrent.CopyOnWriteArrayList<>();

    public JedisDirectClient(String address, int socketTimeoutMs) {
        this.node = HostAndPort.from(address);
        this.socketTimeoutMs = socketTimeoutMs;
    }

    @Override
    protected <T> T with(Function<Jedis, T> call) {
        Jedis jedis = connection.get();
        if (jedis == null || jedis.isBroken()) {
            if (jedis != null) {
                jedis.close();
            }
            try {
                jedis = new Jedis(node, DefaultJedisClientConfig.builder().protocol(redis.clients.jedis.RedisProtocol.RESP2)
                        .connectionTimeoutMillis(500).socketTimeoutMillis(socketTimeoutMs).build());
                jedis.ping();
            } catch (RuntimeException e) {
                throw new NotSentException(e);
            }
            connection.set(jedis);
            all.add(jedis);
        }
        return call.apply(jedis);
    }

    @Override
    public String name() {
        return "jedis-direct";
    }

    @Override
    public List<String> appendAndRead(String key, String value) {
        throw new UnsupportedOperationException("list-append runs through topology-aware clients");
    }

    @Override
    public List<String> lrange(String key) {
        return with(j -> j.lrange(key, 0, -1));
    }

    @Override
    public String lastNode() {
        return node.toString();
    }

    @Override
    public void close() {
        all.forEach(Jedis::close);
    }
}
