package dev.verdict.conformance.target;

/** The faults a target can suffer; external endpoints support none. */
public enum Fault {
    KILL,
    PAUSE,
    RESTART
}
