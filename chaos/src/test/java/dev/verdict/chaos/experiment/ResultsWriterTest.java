package dev.verdict.chaos.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.verdict.chaos.checker.CheckResult;
import dev.verdict.chaos.fault.FaultWindow;
import dev.verdict.chaos.history.History;
import dev.verdict.chaos.history.HistoryFile;
import dev.verdict.chaos.history.Operation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ResultsWriterTest {

    @Test
    void writesTheExperimentAndItsHistoryInTheAgreedShape(@TempDir Path dir) throws Exception {
        History history = new History();
        history.add(Operation.ok(0, "write", "k", "1", 1000, 1002, null));
        history.add(Operation.unknown(1, "write", "k", "2", 1100, 1400));
        history.add(Operation.ok(0, "read", "k", null, 1300, 1301, "1").servedBy("10.0.0.1:6379"));
        ExperimentReport report = new ExperimentReport("sentinel-kill-master", "sentinel", "redis-7.0.15", 1000)
                .figure("failoverMs", 5200).figure("ackedWritesLost", 0)
                .faults(List.of(new FaultWindow("kill", "redis-1", 1100, 1100)))
                .history(history, 1500);
        report.check(CheckResult.pass("acknowledged writes kept", "0 lost"));

        Path file = new ResultsWriter(dir).write(report);

        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertThat(file).isEqualTo(dir.resolve("chaos/sentinel-kill-master.json"));
        assertThat(json.get("verdict").asText()).isEqualTo("pass");
        assertThat(json.get("durationMs").asLong()).isEqualTo(500);
        assertThat(json.get("figures").get("failoverMs").asInt()).isEqualTo(5200);
        assertThat(json.get("faults").get(0).get("startMs").asLong()).isEqualTo(100);
        assertThat(json.get("timeline").get("buckets")).hasSize(2);
        assertThat(json.get("timeline").get("buckets").get(0).get("ok").asInt()).isEqualTo(1);
        assertThat(json.get("timeline").get("buckets").get(1).get("unknown").asInt()).isEqualTo(1);
        assertThat(json.get("history").asText()).isEqualTo("sentinel-kill-master.history.jsonl");
        List<Operation> back = HistoryFile.read(dir.resolve("chaos/sentinel-kill-master.history.jsonl")).operations();
        assertThat(back).isEqualTo(history.operations());
    }
}
