package dev.verdict.reports.matrix;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Per target: case counts over every client and protocol, and command counts (a command counts
 * once, with its combined status). {@code passRate} is passed / (passed + failed + not implemented);
 * skipped cases do not count.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TargetTotals(
        String name,
        String kind,
        int casesPassed,
        int casesFailed,
        int casesNotImplemented,
        int casesSkipped,
        int commandsPassed,
        int commandsFailed,
        int commandsNotImplemented,
        int commandsUntested) {

    @JsonProperty("casesCounted")
    public int casesCounted() {
        return casesPassed + casesFailed + casesNotImplemented;
    }

    @JsonProperty("passRate")
    public double passRate() {
        return casesCounted() == 0 ? 0.0 : (double) casesPassed / casesCounted();
    }
}
