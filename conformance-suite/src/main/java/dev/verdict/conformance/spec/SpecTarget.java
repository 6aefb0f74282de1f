package dev.verdict.conformance.spec;

/** A running server a spec case talks to: its report name, its kind (as in TargetKind) and where it listens. */
public record SpecTarget(String name, String kind, String host, int port) {
}
