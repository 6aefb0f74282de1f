package dev.verdict.conformance.diff.grammar;

import java.util.List;

/**
 * One node of a command's argument grammar, as COMMAND DOCS describes it.
 *
 * @param token          the keyword written before the value (or the keyword itself for a pure token), or null
 * @param multipleToken  the token is repeated before every repetition rather than written once
 */
public record Argument(String name, ArgType type, String token, boolean optional, boolean multiple,
                       boolean multipleToken, List<Argument> children) {

    public Argument {
        children = List.copyOf(children);
    }
}
