package dev.verdict.conformance.diff;

import dev.verdict.conformance.client.Protocol;
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

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real Redis against real Redis: every difference here is a hole in the normalisation table or a generator that
 * depends on timing, never a server bug. This is what keeps the engine honest.
 */
class RedisAgainstItselfTest {

    private static StartedTarget one;
    private static StartedTarget two;

    @BeforeAll
    static void start() {
        one = StartedTarget.start("redis");
        two = StartedTarget.start("redis");
    }

    @AfterAll
    static void stop() {
        one.close();
        two.close();
    }

    @ParameterizedTest
    @EnumSource(value = Family.class, names = {"CLUSTER", "SENTINEL"}, mode = EnumSource.Mode.EXCLUDE)
    void twoRedisServersAgreeOnEveryFamily(Family family) {
        RunConfig config = RunConfig.of("redis-vs-redis-" + family.id() + "-seed-" + RunConfig.seedProperty(1),
                RunConfig.seedProperty(1), RunConfig.budgetProperty("2000"), Set.of(family));
        assertNoFindings(config);
    }

    @Test
    void twoRedisServersAgreeOnAllFamiliesMixed() {
        assertNoFindings(RunConfig.of("redis-vs-redis-mixed-seed-" + RunConfig.seedProperty(1),
                RunConfig.seedProperty(1), RunConfig.budgetProperty("4000"), Set.of()));
    }

    @Test
    void twoRedisServersAgreeOnAllFamiliesMixedOverResp3() {
        assertNoFindings(RunConfig.of("redis-vs-redis-mixed-resp3-seed-" + RunConfig.seedProperty(1),
                RunConfig.seedProperty(1), RunConfig.budgetProperty("4000"), Set.of()).withProtocol(Protocol.RESP3));
    }

    @ParameterizedTest
    @EnumSource(value = Family.class, names = {"LISTS", "SETS", "SORTED_SETS", "STREAMS", "PUBSUB", "TRANSACTIONS"})
    void twoRedisServersAgreeWithThreeInterleavedClients(Family family) {
        RunConfig config = RunConfig.of("redis-vs-redis-3-clients-" + family.id() + "-seed-" + RunConfig.seedProperty(1),
                RunConfig.seedProperty(1), RunConfig.budgetProperty("400"), Set.of(family, Family.STRINGS))
                .withClients(3).withSequenceLength(25);
        assertNoFindings(config);
    }

    private static void assertNoFindings(RunConfig config) {
        RunReport report = new DifferentialRun(config, one, two, Grammar.fromClasspath(),
                new AcceptedDifferences(List.of())).run();
        ResultsWriter.write(report);
        ResultsWriter.attachToAllure(report);
        assertThat(report.commandsRun()).isGreaterThan(0);
        assertThat(report.findings()).extracting(Finding::id, Finding::reproduction, Finding::replyA, Finding::replyB)
                .isEmpty();
    }
}
