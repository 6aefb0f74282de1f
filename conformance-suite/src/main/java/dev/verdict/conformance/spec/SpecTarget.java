package dev.verdict.conformance.spec;

/**
 * A server a spec case talks to: its report name, its kind (a {@code TargetKind} name) and where
 * it listens; or, when this machine cannot start it, why ({@code unavailableReason}), so its
 * cases are reported as skipped rather than silently missing.
 */
public record SpecTarget(String name, String kind, String host, int port, String unavailableReason) {

    public static SpecTarget running(String name, String kind, String host, int port) {
        return new SpecTarget(name, kind, host, port, null);
    }

    public static SpecTarget unavailable(String name, String kind, String reason) {
        return new SpecTarget(name, kind, null, -1, reason);
    }

    public boolean available() {
        return unavailableReason == null;
    }
}
