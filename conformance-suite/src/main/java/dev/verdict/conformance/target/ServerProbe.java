package dev.verdict.conformance.target;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;

/** Asks a server over the wire whether it is up and what it is. */
public final class ServerProbe {

    private ServerProbe() {
    }

    /** A plain RESP2 Jedis connection (no HELLO sent) with one timeout for connect and reads. */
    public static Jedis jedis(Endpoint endpoint, int timeoutMillis) {
        return new Jedis(new HostAndPort(endpoint.host(), endpoint.port()), DefaultJedisClientConfig.builder()
                .timeoutMillis(timeoutMillis).autoNegotiateProtocol(false).build());
    }

    /** Whether the endpoint answers PING with PONG within a second. */
    public static boolean answersPing(Endpoint endpoint) {
        try (Jedis jedis = jedis(endpoint, 1000)) {
            return "PONG".equals(jedis.ping());
        } catch (JedisException e) {
            return false;
        }
    }

    /**
     * Waits until the endpoint answers PING; fails early with the reason {@code stillStarting}
     * gives up on (a dead process, a stopped container).
     */
    public static void awaitPing(Endpoint endpoint, Duration timeout, BooleanSupplier stillStarting, String what) {
        Instant deadline = Instant.now().plus(timeout);
        while (!answersPing(endpoint)) {
            if (!stillStarting.getAsBoolean()) {
                throw new IllegalStateException(what + " stopped before answering PING on " + endpoint);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(what + " did not answer PING on " + endpoint + " within " + timeout);
            }
            sleep(50);
        }
    }

    /** The fields of one {@code INFO} section, e.g. {@code redis_version -> 7.0.15}. */
    public static Map<String, String> info(Endpoint endpoint, String section) {
        try (Jedis jedis = jedis(endpoint, 5000)) {
            Map<String, String> fields = new LinkedHashMap<>();
            for (String line : jedis.info(section).split("\r?\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && !line.startsWith("#")) {
                    fields.put(line.substring(0, colon), line.substring(colon + 1));
                }
            }
            return fields;
        }
    }

    public static String version(Endpoint endpoint) {
        String version = info(endpoint, "server").get("redis_version");
        if (version == null) {
            throw new IllegalStateException(endpoint + " reports no redis_version in INFO server");
        }
        return version;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
