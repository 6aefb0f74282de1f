package dev.verdict.chaos.workload;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TransactionResult;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.masterreplica.MasterReplica;
import io.lettuce.core.masterreplica.StatefulRedisMasterReplicaConnection;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Lettuce's master-replica client discovering the master through Sentinel. One connection per
 * client thread, because MULTI and WAIT belong to a connection.
 */
public final class LettuceMasterReplicaClient implements KvClient {

    private final RedisClient client;
    private final RedisURI uri;
    private final ThreadLocal<StatefulRedisMasterReplicaConnection<String, String>> connection = new ThreadLocal<>();
    private final List<StatefulRedisMasterReplicaConnection<String, String>> all = new CopyOnWriteArrayList<>();

    public LettuceMasterReplicaClient(String masterName, Set<String> sentinels, Duration timeout) {
        RedisURI.Builder builder = null;
        for (String s : sentinels) {
            String host = s.substring(0, s.lastIndexOf(':'));
            int port = Integer.parseInt(s.substring(s.lastIndexOf(':') + 1));
            builder = builder == null ? RedisURI.Builder.sentinel(host, port, masterName) : builder.withSentinel(host, port);
        }
        if (builder == null) {
            throw new IllegalArgumentException("no sentinels");
        }
        this.uri = builder.withTimeout(timeout).build();
        this.client = RedisClient.create();
        this.client.setOptions(ClientOptions.builder().autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).build());
    }

    private RedisCommands<String, String> sync() {
        StatefulRedisMasterReplicaConnection<String, String> c = connection.get();
        if (c != null && !c.isOpen()) {
            c.close();
            c = null;
        }
        if (c == null) {
            try {
                c = MasterReplica.connect(client, StringCodec.UTF8, uri);
            } catch (RuntimeException e) {
                throw new NotSentException(e);
            }
            connection.set(c);
            all.add(c);
        }
        return c.sync();
    }

    /**
     * Runs a call; a connection that rejects commands because it is disconnected (it was made to a
     * master that died) or because its view holds no master (a failover it did not follow) is
     * dropped, so the thread's next call connects afresh through Sentinel, as an application would.
     * Rejected commands were never sent.
     */
    private <T> T call(java.util.function.Function<RedisCommands<String, String>, T> body) {
        try {
            return body.apply(sync());
        } catch (io.lettuce.core.RedisException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("Commands are rejected") || message.contains("Master is currently unknown")) {
                StatefulRedisMasterReplicaConnection<String, String> c = connection.get();
                connection.remove();
                if (c != null) {
                    c.closeAsync();
                }
                throw new NotSentException(e);
            }
            throw e;
        }
    }

    @Override
    public String name() {
        return "lettuce-master-replica";
    }

    @Override
    public void set(String key, String value) {
        call(c -> c.set(key, value));
    }

    @Override
    public String get(String key) {
        return call(c -> c.get(key));
    }

    @Override
    public long incr(String key) {
        return call(c -> c.incr(key));
    }

    @Override
    public long sadd(String key, String member, int replicas, long waitTimeoutMs) {
        return call(c -> {
            c.sadd(key, member);
            return replicas > 0 ? c.waitForReplication(replicas, waitTimeoutMs) : -1L;
        });
    }

    @Override
    public Set<String> smembers(String key) {
        return call(c -> c.smembers(key));
    }

    @SuppressWarnings("unchecked")
    @Override
    public List<String> appendAndRead(String key, String value) {
        return call(c -> {
            c.multi();
            c.rpush(key, value);
            c.lrange(key, 0, -1);
            TransactionResult result = c.exec();
            if (result.wasDiscarded()) {
                throw new IllegalStateException("EXEC aborted");
            }
            return (List<String>) result.get(1);
        });
    }

    @Override
    public List<String> lrange(String key) {
        return call(c -> c.lrange(key, 0, -1));
    }

    @Override
    public void close() {
        all.forEach(StatefulRedisMasterReplicaConnection::close);
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
