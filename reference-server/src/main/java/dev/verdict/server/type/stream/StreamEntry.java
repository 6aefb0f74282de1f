package dev.verdict.server.type.stream;

/** One entry as commands see it: its ID and its field/value pairs, flattened. */
public record StreamEntry(StreamId id, byte[][] fieldsAndValues) {
}
