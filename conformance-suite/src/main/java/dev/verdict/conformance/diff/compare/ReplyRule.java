package dev.verdict.conformance.diff.compare;

import dev.verdict.conformance.client.RespReply;
import dev.verdict.conformance.diff.Command;

/** One way of deciding whether two replies to the same command agree. */
@FunctionalInterface
public interface ReplyRule {

    boolean agree(Command command, RespReply a, RespReply b, LiveSides sides);

    /** True when the rule needs the targets in the state right after the command (it ends a pipelined batch). */
    default boolean needsLiveSides() {
        return false;
    }

    /** As {@link #needsLiveSides()}, for a rule whose need depends on the command's options. */
    default boolean needsLiveSides(Command command) {
        return needsLiveSides();
    }

    /** As {@link #divergesState()}, for a rule whose effect depends on the command's options. */
    default boolean divergesState(Command command) {
        return divergesState();
    }

    /** True when the command leaves the two targets in states that may legitimately differ (SPOP). */
    default boolean divergesState() {
        return false;
    }
}
