package dev.verdict.conformance.diff.run;

import dev.verdict.conformance.diff.Command;
import dev.verdict.conformance.diff.compare.NormalisationTable;
import dev.verdict.conformance.diff.compare.Outcome;
import dev.verdict.conformance.diff.gen.SeededEntropy;
import dev.verdict.conformance.diff.gen.SequenceGenerator;
import dev.verdict.conformance.diff.gen.ValuePools;
import dev.verdict.conformance.diff.grammar.CommandSpec;
import dev.verdict.conformance.diff.grammar.Grammar;
import dev.verdict.conformance.diff.report.AcceptedDifferences;
import dev.verdict.conformance.diff.report.CommandStats;
import dev.verdict.conformance.diff.report.Finding;
import dev.verdict.conformance.diff.report.RunReport;
import dev.verdict.conformance.diff.shrink.Shrinker;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One differential run: sequences generated from a seed run on two targets in lockstep, each from an empty
 * keyspace; a sequence ends at its first mismatch, which is shrunk into a finding (once per command); a sequence
 * without one ends with a comparison of the final keyspace.
 */
public final class DifferentialRun {

    private final RunConfig config;
    private final DiffTarget targetA;
    private final DiffTarget targetB;
    private final Grammar grammar;
    private final AcceptedDifferences accepted;
    private final NormalisationTable table = new NormalisationTable();

    public DifferentialRun(RunConfig config, DiffTarget a, DiffTarget b, Grammar grammar, AcceptedDifferences accepted) {
        this.config = config;
        this.targetA = a;
        this.targetB = b;
        this.grammar = grammar;
        this.accepted = accepted;
    }

    public RunReport run() {
        long startedAt = System.currentTimeMillis();
        long started = System.nanoTime();
        try (Session a = targetA.open(config.protocol()); Session b = targetB.open(config.protocol())) {
            Lockstep lockstep = new Lockstep(a, b, table, config.batchSize());
            CommandSelection selection = CommandSelection.choose(grammar, config.families(), config.commands(), false,
                    lockstep);
            KeyspaceProbe keyspace = KeyspaceProbe.probe(lockstep);
            List<Command> reset = resetCommands(lockstep);
            Map<String, CommandStats> stats = new TreeMap<>();
            Map<String, Finding> findings = new LinkedHashMap<>();
            long commandsRun = 0;
            long sequences = 0;
            if (!selection.allowed().isEmpty()) {
                SequenceGenerator generator = new SequenceGenerator(selection.allowed(), new SeededEntropy(config.seed()));
                while (!config.budget().exhausted(commandsRun, started)) {
                    List<Command> sequence = generator.sequence(config.sequenceLength());
                    lockstep.both(reset);
                    Lockstep.Result result = lockstep.run(sequence);
                    if (!result.mismatched() && !result.diverged() && keyspace.usable()) {
                        result = withKeyspace(lockstep, keyspace, result);
                    }
                    sequences++;
                    commandsRun += result.steps().size();
                    record(result, stats);
                    if (result.mismatched()) {
                        String command = result.last().command().specName();
                        Finding known = findings.get(command);
                        if (known != null) {
                            findings.put(command, known.withOccurrences(known.occurrences() + 1));
                        } else {
                            findings.put(command, finding(lockstep, reset, result));
                        }
                    }
                }
            }
            List<String> covered = new ArrayList<>(selection.allowed().stream().map(CommandSpec::name).sorted().toList());
            return new RunReport(config.name(), config.seed(), config.budget().toString(), targetA.name(),
                    targetB.name(), targetA.kind(), targetB.kind(), "raw", config.protocol().name(), startedAt,
                    (System.nanoTime() - started) / 1_000_000, commandsRun, sequences, covered, stats,
                    new ArrayList<>(findings.values()), selection.skipped());
        }
    }

    /** FLUSHALL when both targets have it, else DEL of the key pool; DISCARD first in case a MULTI was left open. */
    private static List<Command> resetCommands(Lockstep lockstep) {
        List<Command> probes = List.of(Command.of("DISCARD", List.of("DISCARD", "x")),
                Command.of("FLUSHALL", List.of("FLUSHALL", "x", "y")));
        var replies = lockstep.both(probes);
        List<Command> reset = new ArrayList<>();
        if (implemented(replies, 0)) {
            reset.add(Command.of("DISCARD"));
        }
        if (implemented(replies, 1)) {
            reset.add(Command.of("FLUSHALL"));
        } else {
            List<String> del = new ArrayList<>(List.of("DEL"));
            del.addAll(ValuePools.KEYS);
            reset.add(Command.of("DEL", del));
        }
        return reset;
    }

    private static boolean implemented(List<dev.verdict.conformance.client.RespReply>[] replies, int i) {
        return !dev.verdict.conformance.diff.compare.ReplyComparator.isUnknownCommand(replies[0].get(i))
                && !dev.verdict.conformance.diff.compare.ReplyComparator.isUnknownCommand(replies[1].get(i));
    }

    private static Lockstep.Result withKeyspace(Lockstep lockstep, KeyspaceProbe keyspace, Lockstep.Result sequence) {
        List<Lockstep.Step> steps = new ArrayList<>(sequence.steps());
        Lockstep.Result types = lockstep.run(keyspace.typeReads());
        steps.addAll(types.steps());
        if (!types.mismatched()) {
            List<dev.verdict.conformance.client.RespReply> typeReplies = types.steps().stream()
                    .map(Lockstep.Step::a).toList();
            steps.addAll(lockstep.run(keyspace.valueReads(typeReplies)).steps());
        }
        return new Lockstep.Result(steps, false);
    }

    private static void record(Lockstep.Result result, Map<String, CommandStats> stats) {
        Set<String> inSequence = new HashSet<>();
        for (Lockstep.Step s : result.steps()) {
            CommandStats st = stats.computeIfAbsent(s.command().specName(), k -> new CommandStats());
            st.run++;
            if (s.outcome() == Outcome.MISMATCH) {
                st.mismatched++;
            } else if (s.outcome() == Outcome.NOT_IMPLEMENTED) {
                st.notImplemented++;
            }
            inSequence.add(s.command().specName());
        }
        for (String c : inSequence) {
            if (result.mismatched()) {
                stats.get(c).sequencesFailed++;
            } else {
                stats.get(c).sequencesPassed++;
            }
        }
    }

    private Finding finding(Lockstep lockstep, List<Command> reset, Lockstep.Result result) {
        List<Command> failing = result.steps().stream().map(Lockstep.Step::command).toList();
        String command = result.last().command().specName();
        List<Command> minimal = failing;
        if (config.shrink()) {
            Shrinker shrinker = new Shrinker(candidate -> {
                lockstep.both(reset);
                Lockstep.Result r = lockstep.run(candidate);
                return r.mismatched() && r.steps().size() == candidate.size()
                        && r.last().command().specName().equals(command);
            }, config.maxReplays());
            minimal = shrinker.shrink(failing);
        }
        lockstep.both(reset);
        Lockstep.Result replay = lockstep.run(minimal);
        Lockstep.Step last = replay.mismatched() ? replay.last() : result.last();
        if (!replay.mismatched()) {
            minimal = failing; // the mismatch did not replay (timing?): keep the original sequence as evidence
        }
        List<String> lines = minimal.stream().map(Command::toString).toList();
        String family = grammar.command(command).map(s -> s.family().id()).orElse("unknown");
        String id = "diff-" + command.toLowerCase().replace(' ', '-') + "-"
                + Integer.toHexString(String.join("\n", lines).hashCode());
        Finding f = new Finding(id, command, family, config.seed(), lines,
                new String(last.a().raw(), StandardCharsets.ISO_8859_1),
                new String(last.b().raw(), StandardCharsets.ISO_8859_1), failing.size(), 1, false, null);
        return accepted.reasonFor(f, targetA.kind(), targetB.kind())
                .map(reason -> f.withAcceptance(true, reason)).orElse(f);
    }
}
