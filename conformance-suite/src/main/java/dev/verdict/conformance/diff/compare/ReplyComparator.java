package dev.verdict.conformance.diff.compare;

import dev.verdict.conformance.client.RespReply;
import dev.verdict.conformance.client.RespValue;
import dev.verdict.conformance.diff.Command;

/**
 * Compares one command's two replies: unknown-command first, then the command's rule from the table; EXEC's by the
 * rules of the commands it ran. Commands must be compared in the order they were sent.
 */
public final class ReplyComparator {

    private final NormalisationTable table;
    private final TransactionQueues transactions = new TransactionQueues();
    private boolean lastDivergesState;

    public ReplyComparator(NormalisationTable table) {
        this.table = table;
    }

    public Outcome compare(Command command, RespReply a, RespReply b, LiveSides sides) {
        // a command queued inside MULTI answers +QUEUED: its own rule applies to its element of EXEC's reply (a SCAN
        // rule asking the targets for more pages now would queue them into the transaction)
        ReplyRule rule = TransactionQueues.queued(a) || TransactionQueues.queued(b) ? Rules.EXACT : ruleFor(command);
        transactions.observe(command, a, b);
        lastDivergesState = rule.divergesState(command);
        boolean unknownA = isUnknownCommand(a);
        boolean unknownB = isUnknownCommand(b);
        if (unknownA != unknownB) {
            return Outcome.NOT_IMPLEMENTED;
        }
        return rule.agree(command, a, b, sides) ? Outcome.MATCH : Outcome.MISMATCH;
    }

    /** Whether the command compared last left the targets in states that may legitimately differ (SPOP). */
    public boolean lastDivergesState() {
        return lastDivergesState;
    }

    private ReplyRule ruleFor(Command command) {
        return command.specName().equals("EXEC")
                ? new ExecReplyRule(transactions.queued(command.client()), table) : table.ruleFor(command);
    }

    /** Redis's answer to a command or subcommand it does not have. */
    public static boolean isUnknownCommand(RespReply reply) {
        return reply.value() instanceof RespValue.Error e
                && (e.message().startsWith("ERR unknown command") || e.message().startsWith("ERR unknown subcommand"));
    }
}
