package dev.verdict.reports.gate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.verdict.reports.results.SpecCase;

/** A spec case as summary.json keeps it: enough to find the same case in the next run. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseResult(String target, String client, String protocol, String command, String suite,
        @JsonProperty("case") String caseName, String status, String message) {

    public static CaseResult of(SpecCase c) {
        return new CaseResult(c.target(), c.client(), c.protocol(), c.command(), c.suite(), c.caseName(), c.status(),
                c.message());
    }

    public String key() {
        return target + "|" + client + "|" + protocol + "|" + command + "|" + suite + "|" + caseName;
    }

    public boolean passed() {
        return "passed".equals(status);
    }

    /** Failed, or the command became unknown to the target. */
    public boolean broken() {
        return "failed".equals(status) || "not_implemented".equals(status);
    }

    public String describe() {
        return client + "/" + protocol + " " + (suite == null ? "" : suite + ".") + caseName
                + " " + status + (message == null || message.isBlank() ? "" : ": " + firstLine(message));
    }

    private static String firstLine(String text) {
        String line = text.lines().findFirst().orElse("");
        return line.length() > 160 ? line.substring(0, 157) + "..." : line;
    }
}
