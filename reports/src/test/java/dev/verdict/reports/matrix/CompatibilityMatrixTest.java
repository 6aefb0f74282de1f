package dev.verdict.reports.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verdict.reports.Samples;
import dev.verdict.reports.results.ResultsReader;
import org.junit.jupiter.api.Test;

class CompatibilityMatrixTest {

    private static final String REFERENCE = "reference (in-JVM)";
    private static final String REDIS = "redis-7.0.15 (container)";

    private final CompatibilityMatrix matrix = CompatibilityMatrix.build(Samples.commandTable(),
            new ResultsReader().read(Samples.results()).cases());

    @Test
    void columnsAreTargetsThenClientsThenProtocolsWithOurServerFirst() {
        assertThat(matrix.targets()).containsExactly(REFERENCE, REDIS);
        assertThat(matrix.columns()).hasSize(12);
        assertThat(matrix.columns().get(0)).isEqualTo(new Column(REFERENCE, "raw", "RESP2"));
        assertThat(matrix.columns().get(1)).isEqualTo(new Column(REFERENCE, "raw", "RESP3"));
        assertThat(matrix.columns().get(2)).isEqualTo(new Column(REFERENCE, "jedis", "RESP2"));
        assertThat(matrix.columns().get(6).target()).isEqualTo(REDIS);
    }

    @Test
    void everyCommandIsARowAndUntouchedOnesAreUntested() {
        assertThat(matrix.rows()).hasSize(366);
        assertThat(matrix.statusOn("XADD", REFERENCE)).isEqualTo(Status.UNTESTED);
    }

    @Test
    void aCellFailsWhenOneCaseFailsAndTheCommandFailsOnItsTarget() {
        Cell cell = matrix.cell("APPEND", new Column(REFERENCE, "raw", "RESP2"));
        assertThat(cell.status()).isEqualTo(Status.FAILED);
        assertThat(cell.problems()).singleElement().extracting(c -> c.caseName()).isEqualTo("appendReturnsNewLength");
        assertThat(matrix.cell("APPEND", new Column(REFERENCE, "jedis", "RESP2")).status()).isEqualTo(Status.PASSED);
        assertThat(matrix.statusOn("APPEND", REFERENCE)).isEqualTo(Status.FAILED);
        assertThat(matrix.statusOn("APPEND", REDIS)).isEqualTo(Status.PASSED);
        assertThat(matrix.statusOn("GETEX", REFERENCE)).isEqualTo(Status.NOT_IMPLEMENTED);
        assertThat(matrix.statusOn("CONFIG GET", REDIS)).isEqualTo(Status.PASSED);
    }

    @Test
    void totalsCountCasesAndCommandsPerTarget() {
        TargetTotals reference = matrix.totals(REFERENCE);
        assertThat(reference.casesPassed()).isEqualTo(28);
        assertThat(reference.casesFailed()).isEqualTo(2);
        assertThat(reference.casesNotImplemented()).isEqualTo(2);
        assertThat(reference.passRate()).isEqualTo(28.0 / 32);
        assertThat(reference.commandsPassed()).isEqualTo(5);
        assertThat(reference.commandsFailed()).isEqualTo(1);
        assertThat(reference.commandsNotImplemented()).isEqualTo(1);
        assertThat(reference.commandsUntested()).isEqualTo(366 - 7);
        assertThat(matrix.familyCounts(REDIS).get("string")).containsEntry(Status.PASSED, 5);
    }
}
