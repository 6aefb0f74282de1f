package dev.verdict.chaos.history;

import java.util.Objects;

/**
 * One completed client operation, as Jepsen records it: who did what to which key, when it was
 * invoked and when the client learned its outcome. An UNKNOWN operation may have taken effect at
 * any time after {@code invokeMs}, so checkers treat its completion as open-ended.
 *
 * @param client  the logical client (thread) that issued it; a client has one operation in flight
 * @param op      the operation's name: write, read, incr, add, append, read-all
 * @param key     the key it touched
 * @param value   the argument (the value written, the element added), or null
 * @param result  what the server returned (the value read, the counter after INCR), or null
 * @param node    the node that served it where the client can tell (host:port), or null
 */
public record Operation(int client, String op, String key, String value,
                        long invokeMs, long completeMs, Outcome outcome, String result, String node) {

    public Operation {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(outcome, "outcome");
        if (completeMs < invokeMs) {
            throw new IllegalArgumentException("completes before it is invoked: " + invokeMs + " > " + completeMs);
        }
    }

    public boolean ok() {
        return outcome == Outcome.OK;
    }

    public long latencyMs() {
        return completeMs - invokeMs;
    }

    public static Operation ok(int client, String op, String key, String value, long invokeMs, long completeMs, String result) {
        return new Operation(client, op, key, value, invokeMs, completeMs, Outcome.OK, result, null);
    }

    public static Operation fail(int client, String op, String key, String value, long invokeMs, long completeMs) {
        return new Operation(client, op, key, value, invokeMs, completeMs, Outcome.FAIL, null, null);
    }

    public static Operation unknown(int client, String op, String key, String value, long invokeMs, long completeMs) {
        return new Operation(client, op, key, value, invokeMs, completeMs, Outcome.UNKNOWN, null, null);
    }

    public Operation servedBy(String node) {
        return new Operation(client, op, key, value, invokeMs, completeMs, outcome, result, node);
    }
}
