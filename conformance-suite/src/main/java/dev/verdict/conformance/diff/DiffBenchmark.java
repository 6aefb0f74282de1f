package dev.verdict.conformance.diff;

import dev.verdict.conformance.diff.grammar.Family;
import dev.verdict.conformance.diff.grammar.Grammar;
import dev.verdict.conformance.AcceptedDifferences;
import dev.verdict.conformance.diff.report.ResultsWriter;
import dev.verdict.conformance.diff.report.RunReport;
import dev.verdict.conformance.diff.run.Budget;
import dev.verdict.conformance.diff.run.DifferentialRun;
import dev.verdict.conformance.diff.run.RunConfig;
import dev.verdict.conformance.diff.run.StartedTarget;

import java.util.List;
import java.util.Set;

/**
 * Commands compared per second, the in-JVM reference against real Redis in a container, on every command both
 * implement. A warm-up run first (JIT), then measured runs; shrinking is off so that only generation, transport and
 * comparison count. Only commands whose replies from both targets were compared count: the generated ones and the
 * reads that compare each sequence's final keyspace (printed apart); keyspace reads sent but left uncompared (the
 * reads for the types a key does not have) and commands after a sequence's first mismatch do not.
 * Usage: {@code DiffBenchmark [a-spec] [b-spec] [commands-per-run] [runs]}, default
 * {@code reference redis-container 200000 3}.
 */
public final class DiffBenchmark {

    private DiffBenchmark() {
    }

    public static void main(String[] args) {
        String a = args.length > 0 ? args[0] : "reference";
        String b = args.length > 1 ? args[1] : "redis-container";
        long perRun = args.length > 2 ? Long.parseLong(args[2]) : 200_000;
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        Grammar grammar = Grammar.fromClasspath();
        AcceptedDifferences none = new AcceptedDifferences(List.of());
        try (StartedTarget ta = StartedTarget.start(a); StartedTarget tb = StartedTarget.start(b)) {
            measure("warm-up", ta, tb, grammar, none, perRun / 4);
            double best = 0;
            double sum = 0;
            double bestGenerated = 0;
            double sumGenerated = 0;
            for (int i = 0; i < runs; i++) {
                RunReport r = measure("run " + (i + 1), ta, tb, grammar, none, perRun);
                best = Math.max(best, r.commandsPerSecond());
                sum += r.commandsPerSecond();
                bestGenerated = Math.max(bestGenerated, r.generatedPerSecond());
                sumGenerated += r.generatedPerSecond();
            }
            System.out.printf("%s vs %s: mean %.0f, best %.0f commands compared per second "
                            + "(generated commands alone: mean %.0f, best %.0f)%n", ta.name(), tb.name(), sum / runs,
                    best, sumGenerated / runs, bestGenerated);
        }
    }

    private static RunReport measure(String label, StartedTarget a, StartedTarget b, Grammar grammar,
                                     AcceptedDifferences accepted, long commands) {
        RunConfig config = RunConfig.of("benchmark", 1, Budget.commands(commands), Set.<Family>of()).withShrink(false);
        RunReport r = new DifferentialRun(config, a, b, grammar, accepted).run();
        if (!r.findings().isEmpty()) {
            System.out.println("findings written to " + ResultsWriter.write(r));
        }
        System.out.printf("%s: %d commands compared (%d generated, %d keyspace reads; %d sequences, %d covered, "
                        + "%d findings) in %d ms: %.0f/s (generated alone %.0f/s)%n", label, r.commandsRun(),
                r.commandsRun() - r.keyspaceReads(), r.keyspaceReads(), r.sequencesRun(), r.commandsCovered().size(),
                r.findings().size(), r.durationMs(), r.commandsPerSecond(), r.generatedPerSecond());
        return r;
    }
}
