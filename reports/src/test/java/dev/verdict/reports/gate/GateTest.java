package dev.verdict.reports.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.verdict.reports.commands.CommandTable;
import dev.verdict.reports.matrix.CompatibilityMatrix;
import dev.verdict.reports.results.Finding;
import dev.verdict.reports.results.DiffRun;
import dev.verdict.reports.results.ChaosExperiment;
import dev.verdict.reports.results.Results;
import dev.verdict.reports.results.SpecCase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GateTest {

    private static final String X = "server-x";

    @Test
    void aCommandThatPassedInTheBaselineAndFailsNowIsARegressionNamedByItsCommand() {
        Summary baseline = summary(List.of(spec("SET", "passed"), spec("GET", "passed")), List.of());
        Summary current = summary(List.of(spec("SET", "failed"), spec("GET", "passed")), List.of());

        GateDecision decision = new Gate(0.0, List.of()).decide(current, baseline);

        assertThat(decision.passed()).isFalse();
        assertThat(decision.regressions()).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(Regression.COMMAND);
            assertThat(r.name()).isEqualTo("SET");
            assertThat(r.target()).isEqualTo(X);
            assertThat(r.detail()).contains("setCase").contains("failed");
        });
        assertThat(decision.reasons()).anySatisfy(reason -> assertThat(reason).contains("SET on server-x"));
    }

    @Test
    void aCommandThatBecameUnknownToTheTargetIsARegressionToo() {
        Summary baseline = summary(List.of(spec("GETEX", "passed")), List.of());
        Summary current = summary(List.of(spec("GETEX", "not_implemented")), List.of());

        assertThat(new Gate(0.0, List.of()).decide(current, baseline).regressions())
                .extracting(Regression::name).containsExactly("GETEX");
    }

    @Test
    void baselineCommandStatusesCountEvenWhenItsCasesWereRenamed() {
        Summary baseline = summary(List.of(new SpecCase("OldSpec", "strings", "SET", "oldName", X, "EXTERNAL",
                "raw", "RESP2", "passed", null, 1)), List.of());
        Summary current = summary(List.of(spec("SET", "failed")), List.of());

        assertThat(new Gate(0.0, List.of()).decide(current, baseline).regressions())
                .extracting(Regression::name).containsExactly("SET");
    }

    @Test
    void failuresThatAlreadyFailedInTheBaselineAreNoRegression() {
        Summary baseline = summary(List.of(spec("SET", "failed"), spec("GET", "passed")), List.of());
        Summary current = summary(List.of(spec("SET", "failed"), spec("GET", "passed")), List.of());

        GateDecision decision = new Gate(0.5, List.of()).decide(current, baseline);

        assertThat(decision.regressions()).isEmpty();
        assertThat(decision.passed()).isTrue();
    }

    @Test
    void casesThatNoLongerRunAreNotedButDoNotFailTheGate() {
        Summary baseline = summary(List.of(spec("SET", "passed"), spec("GET", "passed")), List.of());
        Summary current = summary(List.of(spec("GET", "passed")), List.of());

        GateDecision decision = new Gate(0.95, List.of()).decide(current, baseline);

        assertThat(decision.passed()).isTrue();
        assertThat(decision.notes()).containsExactly("1 case(s) that passed in the baseline did not run now");
    }

    @Test
    void aPassRateUnderTheThresholdFailsTheGateAndOneAtItPasses() {
        List<SpecCase> cases = new ArrayList<>();
        for (int i = 0; i < 19; i++) {
            cases.add(spec("CMD" + i, "passed"));
        }
        cases.add(spec("BROKEN", "failed"));
        Summary current = summary(cases, List.of());

        assertThat(new Gate(0.95, List.of()).decide(current, null).passed()).isTrue();
        GateDecision strict = new Gate(0.96, List.of()).decide(current, null);
        assertThat(strict.passed()).isFalse();
        assertThat(strict.reasons()).singleElement().asString()
                .contains("95.0% on server-x").contains("threshold 96.0%").contains("19 of 20");
    }

    @Test
    void notImplementedCasesCountAgainstThePassRateAndSkippedOnesDoNot() {
        Summary current = summary(List.of(spec("A", "passed"), spec("B", "not_implemented"), spec("C", "skipped")),
                List.of());

        assertThat(current.targets().get(0).passRate()).isEqualTo(0.5);
        assertThat(new Gate(0.6, List.of()).decide(current, null).passed()).isFalse();
    }

    @Test
    void theThresholdAppliesToReferenceTargetsByDefaultAndToNamedTargetsWhenAsked() {
        List<SpecCase> cases = List.of(
                new SpecCase("S", "f", "SET", "c", "ours", "REFERENCE_IN_JVM", "raw", "RESP2", "passed", null, 1),
                new SpecCase("S", "f", "SET", "c", "theirs", "EXTERNAL", "raw", "RESP2", "failed", "boom", 1));
        Summary current = summary(cases, List.of());

        GateDecision byDefault = new Gate(0.95, List.of()).decide(current, null);
        assertThat(byDefault.gatedTargets()).containsExactly("ours");
        assertThat(byDefault.passed()).isTrue();
        assertThat(new Gate(0.95, List.of("theirs")).decide(current, null).passed()).isFalse();
    }

    @Test
    void aGatedTargetWhoseCasesWereAllSkippedFails() {
        GateDecision decision = new Gate(0.95, List.of()).decide(summary(List.of(spec("SET", "skipped")), List.of()), null);

        assertThat(decision.passed()).isFalse();
        assertThat(decision.reasons()).singleElement().asString().contains("server-x").contains("1 skipped");
    }

    @Test
    void aRunWithoutAnySpecCaseFails() {
        GateDecision decision = new Gate(0.95, List.of()).decide(summary(List.of(), List.of()), null);

        assertThat(decision.passed()).isFalse();
        assertThat(decision.reasons()).singleElement().asString().contains("no spec-suite case");
    }

    @Test
    void aChaosExperimentThatPassedInTheBaselineAndFailsNowIsARegression() {
        List<SpecCase> cases = List.of(spec("SET", "passed"));
        Summary baseline = summary(cases, List.of(chaos("kill-master", "pass", true)));
        Summary current = summary(cases, List.of(chaos("kill-master", "fail", false)));

        GateDecision decision = new Gate(0.95, List.of()).decide(current, baseline);

        assertThat(decision.passed()).isFalse();
        assertThat(decision.regressions()).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(Regression.CHAOS);
            assertThat(r.name()).isEqualTo("kill-master");
            assertThat(r.detail()).contains("acknowledged writes kept");
        });
    }

    @Test
    void thresholdOutsideZeroToOneIsRejected() {
        assertThatThrownBy(() -> new Gate(95, List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    private static SpecCase spec(String command, String status) {
        return new SpecCase("Spec", "strings", command, command.toLowerCase() + "Case", X, "EXTERNAL", "raw", "RESP2",
                status, status.equals("failed") ? "expected +OK but was -ERR" : null, 1);
    }

    @Test
    void aDifferentialFindingNotInTheAcceptedFileFailsTheGate() {
        List<SpecCase> cases = List.of(spec("SET", "passed"));
        Finding open = new Finding("f-1", "LRANGE", "lists", 42L, List.of("RPUSH k a b", "LRANGE k 0 0"),
                "*1\r\n$1\r\na\r\n", "*2\r\n$1\r\na\r\n$1\r\nb\r\n", false, null);
        DiffRun run = new DiffRun("lists-seed-42", 42L, 100L, X, "redis", "raw", "RESP2", 0, 1, 100, Map.of(), List.of(open));
        Results results = new Results(null, cases, List.of(run), List.of(), List.of());
        Summary current = SummaryBuilder.draft(CompatibilityMatrix.build(CommandTable.empty(), cases), results, 0.95, 0);

        GateDecision decision = new Gate(0.95, List.of()).decide(current, null);

        assertThat(decision.passed()).isFalse();
        assertThat(decision.reasons()).anyMatch(r -> r.contains("1 differential finding(s) not in accepted-differences.txt"));
    }

    private static ChaosExperiment chaos(String name, String verdict, boolean checkPassed) {
        return new ChaosExperiment(name, "sentinel", "impl", 0, 1000, verdict, Map.of(),
                List.of(new ChaosExperiment.Check("acknowledged writes kept", checkPassed, "")), List.of(), null, null);
    }

    private static Summary summary(List<SpecCase> cases, List<ChaosExperiment> chaos) {
        Results results = new Results(null, cases, List.of(), chaos, List.of());
        return SummaryBuilder.draft(CompatibilityMatrix.build(CommandTable.empty(), cases), results, 0.95, 0);
    }
}
