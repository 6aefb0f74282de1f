package dev.verdict.reports.results;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verdict.reports.Samples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsReaderTest {

    @Test
    void readsAllThreeKindsOfResultFiles() {
        Results results = new ResultsReader().read(Samples.results());

        assertThat(results.unreadable()).isEmpty();
        assertThat(results.cases()).hasSize(2 * 3 * 2 * 5 + 4);
        SpecCase configGet = results.cases().stream().filter(c -> c.command().equals("CONFIG GET")).findFirst().orElseThrow();
        assertThat(configGet.suite()).isEqualTo("ServerSpec");
        assertThat(configGet.family()).isEqualTo("server");
        assertThat(results.diffRuns()).singleElement().satisfies(run -> {
            assertThat(run.seed()).isEqualTo(42L);
            assertThat(run.findings()).extracting(Finding::command).containsExactly("LRANGE", "OBJECT ENCODING");
            assertThat(run.findings().get(0).replyA()).isEqualTo("*2\r\n$1\r\na\r\n$1\r\nb\r\n");
        });
        assertThat(results.chaos()).extracting(ChaosExperiment::name)
                .containsExactly("replication-partition-replica", "sentinel-kill-master");
        ChaosExperiment sentinel = results.chaos().get(1);
        assertThat(sentinel.figures()).containsEntry("failoverMs", 5200);
        assertThat(sentinel.timeline().buckets()).hasSize(48);
        assertThat(sentinel.faults().get(0).end()).isEqualTo(2000);
    }

    @Test
    void missingFoldersAndFieldsReadAsEmptyAndBrokenFilesAreListedNotFatal(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("spec"));
        Files.writeString(dir.resolve("spec/partial.json"),
                "{\"cases\":[{\"command\":\"get\",\"status\":\"PASSED\",\"target\":\"t\"}]}");
        Files.writeString(dir.resolve("spec/broken.json"), "{\"cases\": [");

        Results results = new ResultsReader().read(dir);

        assertThat(results.cases()).singleElement().satisfies(c -> {
            assertThat(c.command()).isEqualTo("GET");
            assertThat(c.passed()).isTrue();
            assertThat(c.client()).isEqualTo("raw");
            assertThat(c.protocol()).isEqualTo("RESP2");
        });
        assertThat(results.unreadable()).singleElement().asString().contains("broken.json");
        assertThat(results.diffRuns()).isEmpty();
        assertThat(results.chaos()).isEmpty();
        assertThat(new ResultsReader().read(dir.resolve("absent")).cases()).isEmpty();
    }
}
