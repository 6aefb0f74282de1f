package dev.verdict.conformance.spec;

import dev.verdict.conformance.client.Protocol;
import dev.verdict.conformance.client.RespConnection;
import dev.verdict.conformance.client.RespReply;
import dev.verdict.conformance.client.RespValue;
import dev.verdict.conformance.client.RespValues;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Housekeeping over one RESP2 side connection per target: every case starts on an empty server.
 * FLUSHALL does it; a young server without FLUSHALL is cleaned after each case instead by
 * deleting, in every database, each name the case sent (keys are always among the arguments),
 * so its implemented commands can still be checked.
 */
final class TargetAdmin implements AutoCloseable {

    private static final int DATABASES = 16;

    private final Map<SpecTarget, RespConnection> connections = new HashMap<>();
    private final Set<SpecTarget> withoutFlushAll = new HashSet<>();

    /** Empties the target before a case, or checks that the previous case's clean-up can stand in for it. */
    synchronized void prepare(SpecTarget target) {
        if (withoutFlushAll.contains(target)) {
            return;
        }
        RespReply r = call(target, "FLUSHALL");
        if (SpecConnection.isUnknownCommand(r.value())) {
            RespReply del = call(target, "DEL", "verdict-spec-probe");
            if (SpecConnection.isUnknownCommand(del.value())) {
                throw new NotImplementedException("FLUSHALL and DEL, needed to start each case clean: "
                        + ((RespValue.Error) r.value()).message());
            }
            withoutFlushAll.add(target);
            return;
        }
        if (!r.rawText().equals("+OK\r\n")) {
            throw new IllegalStateException("FLUSHALL on " + target.name() + " answered " + r.rawEscaped());
        }
    }

    /** After a case: on a server without FLUSHALL, deletes every name the case sent, in every database. */
    synchronized void cleanUp(SpecTarget target, Collection<String> namesSent) {
        if (!withoutFlushAll.contains(target) || namesSent.isEmpty()) {
            return;
        }
        List<byte[][]> commands = new ArrayList<>();
        List<String> del = new ArrayList<>();
        del.add("DEL");
        del.addAll(namesSent);
        for (int db = DATABASES - 1; db >= 0; db--) {
            commands.add(RespValues.args("SELECT", Integer.toString(db)));
            commands.add(RespValues.args(del.toArray(String[]::new)));
        }
        try {
            connection(target).pipeline(commands);
        } catch (RuntimeException broken) {
            drop(target);
        }
    }

    /** Puts back configuration a case changed; a failure here would poison every later case, so it is loud. */
    synchronized void restoreConfig(SpecTarget target, Map<String, String> values) {
        for (Map.Entry<String, String> e : values.entrySet()) {
            RespReply r = call(target, "CONFIG", "SET", e.getKey(), e.getValue());
            if (!r.rawText().equals("+OK\r\n")) {
                throw new IllegalStateException("could not restore " + e.getKey() + " on " + target.name() + ": "
                        + r.rawEscaped());
            }
        }
    }

    private RespReply call(SpecTarget target, String... args) {
        try {
            return connection(target).call(args);
        } catch (RuntimeException broken) {
            drop(target);
            return connection(target).call(args);
        }
    }

    private void drop(SpecTarget target) {
        RespConnection old = connections.remove(target);
        if (old != null) {
            old.close();
        }
    }

    private RespConnection connection(SpecTarget target) {
        return connections.computeIfAbsent(target,
                t -> RespConnection.open(t.host(), t.port(), Protocol.RESP2, SpecSession.TIMEOUT));
    }

    @Override
    public synchronized void close() {
        connections.values().forEach(RespConnection::close);
        connections.clear();
    }
}
