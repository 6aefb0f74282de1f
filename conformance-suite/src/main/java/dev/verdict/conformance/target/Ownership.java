package dev.verdict.conformance.target;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Who created a container, network or process: this JVM, identified by its pid and start time
 * (a pid alone can be reused), plus a run id. Several harness runs share this machine, so
 * clean-up only ever touches things whose owner is gone.
 */
public final class Ownership {

    /** Present on everything the harness creates; the value is always {@code true}. */
    public static final String HARNESS_LABEL = "dev.verdict.harness";
    public static final String OWNER_LABEL = "dev.verdict.owner";
    public static final String RUN_LABEL = "dev.verdict.run";

    private static final ProcessHandle SELF = ProcessHandle.current();
    private static final String RUN_ID = UUID.randomUUID().toString();
    private static final String OWNER = ownerId(SELF);

    private Ownership() {
    }

    /** The labels every container, image and network created by this JVM carries. */
    public static Map<String, String> labels() {
        return Map.of(HARNESS_LABEL, "true", OWNER_LABEL, OWNER, RUN_LABEL, RUN_ID);
    }

    public static String runId() {
        return RUN_ID;
    }

    /** {@code pid@startEpochMillis} of a process, the form stored in {@link #OWNER_LABEL}. */
    static String ownerId(ProcessHandle process) {
        long start = process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        return process.pid() + "@" + start;
    }

    /** Whether the process named by an owner id still runs (same pid and same start time). */
    static boolean isAlive(String ownerId) {
        Optional<ProcessHandle> process = processOf(ownerId);
        return process.isPresent() && process.get().isAlive();
    }

    /** The live process an owner id names, if it still runs; a reused pid does not count. */
    static Optional<ProcessHandle> processOf(String ownerId) {
        int at = ownerId == null ? -1 : ownerId.indexOf('@');
        if (at <= 0) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(ownerId.substring(0, at));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid).filter(p -> ownerId(p).equals(ownerId));
    }
}
