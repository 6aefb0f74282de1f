package dev.verdict.server.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.verdict.server.resp.ReplyWriter;

/**
 * Replays a value captured from the oracle as typed JSON (see tools/capture-command-table.py)
 * in the client's protocol: sets and maps degrade to arrays in RESP2 exactly as Redis's do.
 */
final class TypedJson {

    private TypedJson() {
    }

    static void write(ReplyWriter reply, JsonNode node) {
        if (node == null || node.isNull()) {
            reply.nullBulk();
        } else if (node.isTextual()) {
            reply.bulk(node.asText());
        } else if (node.isIntegralNumber()) {
            reply.integer(node.asLong());
        } else if (node.isArray()) {
            reply.arrayHeader(node.size());
            for (JsonNode e : node) write(reply, e);
        } else if (node.has("+")) {
            reply.status(node.get("+").asText());
        } else if (node.has("~")) {
            JsonNode items = node.get("~");
            reply.setHeader(items.size());
            for (JsonNode e : items) write(reply, e);
        } else if (node.has("%")) {
            JsonNode pairs = node.get("%");
            reply.mapHeader(pairs.size());
            for (JsonNode pair : pairs) {
                write(reply, pair.get(0));
                write(reply, pair.get(1));
            }
        } else if (node.has(",")) {
            reply.doubleValue(Double.parseDouble(node.get(",").asText()));
        } else if (node.has("#")) {
            reply.bool(node.get("#").asBoolean());
        } else if (node.has("=")) {
            String v = node.get("=").asText();
            reply.verbatim(v.substring(0, 3), v.substring(4));
        } else {
            throw new IllegalArgumentException("unknown typed JSON value " + node);
        }
    }
}
