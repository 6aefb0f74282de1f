package dev.verdict.chaos.workload;

import dev.verdict.chaos.history.Outcome;

/**
 * What a client exception tells about whether the operation happened. An error reply from the
 * server means it did not (READONLY, NOREPLICAS, CLUSTERDOWN, MOVED, EXECABORT); a failure before
 * sending means it did not; anything else (timeouts, resets, a cluster client out of retries) is
 * unknown.
 */
public final class Outcomes {

    private Outcomes() {
    }

    public static Outcome of(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof NotSentException) {
                return Outcome.FAIL;
            }
            String type = t.getClass().getName();
            if (type.equals("redis.clients.jedis.exceptions.JedisDataException")
                    || type.equals("redis.clients.jedis.exceptions.JedisBusyException")
                    || type.equals("redis.clients.jedis.exceptions.JedisNoScriptException")
                    || type.equals("redis.clients.jedis.exceptions.JedisMovedDataException")
                    || type.equals("redis.clients.jedis.exceptions.JedisAskDataException")
                    || type.equals("redis.clients.jedis.exceptions.JedisClusterException")
                    || type.equals("io.lettuce.core.RedisCommandExecutionException")
                    || type.equals("io.lettuce.core.RedisBusyException")
                    || type.equals("io.lettuce.core.RedisNoScriptException")) {
                return Outcome.FAIL;
            }
        }
        return Outcome.UNKNOWN;
    }
}
