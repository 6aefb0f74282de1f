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
        return run(List.of(), sequence, null);
    }

    /**
     * Runs a sequence with {@code setup} written ahead of its first batch (replies read, not compared: the reset)
     * and, when {@code keyspace} is given, the final keyspace reads behind its last batch, so that a sequence
     * usually costs one round trip. The reads are compared only after a sequence that ran to its end without a
     * mismatch or a divergence; a batch that ends at a rule that asks the targets more gets no reads behind it,
     * since the rule must see the state right after its command.
     */
    public Result run(List<Command> setup, List<Command> sequence, KeyspaceProbe keyspace) {
        List<Step> steps = new ArrayList<>(sequence.size());
        List<Command> leading = setup;
        int i = 0;
        while (!broken) {
            int end = i;
            while (end < sequence.size() && end - i < batchSize) {
                end++;
                if (table.ruleFor(sequence.get(end - 1)).needsLiveSides()) {
                    break;
                }
            }
            boolean last = end == sequence.size();
            boolean readsBehind = keyspace != null && last
                    && (end == i || !table.ruleFor(sequence.get(end - 1)).needsLiveSides());
            List<Command> batch = new ArrayList<>(leading.size() + end - i
                    + (readsBehind ? keyspace.reads().size() : 0));
            batch.addAll(leading);
            batch.addAll(sequence.subList(i, end));
            if (readsBehind) {
                batch.addAll(keyspace.reads());
            }
            List<RespReply>[] replies = both(batch);
            boolean brokenNow = broken;
            for (int k = leading.size(); k < leading.size() + end - i; k++) {
                Step step = step(batch.get(k), replies[0].get(k), replies[1].get(k));
                steps.add(step);
                if (step.outcome() == Outcome.MISMATCH) {
                    return new Result(steps, false);
                }
                if (brokenNow && step.a() == CONNECTION_CLOSED) {
                    return new Result(steps, false); // both closed: nothing more to compare
                }
                if (step.outcome() == Outcome.MATCH && table.ruleFor(step.command()).divergesState()) {
                    return new Result(steps, true);
                }
            }
            if (last) {
                if (readsBehind) {
                    int from = leading.size() + end - i;
                    compareReads(keyspace, replies[0].subList(from, batch.size()),
                            replies[1].subList(from, batch.size()), steps);
                } else if (keyspace != null) {
                    steps.addAll(keyspaceReads(keyspace));
                }
                return new Result(steps, false);
            }
            leading = List.of();
            i = end;
        }
        return new Result(steps, false);
    }

    /** Appends the compared keyspace reads to {@code steps}, up to the first mismatch. */
    private void compareReads(KeyspaceProbe keyspace, List<RespReply> a, List<RespReply> b, List<Step> steps) {
        for (int k = 0; k < a.size(); k++) {
            if (!keyspace.compares(k, a)) {
                continue;
            }
            Step step = step(keyspace.reads().get(k), a.get(k), b.get(k));
            steps.add(step);
            if (step.outcome() == Outcome.MISMATCH || step.a() == CONNECTION_CLOSED) {
                return;
            }
        }
    }

    /** The keyspace reads alone (after a sequence run some other way), compared as behind a sequence. */
    public List<Step> keyspaceReads(KeyspaceProbe keyspace) {
        List<Step> steps = new ArrayList<>();
        if (!broken) {
            List<RespReply>[] reads = both(keyspace.reads());
            compareReads(keyspace, reads[0], reads[1], steps);
        }
        return steps;
    }

    private Step step(Command c, RespReply a, RespReply b) {
        boolean closedA = a == CONNECTION_CLOSED;
        boolean closedB = b == CONNECTION_CLOSED;
        Outcome o = closedA != closedB ? Outcome.MISMATCH : comparator.compare(c, a, b, this);
        return new Step(c, a, b, o);
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
