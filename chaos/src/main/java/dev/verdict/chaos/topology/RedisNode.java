package dev.verdict.chaos.topology;

import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisProtocol;

import java.time.Duration;
import java.util.Map;

/**
 * One Redis server or Sentinel of a topology, wherever it runs (a container on the topology's
 * network, or a local process on its own loopback address). Its address is the one peers and
 * the test JVM both use. Kill and restart keep its data directory.
 */
public interface RedisNode extends AutoCloseable {

    String name();

    String ip();

    /** The port peers and clients use. */
    int port();

    /** {@code ip:port}, the form Redis reports in INFO, ROLE and CLUSTER NODES. */
    default String address() {
        return ip() + ":" + port();
    }

    default HostAndPort hostAndPort() {
        return new HostAndPort(ip(), port());
    }

    /** A fresh connection with short timeouts; the caller closes it. */
    default Jedis connect() {
        return new Jedis(hostAndPort(), DefaultJedisClientConfig.builder().protocol(RedisProtocol.RESP2)
                .connectionTimeoutMillis(1000).socketTimeoutMillis(2000).build());
    }

    /** One INFO section as fields. */
    default Map<String, String> info(String section) {
        try (Jedis jedis = connect()) {
            return Info.parse(jedis.info(section));
        }
    }

    /** kill -9: the server dies at once without saving; its data directory remains. */
    void kill();

    /** Starts the killed server again with the same data directory, configuration and address. */
    void restart();

    /** SIGSTOP: connections stay open, nothing is answered until {@link #resume()}. */
    void pause();

    void resume();

    boolean running();

    /** A handle for faults on this node's network links; {@link Links#clear()} undoes exactly what it did. */
    Links links();

    default void awaitPing(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            try (Jedis jedis = connect()) {
                if ("PONG".equals(jedis.ping())) {
                    return;
                }
            } catch (RuntimeException e) {
                last = e; // LOADING, or not listening yet.
            }
            Await.sleep(100);
        }
        throw new IllegalStateException(name() + " did not answer PING within " + timeout, last);
    }

    @Override
    void close();

    /** Faults on a node's traffic, applied by whatever the node's kind allows. */
    interface Links {

        /** Drops everything between this node and {@code peer}, both ways (not the test JVM's traffic). */
        void cut(RedisNode peer);

        /** Drops a random share of incoming traffic. */
        void dropRandomly(double probability);

        /** Limits outgoing bandwidth, e.g. {@code "1mbit"}. */
        void limitRate(String rate);

        /** Delays traffic on the node's links. */
        void delay(Duration latency);

        /** Undoes everything this handle did. */
        void clear();
    }
}
