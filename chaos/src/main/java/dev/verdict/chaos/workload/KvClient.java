package dev.verdict.chaos.workload;

import java.util.List;
import java.util.Set;

/**
 * The few commands the workloads issue, behind whichever topology-aware client runs them
 * (Jedis's Sentinel pool or cluster client, Lettuce's master-replica or cluster client). Errors
 * are the client library's own exceptions; {@link Outcomes} classifies them.
 */
public interface KvClient extends AutoCloseable {

    /** "jedis-sentinel", "lettuce-cluster", ... */
    String name();

    void set(String key, String value);

    String get(String key);

    long incr(String key);

    /**
     * SADD, then, when {@code replicas > 0}, WAIT on the same connection.
     *
     * @return the replicas that acknowledged (WAIT's reply), or -1 when not asked to wait
     */
    long sadd(String key, String member, int replicas, long waitTimeoutMs);

    Set<String> smembers(String key);

    /** RPUSH and LRANGE in one MULTI/EXEC: the list as it stood right after the append. */
    List<String> appendAndRead(String key, String value);

    List<String> lrange(String key);

    /** host:port of the node the last operation on this thread went to, where the client can tell; else null. */
    default String lastNode() {
        return null;
    }

    @Override
    void close();
}
