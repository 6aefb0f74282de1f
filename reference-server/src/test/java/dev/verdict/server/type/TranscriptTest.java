package dev.verdict.server.type;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.verdict.server.RedisServer;
import dev.verdict.server.config.ServerConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays transcripts captured from real Redis 7.0.15 (tools/capture-transcript.py, sources in
 * resources/transcripts/*.txt) against a fresh reference server and requires every reply to be
 * byte-identical.
 */
class TranscriptTest {

    @ParameterizedTest
    @ValueSource(strings = {"hll", "streams-basic", "streams-groups", "streams-nodes", "streams-small-nodes", "streams-edges", "geo", "geo-search", "resp3"})
    void repliesMatchRealRedisByteForByte(String name) throws IOException {
        List<JsonNode> steps = load(name);
        List<String> args = new ArrayList<>(List.of("--port", "0"));
        for (JsonNode step : steps) {
            if (step.has("config")) {
                args.add("--" + step.get("config").get(0).asText());
                args.add(step.get("config").get(1).asText());
            }
        }
        try (RedisServer server = RedisServer.start(ServerConfig.fromArgs(args.toArray(String[]::new)));
             RawRespClient client = new RawRespClient(server.port())) {
            for (JsonNode step : steps) {
                if (!step.has("cmd")) continue;
                List<String> cmd = new ArrayList<>();
                step.get("cmd").forEach(a -> cmd.add(a.asText()));
                byte[][] raw = cmd.stream().map(a -> a.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
                String reply = new String(client.callBytes(raw), StandardCharsets.ISO_8859_1);
                if (step.get("compare").asBoolean()) {
                    assertThat(reply).as(name + ": " + String.join(" ", cmd)).isEqualTo(step.get("reply").asText());
                }
            }
        }
    }

    private static List<JsonNode> load(String name) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> steps = new ArrayList<>();
        try (InputStream in = TranscriptTest.class.getResourceAsStream("/transcripts/" + name + ".jsonl")) {
            assertThat(in).as("transcript " + name).isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) steps.add(mapper.readTree(line));
            }
        }
        return steps;
    }
}
