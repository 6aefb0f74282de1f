package dev.verdict.conformance.diff.run;

import dev.verdict.conformance.client.Protocol;
import dev.verdict.conformance.diff.grammar.Family;

import java.util.Set;

/**
 * What a differential run does.
 *
 * @param families        families to draw from (empty with empty {@code commands}: all)
 * @param commands        extra commands by name ("SET", "CONFIG GET")
 * @param sequenceLength  commands between two resets; a mismatch ends its sequence
 * @param batchSize       sequence commands per pipelined write (several sequences share one, each with its reset
 *                        and its keyspace reads)
 * @param shrink          shrink mismatches into minimal reproductions
 * @param maxReplays      bound on replays per shrink
 */
public record RunConfig(String name, long seed, Budget budget, Set<Family> families, Set<String> commands,
                        Protocol protocol, int sequenceLength, int batchSize, boolean shrink, int maxReplays,
                        int clients) {

    public static RunConfig of(String name, long seed, Budget budget, Set<Family> families) {
        return new RunConfig(name, seed, budget, families, Set.of(), Protocol.RESP2, 40, 512, true, 400, 1);
    }

    public RunConfig withCommands(Set<String> names) {
        return new RunConfig(name, seed, budget, families, names, protocol, sequenceLength, batchSize, shrink,
                maxReplays, clients);
    }

    public RunConfig withShrink(boolean on) {
        return new RunConfig(name, seed, budget, families, commands, protocol, sequenceLength, batchSize, on,
                maxReplays, clients);
    }

    public RunConfig withSequenceLength(int length) {
        return new RunConfig(name, seed, budget, families, commands, protocol, length, batchSize, shrink, maxReplays,
                clients);
    }

    public RunConfig withProtocol(Protocol p) {
        return new RunConfig(name, seed, budget, families, commands, p, sequenceLength, batchSize, shrink, maxReplays,
                clients);
    }

    /** More than one client switches on the multi-connection mode (blocking commands, pub/sub, MULTI across clients). */
    public RunConfig withClients(int n) {
        return new RunConfig(name, seed, budget, families, commands, protocol, sequenceLength, batchSize, shrink,
                maxReplays, n);
    }

    /** The seed from {@code -Ddiff.seed}, else the given default. */
    public static long seedProperty(long fallback) {
        return Long.parseLong(System.getProperty("diff.seed", Long.toString(fallback)));
    }

    /** The budget from {@code -Ddiff.budget}, else the given default. */
    public static Budget budgetProperty(String fallback) {
        return Budget.parse(System.getProperty("diff.budget", fallback));
    }
}
