package dev.verdict.conformance.diff.run;

import dev.verdict.conformance.client.Protocol;
import dev.verdict.conformance.client.RespReply;
import dev.verdict.conformance.diff.Command;
import dev.verdict.conformance.diff.compare.NormalisationTable;
import dev.verdict.conformance.diff.compare.ReplyComparator;
import dev.verdict.conformance.diff.gen.ValuePools;

import java.util.ArrayList;
import java.util.List;

/** One connection per target, pipelined lockstep; also the control connection of the multi-connection mode. */
public final class SingleConnectionExecutor implements SequenceExecutor, AutoCloseable {

    private final DiffTarget targetA;
    private final DiffTarget targetB;
    private final Protocol protocol;
    private final NormalisationTable table;
    private final int batchSize;
    private Session a;
    private Session b;
    private Lockstep lockstep;
    private final KeyspaceProbe keyspace;
    private final List<Command> reset;

    public SingleConnectionExecutor(DiffTarget targetA, DiffTarget targetB, Protocol protocol,
                                    NormalisationTable table, int batchSize) {
        this.targetA = targetA;
        this.targetB = targetB;
        this.protocol = protocol;
        this.table = table;
        this.batchSize = batchSize;
        connect();
        this.keyspace = KeyspaceProbe.probe(lockstep);
        this.reset = resetCommands(lockstep);
    }

    private void connect() {
        a = targetA.open(protocol);
        try {
            b = targetB.open(protocol);
        } catch (RuntimeException e) {
            a.close();
            throw e;
        }
        lockstep = new Lockstep(a, b, table, batchSize);
    }

    public Lockstep lockstep() {
        return lockstep;
    }

    /** Empties both keyspaces, on new connections if a target closed the last ones. */
    public void reset() {
        for (int attempt = 0; attempt < 3; attempt++) {
            if (lockstep.broken()) {
                close();
                connect();
            }
            lockstep.both(reset);
            if (!lockstep.broken()) {
                return;
            }
        }
        throw new IllegalStateException("a target keeps closing the connection on the reset commands " + reset);
    }

    @Override
    public Lockstep.Result run(List<Command> sequence, boolean compareKeyspace) {
        return runAll(List.of(sequence), compareKeyspace).get(0);
    }

    /**
     * Each sequence's reset goes out in the same write as its first commands and its keyspace reads in the same
     * write as its last, and sequences share writes, so that a round trip carries several sequences.
     */
    @Override
    public List<Lockstep.Result> runAll(List<List<Command>> sequences, boolean compareKeyspace) {
        if (lockstep.broken()) {
            reset(); // on new connections, retried if a target keeps closing them
        }
        KeyspaceProbe reads = compareKeyspace && keyspace.usable() ? keyspace : null;
        Lockstep.Round round = lockstep.run(reset, sequences, reads);
        List<Lockstep.Result> results = new ArrayList<>(round.results());
        // A target closed the connection during a write: the sequences in it run again on new connections, a lone
        // one (or one that closes it again) one command at a time, so that the mismatch lands on the command the
        // target refused.
        for (int i = round.cutFrom(); i < sequences.size(); i++) {
            List<Command> sequence = sequences.get(i);
            Lockstep.Result again = null;
            if (sequences.size() > 1) {
                reset();
                again = lockstep.run(List.of(), List.of(sequence), reads).results().get(0);
            }
            results.set(i, again == null || lockstep.broken() ? oneAtATime(sequence) : again);
        }
        return results;
    }

    private Lockstep.Result oneAtATime(List<Command> sequence) {
        reset();
        Lockstep single = lockstep.oneAtATime();
        Lockstep.Result result = single.run(sequence);
        if (single.broken()) {
            lockstep = single;
        }
        return result;
    }

    /** Appends the comparison of the final keyspace to a sequence's result. */
    public Lockstep.Result withKeyspace(Lockstep.Result sequence) {
        if (!keyspace.usable() || lockstep.broken()) {
            return sequence;
        }
        List<Lockstep.Step> steps = new ArrayList<>(sequence.steps());
        List<Lockstep.Step> reads = lockstep.keyspaceReads(keyspace);
        steps.addAll(reads);
        return new Lockstep.Result(steps, false, reads.size());
    }

    /**
     * FLUSHALL when both targets have it, else DEL of every key a generated command can name; DISCARD first in
     * case a MULTI was left open, and UNWATCH, since DISCARD forgets WATCHes only inside a MULTI: a key one
     * sequence watched would otherwise make a later sequence's EXEC fail on one target and not the other, a finding
     * whose reproduction lacks the WATCH.
     */
    private static List<Command> resetCommands(Lockstep lockstep) {
        List<Command> probes = List.of(Command.of("DISCARD", List.of("DISCARD", "x")),
                Command.of("UNWATCH", List.of("UNWATCH", "x")), Command.of("FLUSHALL", List.of("FLUSHALL", "x", "y")));
        List<RespReply>[] replies = lockstep.both(probes);
        List<Command> reset = new ArrayList<>();
        if (implemented(replies, 0)) {
            reset.add(Command.of("DISCARD"));
        }
        if (implemented(replies, 1)) {
            reset.add(Command.of("UNWATCH"));
        }
        if (implemented(replies, 2)) {
            reset.add(Command.of("FLUSHALL"));
        } else {
            List<String> del = new ArrayList<>(List.of("DEL"));
            del.addAll(ValuePools.possibleKeys());
            reset.add(Command.of("DEL", del));
        }
        return reset;
    }

    private static boolean implemented(List<RespReply>[] replies, int i) {
        return !ReplyComparator.isUnknownCommand(replies[0].get(i)) && !ReplyComparator.isUnknownCommand(replies[1].get(i));
    }

    @Override
    public void close() {
        try {
            a.close();
        } finally {
            b.close();
        }
    }
}
