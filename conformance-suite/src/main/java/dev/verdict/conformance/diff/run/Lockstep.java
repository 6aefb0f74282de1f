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
 * Runs sequences on two sessions in lockstep: pipelined writes sent to both before either is read, replies compared
 * command by command. A write ends early at a command whose rule must ask the targets more.
 */
public final class Lockstep implements LiveSides {

    /** One compared command. */
    public record Step(Command command, RespReply a, RespReply b, Outcome outcome) {
    }

    /**
     * @param steps          the compared commands, up to and including the first mismatch
     * @param diverged       a command left the targets in states that may legitimately differ; comparing stopped there
     * @param keyspaceReads  how many of the steps, at the end, are reads of the final keyspace
     */
    public record Result(List<Step> steps, boolean diverged, int keyspaceReads) {

        public Result(List<Step> steps, boolean diverged) {
            this(steps, diverged, 0);
        }

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
        return run(List.of(), List.of(sequence), null).results().get(0);
    }

    /**
     * What {@link #run(List, List, KeyspaceProbe)} found.
     *
     * @param results   per sequence, its result
     * @param cutFrom   the first sequence that had a command in a write during which a target closed the
     *                  connection (the lockstep is then broken): its result and those after it compare what came
     *                  back up to the closing, and should be run again on new connections; the size of
     *                  {@code results} when no target closed it
     */
    public record Round(List<Result> results, int cutFrom) {
    }

    /**
     * Runs sequences one after another, each from {@code setup} (written ahead of it, replies read but not
     * compared: the reset) and, when {@code keyspace} is given, followed by the final keyspace reads, all in shared
     * pipelined writes of up to a batch of sequence commands: several sequences usually cost one round trip. A
     * write ends early at a command whose rule must ask the targets more, so that the rule sees the state right
     * after it. A sequence's keyspace reads are compared only when it ran to its end without a mismatch or a
     * divergence; what is left of a sequence after its mismatch is not sent. Since each sequence starts from the
     * reset, sharing a write changes nothing any of them sees.
     */
    public Round run(List<Command> setup, List<List<Command>> sequences, KeyspaceProbe keyspace) {
        List<Run> runs = new ArrayList<>(sequences.size());
        sequences.forEach(sq -> runs.add(new Run(sq)));
        int first = 0;
        int cutFrom = runs.size();
        while (first < runs.size() && !broken) {
            List<Slot> slots = new ArrayList<>();
            int commands = 0;
            boolean writeEnds = false;
            for (int r = first; r < runs.size() && !writeEnds && commands < batchSize; r++) {
                Run run = runs.get(r);
                if (run.result != null) {
                    continue;
                }
                if (!run.setupSent) {
                    setup.forEach(c -> slots.add(new Slot(c, run, Slot.Kind.SETUP)));
                    run.setupSent = true;
                }
                while (run.sent < run.commands.size() && commands < batchSize && !writeEnds) {
                    Command c = run.commands.get(run.sent++);
                    slots.add(new Slot(c, run, Slot.Kind.SEQUENCE));
                    commands++;
                    writeEnds = table.ruleFor(c).needsLiveSides(c);
                }
                if (run.sent < run.commands.size() || writeEnds) {
                    break; // the rest of this sequence (and its reads) comes in the next write
                }
                if (keyspace != null && !run.readsSent) {
                    keyspace.reads().forEach(c -> slots.add(new Slot(c, run, Slot.Kind.KEYSPACE_READ)));
                    run.readsSent = true;
                }
            }
            List<RespReply>[] replies = both(slots.stream().map(Slot::command).toList());
            if (broken) {
                cutFrom = runs.indexOf(slots.get(0).run());
            }
            compare(slots, replies, keyspace);
            for (Run run : runs) {
                if (run.result == null && run.setupSent && run.sent == run.commands.size()
                        && (keyspace == null || run.readsSent)) {
                    run.finish(false);
                }
            }
            while (first < runs.size() && runs.get(first).result != null) {
                first++;
            }
        }
        List<Result> results = new ArrayList<>(runs.size());
        for (Run run : runs) {
            if (run.result == null) {
                run.finish(false); // cut short by a closed connection
            }
            results.add(run.result);
        }
        return new Round(results, cutFrom);
    }

    /** A sequence being run: how much of it went out, and what its comparison found so far. */
    private static final class Run {
        final List<Command> commands;
        final List<Step> steps = new ArrayList<>();
        boolean setupSent;
        int sent;
        boolean readsSent;
        int keyspaceReads;
        Result result;

        Run(List<Command> commands) {
            this.commands = commands;
        }

        void finish(boolean diverged) {
            result = new Result(steps, diverged, keyspaceReads);
        }
    }

    /** One command of a write, the sequence it is sent for and what for. */
    private record Slot(Command command, Run run, Kind kind) {
        enum Kind { SETUP, SEQUENCE, KEYSPACE_READ }
    }

    /** Compares a write's replies slot by slot; a sequence whose comparison ended ignores the rest of its slots. */
    private void compare(List<Slot> slots, List<RespReply>[] replies, KeyspaceProbe keyspace) {
        int k = 0;
        while (k < slots.size()) {
            Slot slot = slots.get(k);
            Run run = slot.run();
            if (slot.kind() == Slot.Kind.SETUP || run.result != null) {
                k++;
                continue;
            }
            if (slot.kind() == Slot.Kind.KEYSPACE_READ) {
                int to = k + keyspace.reads().size();
                run.keyspaceReads = compareReads(keyspace, replies[0].subList(k, to), replies[1].subList(k, to),
                        run.steps);
                run.finish(false);
                k = to;
                continue;
            }
            Step step = step(slot.command(), replies[0].get(k), replies[1].get(k));
            run.steps.add(step);
            if (step.outcome() == Outcome.MISMATCH || step.a() == CONNECTION_CLOSED) {
                run.finish(false); // at a mismatch, or where both closed the connection: nothing more to compare
            } else if (step.outcome() == Outcome.MATCH && comparator.lastDivergesState()) {
                run.finish(true);
            }
            k++;
        }
    }

    /** Appends the compared keyspace reads to {@code steps}, up to the first mismatch; returns how many. */
    private int compareReads(KeyspaceProbe keyspace, List<RespReply> a, List<RespReply> b, List<Step> steps) {
        int before = steps.size();
        for (int k = 0; k < a.size(); k++) {
            if (!keyspace.compares(k, a)) {
                continue;
            }
            Step step = step(keyspace.reads().get(k), a.get(k), b.get(k));
            steps.add(step);
            if (step.outcome() == Outcome.MISMATCH || step.a() == CONNECTION_CLOSED) {
                break;
            }
        }
        return steps.size() - before;
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

    @Override
    public RespReply[] callBoth(Command forA, Command forB) {
        a.send(List.of(forA));
        b.send(List.of(forB));
        return new RespReply[] {a.receive(1).get(0), b.receive(1).get(0)};
    }
}
