package dev.verdict.conformance.spec;

import dev.verdict.conformance.client.Protocol;
import dev.verdict.conformance.client.RespConnection;
import dev.verdict.conformance.client.RespReply;
import dev.verdict.conformance.client.RespValue;

import java.util.HashMap;
import java.util.Map;

/** One RESP2 side connection per target for housekeeping (FLUSHALL before each case). */
final class TargetAdmin implements AutoCloseable {

    private final Map<SpecTarget, RespConnection> connections = new HashMap<>();

    synchronized void flushAll(SpecTarget target) {
        RespReply r;
        try {
            r = connection(target).call("FLUSHALL");
        } catch (RuntimeException broken) {
            RespConnection old = connections.remove(target);
            if (old != null) {
                old.close();
            }
            r = connection(target).call("FLUSHALL");
        }
        if (SpecConnection.isUnknownCommand(r.value())) {
            throw new NotImplementedException("FLUSHALL, needed to start each case clean: "
                    + ((RespValue.Error) r.value()).message());
        }
        if (!r.rawText().equals("+OK\r\n")) {
            throw new IllegalStateException("FLUSHALL on " + target.name() + " answered " + r.rawEscaped());
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
