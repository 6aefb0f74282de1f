package dev.verdict.conformance.diff;

import dev.verdict.conformance.client.RespConnection;
import dev.verdict.conformance.diff.grammar.Family;
import dev.verdict.conformance.diff.grammar.Grammar;
import dev.verdict.conformance.AcceptedDifferences;
import dev.verdict.conformance.diff.report.Finding;
import dev.verdict.conformance.diff.report.ResultsWriter;
import dev.verdict.conformance.diff.report.RunReport;
import dev.verdict.conformance.diff.run.Budget;
import dev.verdict.conformance.diff.run.DifferentialRun;
import dev.verdict.conformance.diff.run.RunConfig;
import dev.verdict.conformance.diff.run.StartedTarget;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A bug planted in the reference server itself by its test-only fault switch (system property
 * {@code verdict.fault}, read when the server starts) is found and shrunk to at most three commands. Skipped, with
 * the reason, while the server does not implement the command or does not honour the switch yet; PlantedBugTest
 * pins the same behaviour with a proxy in the meantime.
 */
class ReferenceFaultSwitchTest {

    @ParameterizedTest
    @CsvSource({
            "getrange-off-by-one, GETRANGE, STRINGS, 'SET k abc', 'GETRANGE k 0 0', $1\\r\\na\\r\\n",
            "lrange-off-by-one, LRANGE, LISTS, 'RPUSH k a b c', 'LRANGE k 0 0', *1\\r\\n$1\\r\\na\\r\\n"})
    void aPlantedOffByOneIsFoundAndShrunkToAtMostThreeCommands(String fault, String command, Family family,
                                                               String setup, String probe, String correct) {
        StartedTarget faulty = startWithFault(fault);
        try (StartedTarget redis = StartedTarget.start("redis")) {
            try (faulty; RespConnection c = faulty.connect()) {
                c.call(setup.split(" "));
                String reply = c.call(probe.split(" ")).rawText();
                c.call("DEL", "k");
                assumeTrue(!reply.startsWith("-ERR unknown command"), command + " is not implemented yet");
                assumeTrue(!reply.equals(correct.replace("\\r\\n", "\r\n")),
                        "the reference server does not honour verdict.fault=" + fault + " yet");
                RunConfig config = RunConfig.of("fault-switch-" + fault, 7, Budget.commands(4000), Set.of(family));
                RunReport report = new DifferentialRun(config, faulty, redis, Grammar.fromClasspath(),
                        new AcceptedDifferences(List.of())).run();
                ResultsWriter.write(report);
                ResultsWriter.attachToAllure(report);
                Finding f = report.findings().stream().filter(x -> x.command().equals(command)).findFirst().orElseThrow();
                assertThat(f.reproduction()).hasSizeLessThanOrEqualTo(3);
                assertThat(f.reproduction().get(f.reproduction().size() - 1)).startsWith(command);
            }
        }
    }

    /** The property is set only while the server starts, so that no other in-JVM server of this run gets the fault. */
    private static synchronized StartedTarget startWithFault(String fault) {
        String before = System.getProperty("verdict.fault");
        System.setProperty("verdict.fault", fault);
        try {
            return StartedTarget.start("reference");
        } finally {
            if (before == null) {
                System.clearProperty("verdict.fault");
            } else {
                System.setProperty("verdict.fault", before);
            }
        }
    }
}
