package dev.verdict.reports.results;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** A mismatch between two targets, shrunk to its minimal reproduction. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Finding(
        String id,
        String command,
        String family,
        Long seed,
        List<String> reproduction,
        String replyA,
        String replyB,
        boolean accepted,
        String reason) {

    public Finding {
        id = id == null ? "" : id;
        command = command == null ? "?" : command;
        family = family == null ? "" : family;
        reproduction = reproduction == null ? List.of() : reproduction;
        replyA = replyA == null ? "" : replyA;
        replyB = replyB == null ? "" : replyB;
    }
}
