package dev.verdict.reports.gate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Something that passed in the baseline and does not now: a command (named as the results name it,
 * e.g. {@code SET} or {@code CONFIG GET}) on a target, or a chaos experiment on an implementation.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Regression(String kind, String target, String name, String detail) {

    public static final String COMMAND = "command";
    public static final String CHAOS = "chaos";

    public String headline() {
        return (kind.equals(CHAOS) ? "chaos experiment " : "") + name + " on " + target;
    }
}
