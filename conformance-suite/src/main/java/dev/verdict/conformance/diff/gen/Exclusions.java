package dev.verdict.conformance.diff.gen;

import dev.verdict.conformance.diff.grammar.CommandSpec;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Commands the generator never writes, each with its reason. A name matches a command ("SHUTDOWN"), a subcommand
 * ("CLIENT KILL") or every subcommand of a container ("DEBUG").
 */
public final class Exclusions {

    private static final Map<String, String> REASONS = new LinkedHashMap<>();

    static {
        REASONS.put("SHUTDOWN", "stops the target");
        REASONS.put("DEBUG", "crashes, sleeps or alters internals; the engine compares values itself");
        REASONS.put("MONITOR", "turns the connection into a feed of other clients' commands");
        REASONS.put("CLIENT KILL", "may close the engine's own connection");
        REASONS.put("CLIENT PAUSE", "stalls the target for its timeout");
        REASONS.put("CLIENT UNPAUSE", "pairs with CLIENT PAUSE, which is excluded");
        REASONS.put("CLIENT REPLY", "OFF and SKIP suppress replies, which breaks lockstep");
        REASONS.put("CLIENT TRACKING", "redirects name client IDs, which differ between any two servers");
        REASONS.put("CLIENT ID", "a connection counter that depends on the target's past connections");
        REASONS.put("CLIENT LIST", "addresses, ages and memory figures of live connections");
        REASONS.put("CLIENT INFO", "addresses, ages and memory figures of the connection");
        REASONS.put("HELLO", "switches protocol and reports the connection ID; the protocol is a run parameter");
        REASONS.put("QUIT", "closes the connection");
        REASONS.put("FAILOVER", "changes the topology; chaos covers it");
        REASONS.put("REPLICAOF", "changes the topology; chaos covers it");
        REASONS.put("SLAVEOF", "changes the topology; chaos covers it");
        REASONS.put("SYNC", "turns the connection into a replication stream");
        REASONS.put("PSYNC", "turns the connection into a replication stream");
        REASONS.put("REPLCONF", "replication handshake internals");
        REASONS.put("WAIT", "blocks for its timeout on a target without replicas");
        REASONS.put("MIGRATE", "connects to another server");
        REASONS.put("CLUSTER", "a standalone target; cluster behaviour is the chaos module's");
        REASONS.put("READONLY", "cluster replica reads; a standalone target");
        REASONS.put("READWRITE", "cluster replica reads; a standalone target");
        REASONS.put("ASKING", "cluster redirection; a standalone target");
        REASONS.put("SAVE", "writes an RDB file; persistence has its own suite");
        REASONS.put("BGSAVE", "forks and writes an RDB file; its reply depends on timing");
        REASONS.put("BGREWRITEAOF", "forks and writes an AOF; its reply depends on timing");
        REASONS.put("LASTSAVE", "a wall-clock time");
        REASONS.put("CONFIG SET", "could set dangerous parameters (dir, port, maxmemory) on a shared target");
        REASONS.put("CONFIG REWRITE", "writes the target's configuration file");
        REASONS.put("ACL SETUSER", "changes who may connect");
        REASONS.put("ACL DELUSER", "changes who may connect");
        REASONS.put("ACL LOAD", "reads an ACL file the targets do not share");
        REASONS.put("ACL SAVE", "writes an ACL file");
        REASONS.put("ACL LOG", "entries carry client addresses and ages");
        REASONS.put("ACL GENPASS", "random by design");
        REASONS.put("SCRIPT DEBUG", "turns EVAL into an interactive debugging session");
        REASONS.put("SCRIPT KILL", "meaningful only while a script runs on another connection");
        REASONS.put("FUNCTION KILL", "meaningful only while a function runs on another connection");
        REASONS.put("MODULE", "loads native code");
        REASONS.put("SLOWLOG", "entries depend on timing");
        REASONS.put("LATENCY", "samples, histograms, DOCTOR and GRAPH depend on timing; spec suites check their texts");
        REASONS.put("MEMORY", "byte counts of an allocator, not a behaviour; MALLOC-STATS is jemalloc's own report");
        REASONS.put("INFO", "counters, times and memory figures; checked by the spec suites");
        REASONS.put("LOLWUT", "art that embeds the version string");
        REASONS.put("PFSELFTEST", "a slow internal self test");
        REASONS.put("SELECT", "the per-sequence reset and the keyspace comparison look at database 0");
        REASONS.put("SWAPDB", "the per-sequence reset and the keyspace comparison look at database 0");
        REASONS.put("MOVE", "the per-sequence reset and the keyspace comparison look at database 0");
        REASONS.put("SENTINEL", "a Sentinel command; chaos covers Sentinel");
    }

    private Exclusions() {
    }

    /** Why the command is never generated, or empty when it may be. */
    public static Optional<String> reason(CommandSpec spec) {
        String full = REASONS.get(spec.name());
        if (full != null) {
            return Optional.of(full);
        }
        if ("cluster".equals(spec.group()) || "sentinel".equals(spec.group())) {
            return Optional.of("a standalone target; cluster and Sentinel behaviour is the chaos module's");
        }
        return Optional.ofNullable(REASONS.get(spec.words().get(0)));
    }

    private static final java.util.Set<String> SUBSCRIPTIONS = java.util.Set.of("SUBSCRIBE", "PSUBSCRIBE",
            "SSUBSCRIBE", "UNSUBSCRIBE", "PUNSUBSCRIBE", "SUNSUBSCRIBE");

    /**
     * Commands written only in the multi-connection mode: blocking ones need a client left to wake them, and
     * subscriptions turn the connection into a message feed that only makes sense with a publisher beside it.
     */
    public static Optional<String> singleConnectionReason(CommandSpec spec) {
        if (spec.hasFlag("blocking")) {
            return Optional.of("blocks the only connection; the multi-connection mode covers it");
        }
        if (SUBSCRIPTIONS.contains(spec.name())) {
            return Optional.of("puts the connection in subscriber mode; the multi-connection mode covers it");
        }
        return Optional.empty();
    }
}
