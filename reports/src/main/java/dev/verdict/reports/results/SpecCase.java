package dev.verdict.reports.results;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/** One spec-suite case as a suite wrote it; {@code suite} and {@code family} come from its file. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SpecCase(
        String suite,
        String family,
        String command,
        @JsonProperty("case") String caseName,
        String target,
        String targetKind,
        String client,
        String protocol,
        String status,
        String message,
        long durationMs) {

    public SpecCase {
        command = command == null ? "?" : command.trim().replace('|', ' ').toUpperCase(Locale.ROOT);
        caseName = caseName == null ? "" : caseName;
        target = target == null ? "unknown target" : target;
        targetKind = targetKind == null ? "" : targetKind;
        client = client == null ? "raw" : client.toLowerCase(Locale.ROOT);
        protocol = protocol == null ? "RESP2" : protocol.toUpperCase(Locale.ROOT);
        status = status == null ? "skipped" : status.toLowerCase(Locale.ROOT);
    }

    public SpecCase withSuite(String fileSuite, String fileFamily) {
        return new SpecCase(suite != null ? suite : fileSuite, family != null ? family : fileFamily,
                command, caseName, target, targetKind, client, protocol, status, message, durationMs);
    }

    public boolean passed() {
        return status.equals("passed");
    }

    public boolean failed() {
        return status.equals("failed");
    }

    public boolean notImplemented() {
        return status.equals("not_implemented");
    }

    /** Identifies the same case across runs, for regressions. */
    public String key() {
        return target + "|" + client + "|" + protocol + "|" + command + "|" + suite + "|" + caseName;
    }
}
