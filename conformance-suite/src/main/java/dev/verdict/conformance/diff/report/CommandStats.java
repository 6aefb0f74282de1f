package dev.verdict.conformance.diff.report;

/** Per command: how often it ran and how the sequences containing it ended. */
public final class CommandStats {

    public int run;
    public int mismatched;
    public int notImplemented;
    public int sequencesPassed;
    public int sequencesFailed;
}
