package dev.verdict.reports.results;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One chaos experiment: its verdict, figures, checks, fault windows and timeline. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChaosExperiment(
        String name,
        String topology,
        String implementation,
        long startedAt,
        long durationMs,
        String verdict,
        Map<String, Object> figures,
        List<Check> checks,
        List<Fault> faults,
        Timeline timeline,
        String history) {

    public ChaosExperiment {
        name = name == null ? "unnamed experiment" : name;
        topology = topology == null ? "" : topology;
        implementation = implementation == null ? "" : implementation;
        verdict = verdict == null ? "unknown" : verdict.toLowerCase(Locale.ROOT);
        figures = figures == null ? Map.of() : new LinkedHashMap<>(figures);
        checks = checks == null ? List.of() : checks;
        faults = faults == null ? List.of() : faults;
        timeline = timeline == null ? new Timeline(0, List.of()) : timeline;
    }

    public boolean passed() {
        return verdict.equals("pass");
    }

    /** Identifies the same experiment across runs, for regressions. */
    public String key() {
        return name + " on " + implementation;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Check(String name, boolean passed, String detail) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Fault(String name, String node, long startMs, Long endMs) {
        /** An instantaneous fault (a kill) has no end or ends where it starts. */
        public long end() {
            return endMs == null ? startMs : Math.max(startMs, endMs);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Timeline(long bucketMs, List<Bucket> buckets) {
        public Timeline {
            buckets = buckets == null ? List.of() : buckets;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Bucket(long t, long ok, long fail, long unknown, Double p50Ms, Double p99Ms) {}
}
