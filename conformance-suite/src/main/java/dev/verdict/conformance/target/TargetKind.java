package dev.verdict.conformance.target;

public enum TargetKind {
    REFERENCE_IN_JVM,
    REFERENCE_PROCESS,
    REFERENCE_CONTAINER,
    REDIS_CONTAINER,
    REDIS_PROCESS,
    EXTERNAL
}
