package dev.verdict.conformance.diff;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.verdict.conformance.client.Protocol;
import dev.verdict.conformance.diff.compare.NormalisationTable;
import dev.verdict.conformance.diff.compare.Outcome;
import dev.verdict.conformance.diff.gen.Entropy;
import dev.verdict.conformance.diff.gen.SequenceGenerator;
import dev.verdict.conformance.diff.grammar.Grammar;
import dev.verdict.conformance.AcceptedDifferences;
import dev.verdict.conformance.diff.report.Finding;
import dev.verdict.conformance.diff.run.CommandSelection;
import dev.verdict.conformance.diff.run.Lockstep;
import dev.verdict.conformance.diff.run.SingleConnectionExecutor;
import dev.verdict.conformance.diff.run.StartedTarget;
import org.junit.jupiter.api.AfterAll;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The differential generator driven by the fuzzer's bytes instead of a seed, against the in-JVM reference server
 * (whose coverage guides the fuzzer) with real Redis as the oracle. In the default test run Jazzer replays the
 * stored inputs (regression mode, DiffFuzzTestInputs/); {@code -Pfuzz} sets JAZZER_FUZZ=1 and it fuzzes for
 * maxDuration, saving any failing input beside the others.
 */
class DiffFuzzTest {

    private static StartedTarget reference;
    private static StartedTarget redis;
    private static SingleConnectionExecutor executor;
    private static CommandSelection selection;
    private static final AcceptedDifferences ACCEPTED = AcceptedDifferences.fromClasspath();

    private static synchronized void startOnce() {
        if (executor != null) {
            return;
        }
        reference = StartedTarget.start("reference");
        redis = StartedTarget.start("redis");
        executor = new SingleConnectionExecutor(reference, redis, Protocol.RESP2, new NormalisationTable(), 64);
        selection = CommandSelection.choose(Grammar.fromClasspath(), Set.of(), Set.of(), false, executor.lockstep());
    }

    @AfterAll
    static void stop() {
        if (executor != null) {
            executor.close();
            reference.close();
            redis.close();
            executor = null;
        }
    }

    /** Every choice of the generator is a number the fuzzer controls. */
    private record FuzzedEntropy(FuzzedDataProvider data) implements Entropy {
        @Override
        public int nextInt(int bound) {
            return bound <= 1 ? 0 : data.consumeInt(0, bound - 1);
        }
    }

    @FuzzTest(maxDuration = "5m")
    void referenceAgreesWithRedisOnFuzzedSequences(FuzzedDataProvider data) {
        startOnce();
        SequenceGenerator generator = new SequenceGenerator(selection.allowed(), new FuzzedEntropy(data));
        List<Command> sequence = generator.sequence(1 + data.consumeInt(0, 30));
        Lockstep.Result result = executor.run(sequence, true);
        if (result.mismatched()) {
            Lockstep.Step last = result.last();
            Finding asFinding = new Finding("fuzz", last.command().specName(), "", 0, List.of(), "", "", 0, 1, false, null);
            if (ACCEPTED.reasonForFinding(asFinding.id(), asFinding.command(), reference.kind(), redis.kind()).isEmpty()) {
                throw new AssertionError("reference and Redis differ on the last command of\n"
                        + result.steps().stream().map(s -> s.command().toString()).collect(Collectors.joining("\n"))
                        + "\nreference: " + last.a() + "\nredis:     " + last.b());
            }
        }
        assert result.steps().stream().noneMatch(s -> s.outcome() == Outcome.MISMATCH) || result.mismatched();
    }
}
