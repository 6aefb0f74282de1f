package dev.verdict.conformance.diff;

import dev.verdict.conformance.diff.grammar.Family;
import dev.verdict.conformance.diff.grammar.Grammar;
import dev.verdict.conformance.AcceptedDifferences;
import dev.verdict.conformance.diff.report.Finding;
import dev.verdict.conformance.diff.report.ResultsWriter;
import dev.verdict.conformance.diff.report.RunReport;
import dev.verdict.conformance.diff.run.DifferentialRun;
import dev.verdict.conformance.diff.run.RunConfig;
import dev.verdict.conformance.diff.run.StartedTarget;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gate: the reference server against real Redis, one fixed-seed run per family, restricted to the commands
 * the reference implements (the others are counted as not implemented). Every finding must be in
 * accepted-differences.txt with its reason. As the server grows, more of each family is compared automatically.
 */
class ReferenceAgainstRedisTest {

    private static StartedTarget reference;
    private static StartedTarget redis;

    @BeforeAll
    static void start() {
        reference = StartedTarget.start("reference");
        redis = StartedTarget.start("redis");
    }

    @AfterAll
    static void stop() {
        try {
            reference.close();
        } finally {
            redis.close();
        }
    }

    private static final long SEED = RunConfig.seedProperty(20261122);

    @ParameterizedTest
    @EnumSource(value = Family.class, names = {"CLUSTER", "SENTINEL"}, mode = EnumSource.Mode.EXCLUDE)
    void referenceAgreesWithRedisOrTheDifferenceIsAccepted(Family family) {
        gate(RunConfig.of("reference-vs-redis-" + family.id() + "-seed-" + SEED, SEED,
                RunConfig.budgetProperty("2000"), Set.of(family)));
    }

    @Test
    void referenceAgreesWithRedisOnAllFamiliesMixed() {
        gate(RunConfig.of("reference-vs-redis-mixed-seed-" + SEED, SEED, RunConfig.budgetProperty("4000"), Set.of()));
    }

    @Test
    void referenceAgreesWithRedisWithThreeInterleavedClients() {
        gate(RunConfig.of("reference-vs-redis-3-clients-seed-" + SEED, SEED, RunConfig.budgetProperty("400"), Set.of())
                .withClients(3).withSequenceLength(25));
    }

    private static void gate(RunConfig config) {
        RunReport report = new DifferentialRun(config, reference, redis, Grammar.fromClasspath(),
                AcceptedDifferences.fromClasspath()).run();
        ResultsWriter.write(report);
        ResultsWriter.attachToAllure(report);
        assertThat(report.unaccepted())
                .as("findings not in accepted-differences.txt (reproductions beside %s)", ResultsWriter.resultsDir())
                .extracting(Finding::id, Finding::reproduction, Finding::replyA, Finding::replyB)
                .isEmpty();
    }
}
