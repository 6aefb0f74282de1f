package dev.verdict.reports.results;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/** One differential run: the same generated sequence against two targets. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DiffRun(
        String name,
        Long seed,
        Long budget,
        String targetA,
        String targetB,
        String client,
        String protocol,
        long startedAt,
        long durationMs,
        long commandsRun,
        Map<String, PerCommand> perCommand,
        List<Finding> findings) {

    public DiffRun {
        name = name == null ? "unnamed run" : name;
        targetA = targetA == null ? "target A" : targetA;
        targetB = targetB == null ? "target B" : targetB;
        client = client == null ? "raw" : client;
        protocol = protocol == null ? "RESP2" : protocol;
        perCommand = perCommand == null ? Map.of() : perCommand;
        findings = findings == null ? List.of() : findings;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PerCommand(long run, long mismatched) {}
}
