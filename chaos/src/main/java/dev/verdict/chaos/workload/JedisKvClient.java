package dev.verdict.chaos.workload;

import redis.clients.jedis.Jedis;

import java.util.Set;
import java.util.function.Function;

/**
 * The workload operations every Jedis-backed client runs the same way; subclasses say only how
 * a call reaches a connection (a pinned node, Sentinel's pool, ...).
 */
abstract class JedisKvClient implements KvClient {

    /** Runs {@code call} on a connection; a failure to get one is a {@link NotSentException}. */
    protected abstract <T> T with(Function<Jedis, T> call);

    @Override
    public void set(String key, String value) {
        with(j -> j.set(key, value));
    }

    @Override
    public String get(String key) {
        return with(j -> j.get(key));
    }

    @Override
    public long incr(String key) {
        return with(j -> j.incr(key));
    }

    @Override
    public long sadd(String key, String member, int replicas, long waitTimeoutMs) {
        return with(j -> {
            j.sadd(key, member);
            return replicas > 0 ? j.waitReplicas(replicas, waitTimeoutMs) : -1L;
        });
    }

    @Override
    public Set<String> smembers(String key) {
        return with(j -> j.smembers(key));
    }
}
