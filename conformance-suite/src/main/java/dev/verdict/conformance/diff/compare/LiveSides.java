package dev.verdict.conformance.diff.compare;

import dev.verdict.conformance.client.RespReply;
import dev.verdict.conformance.diff.Command;

/** Both targets, reachable while a rule compares, for rules that must ask more (a full SCAN iteration). */
public interface LiveSides {

    RespReply callA(Command command);

    RespReply callB(Command command);

    /** A command on each target, both sent before either reply is read where the sides allow it. */
    default RespReply[] callBoth(Command forA, Command forB) {
        return new RespReply[] {callA(forA), callB(forB)};
    }
}
