package dev.verdict.conformance.diff.compare;

import dev.verdict.conformance.client.RespReply;
import dev.verdict.conformance.client.RespValue;
import dev.verdict.conformance.diff.Command;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Per client, the commands queued since its MULTI, as both targets acknowledged them (+QUEUED on both): EXEC's
 * reply has one element per such command, in that order. MULTI, EXEC, DISCARD and RESET start afresh.
 */
final class TransactionQueues {

    private static final Set<String> ENDS = Set.of("MULTI", "EXEC", "DISCARD", "RESET");

    private final Map<Integer, List<Command>> queues = new HashMap<>();

    List<Command> queued(int client) {
        return queues.getOrDefault(client, List.of());
    }

    /** Takes note of a command and the two replies it got. */
    void observe(Command c, RespReply a, RespReply b) {
        String name = c.args().isEmpty() ? "" : c.arg(0).toUpperCase(Locale.ROOT);
        if (ENDS.contains(name)) {
            queues.remove(c.client());
        } else if (queued(a) && queued(b)) {
            queues.computeIfAbsent(c.client(), k -> new ArrayList<>()).add(c);
        }
    }

    static boolean queued(RespReply r) {
        return r.value() instanceof RespValue.SimpleString s && s.value().equals("QUEUED");
    }
}
