package dev.verdict.reports.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verdict.reports.Samples;
import dev.verdict.reports.commands.CommandTable;
import dev.verdict.reports.gate.Gate;
import dev.verdict.reports.gate.Summary;
import dev.verdict.reports.gate.SummaryBuilder;
import dev.verdict.reports.matrix.CompatibilityMatrix;
import dev.verdict.reports.results.ChaosExperiment;
import dev.verdict.reports.results.Results;
import dev.verdict.reports.results.ResultsReader;
import org.junit.jupiter.api.Test;

class SitePagesTest {

    private final CommandTable table = Samples.commandTable();
    private final Results results = new ResultsReader().read(Samples.results());
    private final CompatibilityMatrix matrix = CompatibilityMatrix.build(table, results.cases());
    private final Summary draft = SummaryBuilder.draft(matrix, results, 0.95, 0);
    private final Site site = new Site(table, matrix, results,
            draft.withDecision(new Gate(0.95, java.util.List.of()).decide(draft, null)));

    @Test
    void textFromResultFilesIsEscaped() {
        String failures = FailuresPage.body(site).toString();

        assertThat(failures).doesNotContain("<script>").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        assertThat(FindingsPage.body(site).toString()).contains("&lt;by design&gt;");
    }

    @Test
    void aFailingMatrixCellLinksToItsFailingCase() {
        String matrixPage = MatrixPage.body(site).toString();
        String anchor = site.problemAnchors().entrySet().stream()
                .filter(e -> e.getKey().command().equals("APPEND")).findFirst().orElseThrow().getValue();

        assertThat(matrixPage).contains("<td class=\"fail\"").contains("href=\"failures.html#" + anchor + "\"");
        assertThat(FailuresPage.body(site).toString()).contains("id=\"" + anchor + "\"");
        assertThat(matrixPage).contains("id=\"cmd-CONFIG-GET\"").contains("href=\"findings.html#finding-1\"");
    }

    @Test
    void repliesShowTheirLineEndingsAndMarkTheLinesThatDiffer() {
        assertThat(FindingsPage.visible("*1\r\n$1\r\na\r\n")).isEqualTo("*1\\r\\n\n$1\\r\\n\na\\r\\n\n");
        String findings = FindingsPage.body(site).toString();
        assertThat(findings).contains("<span class=\"differs\">*2\\r\\n\n</span>").contains("LRANGE k1 0 0")
                .contains("Commands with mismatched replies: LRANGE (3 of 80)");
    }

    @Test
    void theTimelineChartShadesFaultWindowsAndDrawsEverySeries() {
        String svg = TimelineChart.render(results.chaos().get(1));

        assertThat(svg).startsWith("<svg class=\"timeline\"").endsWith("</svg>");
        assertThat(svg.split("class=\"fault\"", -1)).hasSize(3);
        assertThat(svg).contains("series-throughput").contains("series-p50").contains("series-p99")
                .contains("class=\"errors\"").contains("kill master (redis-1)");
    }

    @Test
    void theChartSkipsTheIdleStartOfAnExperiment() {
        java.util.List<ChaosExperiment.Bucket> buckets = new java.util.ArrayList<>();
        for (int t = 0; t < 20_000; t += 500) {
            buckets.add(new ChaosExperiment.Bucket(t, t < 16_000 ? 0 : 100, 0, 0, 0.5, 1.0));
        }
        ChaosExperiment idleStart = new ChaosExperiment("idle", "sentinel", "x", 0, 20_000, "pass", null, null,
                java.util.List.of(new ChaosExperiment.Fault("kill", "n1", 18_000, null)),
                new ChaosExperiment.Timeline(500, buckets), null);

        String svg = TimelineChart.render(idleStart);

        assertThat(svg).doesNotContain(">0 s<").contains(">14 s<").contains(">20 s<");
    }

    @Test
    void chartAxesUseRoundNumbers() {
        assertThat(TimelineChart.niceCeiling(430)).isEqualTo(500);
        assertThat(TimelineChart.niceCeiling(2000)).isEqualTo(2000);
        assertThat(TimelineChart.niceCeiling(9.5)).isEqualTo(10);
        assertThat(TimelineChart.niceCeiling(0)).isEqualTo(1);
        assertThat(Figures.value("failoverMs", 5200)).isEqualTo("5.20 s");
        assertThat(Figures.label("timeToFirstWriteMs")).isEqualTo("time to first write");
    }
}
