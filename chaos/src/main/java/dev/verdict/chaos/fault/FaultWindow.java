package dev.verdict.chaos.fault;

/** When a fault was in force, in epoch milliseconds; a kill without restart has {@code endMs == startMs}. */
public record FaultWindow(String name, String node, long startMs, long endMs) {
}
