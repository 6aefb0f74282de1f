package dev.verdict.conformance.diff.compare;

import dev.verdict.conformance.client.RespReply;
import dev.verdict.conformance.client.RespValue;
import dev.verdict.conformance.diff.Command;

/** Compares one command's two replies: unknown-command first, then the command's rule from the table. */
public final class ReplyComparator {

    private final NormalisationTable table;

    public ReplyComparator(NormalisationTable table) {
        this.table = table;
    }

    public Outcome compare(Command command, RespReply a, RespReply b, LiveSides sides) {
        boolean unknownA = isUnknownCommand(a);
        boolean unknownB = isUnknownCommand(b);
        if (unknownA != unknownB) {
            return Outcome.NOT_IMPLEMENTED;
        }
        return table.ruleFor(command).agree(command, a, b, sides) ? Outcome.MATCH : Outcome.MISMATCH;
    }

    /** Redis's answer to a command or subcommand it does not have. */
    public static boolean isUnknownCommand(RespReply reply) {
        return reply.value() instanceof RespValue.Error e
                && (e.message().startsWith("ERR unknown command") || e.message().startsWith("ERR unknown subcommand"));
    }
}
