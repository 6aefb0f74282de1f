package dev.verdict.chaos.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Histories as JSON lines, one operation a line, in the shape docs/results-format.md fixes. */
public final class HistoryFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HistoryFile() {
    }

    public static void write(History history, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (Operation op : history.operations()) {
                    out.write(JSON.writeValueAsString(toJson(op)));
                    out.newLine();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static History read(Path file) {
        try {
            List<Operation> ops = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    ops.add(fromJson(JSON.readTree(line)));
                }
            }
            return new History(ops);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode toJson(Operation op) {
        ObjectNode node = JSON.createObjectNode();
        node.put("client", op.client());
        node.put("op", op.op());
        node.put("key", op.key());
        node.put("value", op.value());
        node.put("invokeMs", op.invokeMs());
        node.put("completeMs", op.completeMs());
        node.put("outcome", op.outcome().json());
        node.put("result", op.result());
        if (op.node() != null) {
            node.put("node", op.node());
        }
        return node;
    }

    static Operation fromJson(JsonNode node) {
        return new Operation(node.get("client").asInt(), node.get("op").asText(), text(node, "key"), text(node, "value"),
                node.get("invokeMs").asLong(), node.get("completeMs").asLong(),
                Outcome.valueOf(node.get("outcome").asText().toUpperCase(java.util.Locale.ROOT)),
                text(node, "result"), text(node, "node"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
