package dev.verdict.conformance.diff.compare;

/** What comparing one command's two replies concluded. */
public enum Outcome {
    MATCH,
    MISMATCH,
    /** One side answered Redis's unknown-command (or unknown-subcommand) error and the other did not. */
    NOT_IMPLEMENTED
}
