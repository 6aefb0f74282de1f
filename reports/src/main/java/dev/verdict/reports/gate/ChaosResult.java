package dev.verdict.reports.gate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.verdict.reports.results.ChaosExperiment;
import java.util.List;
import java.util.Map;

/** A chaos experiment's verdict as summary.json keeps it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChaosResult(String name, String implementation, String topology, String verdict,
        Map<String, Object> figures, List<String> failedChecks) {

    public static ChaosResult of(ChaosExperiment e) {
        return new ChaosResult(e.name(), e.implementation(), e.topology(), e.verdict(), e.figures(),
                e.checks().stream().filter(c -> !c.passed()).map(ChaosExperiment.Check::name).toList());
    }

    public String key() {
        return name + " on " + implementation;
    }

    public boolean passed() {
        return "pass".equals(verdict);
    }
}
