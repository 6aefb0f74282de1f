package dev.verdict.conformance.diff.run;

import dev.verdict.conformance.client.RespReply;
import dev.verdict.conformance.diff.Command;
import dev.verdict.conformance.diff.compare.LiveSides;
import dev.verdict.conformance.diff.compare.NormalisationTable;
import dev.verdict.conformance.diff.compare.Outcome;
import dev.verdict.conformance.diff.compare.ReplyComparator;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs one sequence on two sessions in lockstep: pipelined batches written to both before either is read, replies
 * compared command by command. A batch ends early at a command whose rule must ask the targets more.
 */
public final class Lockstep implements LiveSides {

    /** One compared command. */
    public record Step(Command command, RespReply a, RespReply b, Outcome outcome) {
    }

    /**
     * @param steps     the compared commands, up to and including the first mismatch
     * @param diverged  a command left the targets in states that may legitimately differ; comparing stopped there
     */
    public record Result(List<Step> steps, boolean diverged) {

        public boolean mismatched() {
            return !steps.isEmpty() && steps.get(steps.size() - 1).outcome() == Outcome.MISMATCH;
        }

        public Step last() {
            return steps.get(steps.size() - 1);
        }
    }

    /** What a target "answered" after it closed the connection. */
    public static final RespReply CONNECTION_CLOSED = new RespReply(
            "(connection closed by the target)".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
            new dev.verdict.conformance.client.RespValue.SimpleString("(connection closed by the target)"));

    private boolean broken;
    private final Session a;
    private final Session b;
    private final NormalisationTable table;
    private final ReplyComparator comparator;
    private final int batchSize;

    public Lockstep(Session a, Session b, NormalisationTable table, int batchSize) {
        this.a = a;
        this.b = b;
        this.table = table;
        this.comparator = new ReplyComparator(table);
        this.batchSize = batchSize;
    }

    /** The same two sessions, one command per write: to find which command of a batch a target refused. */
    public Lockstep oneAtATime() {
        return new Lockstep(a, b, table, 1);
    }

    public Result run(List<Command> sequence) {
        List<Step> steps = new ArrayList<>(sequence.size());
        int i = 0;
        while (i < sequence.size() && !broken) {
            int end = i;
            while (end < sequence.size() && end - i < batchSize) {
                end++;
                if (table.ruleFor(sequence.get(end - 1)).needsLiveSides()) {
                    break;
                }
            }
            List<Command> batch = sequence.subList(i, end);
            List<RespReply>[] replies = both(batch);
            boolean brokenNow = broken;
            for (int k = 0; k < batch.size(); k++) {
                Command c = batch.get(k);
                boolean closedA = replies[0].get(k) == CONNECTION_CLOSED;
                boolean closedB = replies[1].get(k) == CONNECTION_CLOSED;
                Outcome o = closedA != closedB ? Outcome.MISMATCH
                        : comparator.compare(c, replies[0].get(k), replies[1].get(k), this);
                steps.add(new Step(c, replies[0].get(k), replies[1].get(k), o));
                if (o == Outcome.MISMATCH) {
                    return new Result(steps, false);
                }
                if (brokenNow && replies[0].get(k) == CONNECTION_CLOSED) {
                    return new Result(steps, false); // both closed: nothing more to compare
                }
                if (o == Outcome.MATCH && table.ruleFor(c).divergesState()) {
                    return new Result(steps, true);
                }
            }
            i = end;
        }
        return new Result(steps, false);
    }

    /**
     * Sends a batch to both targets, then reads both, and returns {replies of A, replies of B}. A target that
     * closes the connection answers the rest of the batch with a marker reply, which then mismatches the other
     * side's real reply; the lockstep is broken from then on and must be replaced.
     */
    @SuppressWarnings("unchecked")
    public List<RespReply>[] both(List<Command> batch) {
        if (broken) {
            throw new IllegalStateException("a target closed the connection; open new sessions");
        }
        boolean sentA = sendSafely(a, batch);
        boolean sentB = sendSafely(b, batch);
        return new List[] {receiveSafely(a, batch.size(), sentA), receiveSafely(b, batch.size(), sentB)};
    }

    /** True once a target closed its connection. */
    public boolean broken() {
        return broken;
    }

    private boolean sendSafely(Session s, List<Command> batch) {
        try {
            s.send(batch);
            return true;
        } catch (java.io.UncheckedIOException e) {
            broken = true;
            return false;
        }
    }

    private List<RespReply> receiveSafely(Session s, int count, boolean sent) {
        List<RespReply> replies = new ArrayList<>(count);
        try {
            while (sent && replies.size() < count) {
                replies.add(s.receive(1).get(0));
            }
        } catch (java.io.UncheckedIOException e) {
            broken = true;
        }
        while (replies.size() < count) {
            replies.add(CONNECTION_CLOSED);
        }
        return replies;
    }

    @Override
    public RespReply callA(Command command) {
        return a.execute(List.of(command)).get(0);
    }

    @Override
    public RespReply callB(Command command) {
        return b.execute(List.of(command)).get(0);
    }
}
