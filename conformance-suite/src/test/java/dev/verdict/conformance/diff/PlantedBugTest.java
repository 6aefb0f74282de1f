package dev.verdict.conformance.diff;

import dev.verdict.conformance.diff.grammar.Family;
import dev.verdict.conformance.diff.grammar.Grammar;
import dev.verdict.conformance.AcceptedDifferences;
import dev.verdict.conformance.diff.report.Finding;
import dev.verdict.conformance.diff.report.ResultsWriter;
import dev.verdict.conformance.diff.report.RunReport;
import dev.verdict.conformance.diff.run.Budget;
import dev.verdict.conformance.diff.run.CommandRewritingTarget;
import dev.verdict.conformance.diff.run.DiffTarget;
import dev.verdict.conformance.diff.run.DifferentialRun;
import dev.verdict.conformance.diff.run.RunConfig;
import dev.verdict.conformance.diff.run.StartedTarget;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine finds a known bug and shrinks it. Interim: the bug is planted by a command-rewriting proxy in front
 * of a real Redis (LRANGE's and GETRANGE's end index off by one), until the reference server has its
 * {@code verdict.fault} switches.
 */
class PlantedBugTest {

    private static StartedTarget good;
    private static StartedTarget faulty;

    @BeforeAll
    static void start() {
        good = StartedTarget.start("redis");
        faulty = StartedTarget.start("redis");
    }

    @AfterAll
    static void stop() {
        good.close();
        faulty.close();
    }

    @Test
    void lrangeEndIndexOffByOneIsFoundAndShrunkToAtMostThreeCommands() {
        Finding f = findOnly("LRANGE", Family.LISTS, "planted-lrange-off-by-one");
        assertThat(f.reproduction()).hasSizeLessThanOrEqualTo(3);
        assertThat(f.reproduction().get(f.reproduction().size() - 1)).startsWith("LRANGE");
        assertThat(f.replyA()).isNotEqualTo(f.replyB());
    }

    @Test
    void getrangeEndIndexOffByOneIsFoundAndShrunkToAtMostThreeCommands() {
        Finding f = findOnly("GETRANGE", Family.STRINGS, "planted-getrange-off-by-one");
        assertThat(f.reproduction()).hasSizeLessThanOrEqualTo(3);
        assertThat(f.reproduction().get(f.reproduction().size() - 1)).startsWith("GETRANGE");
    }

    @Test
    void aCommandOneSideDoesNotKnowIsCountedAsNotImplementedAndIsNoFinding() {
        DiffTarget withoutLpos = new CommandRewritingTarget(faulty, "no-lpos",
                c -> c.specName().equals("LPOS") ? c.withArgs(java.util.List.of("NOSUCHCOMMAND")) : c);
        RunReport report = new DifferentialRun(RunConfig.of("planted-no-lpos", 3, Budget.commands(1000),
                Set.of(Family.LISTS)), good, withoutLpos, Grammar.fromClasspath(),
                new AcceptedDifferences(java.util.List.of())).run();
        assertThat(report.skipped()).containsEntry("LPOS", "not implemented");
        assertThat(report.commandsCovered()).doesNotContain("LPOS").contains("LRANGE", "RPUSH");
        assertThat(report.findings()).isEmpty();
    }

    @Test
    void theSameSeedRunsTheSameCommands() {
        RunConfig config = RunConfig.of("determinism", 11, Budget.commands(1500), Set.of(Family.HASHES));
        RunReport first = new DifferentialRun(config, good, faulty, Grammar.fromClasspath(),
                new AcceptedDifferences(java.util.List.of())).run();
        RunReport second = new DifferentialRun(config, good, faulty, Grammar.fromClasspath(),
                new AcceptedDifferences(java.util.List.of())).run();
        assertThat(second.commandsRun()).isEqualTo(first.commandsRun());
        assertThat(second.perCommand().keySet()).isEqualTo(first.perCommand().keySet());
        first.perCommand().forEach((c, s) -> assertThat(second.perCommand().get(c).run).as(c).isEqualTo(s.run));
    }

    private Finding findOnly(String command, Family family, String name) {
        DiffTarget planted = CommandRewritingTarget.endIndexOffByOne(faulty, command);
        RunConfig config = RunConfig.of(name, 7, Budget.commands(4000), Set.of(family));
        RunReport report = new DifferentialRun(config, good, planted, Grammar.fromClasspath(),
                new AcceptedDifferences(java.util.List.of())).run();
        ResultsWriter.write(report);
        ResultsWriter.attachToAllure(report);
        assertThat(report.findings()).extracting(Finding::command).containsExactly(command);
        return report.findings().get(0);
    }
}
