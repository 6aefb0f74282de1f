package dev.verdict.conformance.diff.compare;

import dev.verdict.conformance.client.RespReply;
import dev.verdict.conformance.client.RespValue;
import dev.verdict.conformance.diff.Command;

import java.util.Arrays;
import java.util.List;

/**
 * EXEC's reply, element by element, each by the rule of the command queued at its position: TIME or a TTL inside a
 * transaction is as clock-bound as outside it. A rule that must ask the targets more (a SCAN's full iteration)
 * cannot: the state after EXEC is not the state that element saw, so such an element (a SCAN page: cursor and
 * elements are the implementation's) must only be a page on both sides, or the same error. A reply that is not an
 * array of one element per queued command (EXECABORT, a WATCH that failed) is compared exactly.
 */
final class ExecReplyRule implements ReplyRule {

    private final List<Command> queued;
    private final NormalisationTable table;

    ExecReplyRule(List<Command> queued, NormalisationTable table) {
        this.queued = List.copyOf(queued);
        this.table = table;
    }

    @Override
    public boolean agree(Command exec, RespReply a, RespReply b, LiveSides sides) {
        if (Arrays.equals(a.raw(), b.raw())) {
            return true;
        }
        if (!(a.value() instanceof RespValue.Array x) || !(b.value() instanceof RespValue.Array y)
                || x.elements().size() != queued.size() || y.elements().size() != queued.size()) {
            return false;
        }
        for (int i = 0; i < queued.size(); i++) {
            Command c = queued.get(i);
            ReplyRule rule = table.ruleFor(c);
            RespReply ea = element(x.elements().get(i));
            RespReply eb = element(y.elements().get(i));
            boolean agree = rule.needsLiveSides(c) ? bothPages(ea, eb) || Rules.EXACT.agree(c, ea, eb, sides)
                    : rule.agree(c, ea, eb, sides);
            if (!agree) {
                return false;
            }
        }
        return true;
    }

    /** A queued command that left the targets apart (SPOP) leaves them apart inside EXEC too. */
    @Override
    public boolean divergesState(Command exec) {
        return queued.stream().anyMatch(c -> table.ruleFor(c).divergesState(c));
    }

    private static boolean bothPages(RespReply a, RespReply b) {
        return isPage(a.value()) && isPage(b.value());
    }

    private static boolean isPage(RespValue v) {
        return v instanceof RespValue.Array p && p.elements().size() == 2 && p.elements().get(0) instanceof RespValue.Bulk
                && p.elements().get(1) instanceof RespValue.Array;
    }

    private static RespReply element(RespValue v) {
        return new RespReply(ValueOrder.bytes(v), v);
    }
}
