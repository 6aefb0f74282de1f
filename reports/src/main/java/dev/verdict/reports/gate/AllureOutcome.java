package dev.verdict.reports.gate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Whether the Allure report was generated, where it is (relative to the site), and why not if not. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AllureOutcome(boolean generated, String path, int resultFiles, String note) {

    public static AllureOutcome notGenerated(int resultFiles, String note) {
        return new AllureOutcome(false, null, resultFiles, note);
    }
}
