package dev.verdict.conformance.diff.run;

import dev.verdict.conformance.diff.Command;
import dev.verdict.conformance.diff.compare.NormalisationTable;
import dev.verdict.conformance.diff.compare.Outcome;
import dev.verdict.conformance.diff.compare.ReplyComparator;
import dev.verdict.conformance.diff.gen.SeededEntropy;
import dev.verdict.conformance.diff.gen.SequenceGenerator;
import dev.verdict.conformance.diff.grammar.CommandSpec;
import dev.verdict.conformance.diff.grammar.Grammar;
import dev.verdict.conformance.AcceptedDifferences;
import dev.verdict.conformance.diff.report.CommandStats;
import dev.verdict.conformance.diff.report.Finding;
import dev.verdict.conformance.diff.report.RunReport;
import dev.verdict.conformance.diff.shrink.Shrinker;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One differential run: sequences generated from a seed run on two targets, each from an empty keyspace; a
 * sequence ends at its first mismatch, which is shrunk into a finding (once per command, which is then no longer
 * drawn, so that the rest of the run explores other commands); a sequence without one
 * ends with a comparison of the final keyspace. Sequences are generated and run in rounds that share pipelined
 * writes (see {@link #roundSize}). A mismatch where one side answers unknown-command counts as
 * not implemented for that command and is neither shrunk nor a finding.
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
        try (SingleConnectionExecutor control = new SingleConnectionExecutor(targetA, targetB, config.protocol(),
                table, config.batchSize())) {
            boolean multi = config.clients() > 1;
            CommandSelection selection = CommandSelection.choose(grammar, config.families(), config.commands(), multi,
                    control.lockstep());
            SequenceExecutor executor = multi ? new InterleavedExecutor(targetA, targetB, config.protocol(), control,
                    new ReplyComparator(table), grammar, config.clients()) : control;
            Map<String, CommandStats> stats = new TreeMap<>();
            Map<String, Finding> findings = new LinkedHashMap<>();
            long commandsRun = 0;
            long sequences = 0;
            long keyspaceReads = 0;
            if (!selection.allowed().isEmpty()) {
                SequenceGenerator generator = new SequenceGenerator(selection.allowed(), new SeededEntropy(config.seed()));
                while (!config.budget().exhausted(commandsRun, started)) {
                    List<List<Command>> round = new ArrayList<>();
                    for (int i = roundSize(commandsRun); i > 0; i--) {
                        round.add(generator.sequence(config.sequenceLength(), config.clients()));
                    }
                    for (Lockstep.Result result : executor.runAll(round, true)) {
                        sequences++;
                        commandsRun += result.steps().size();
                        keyspaceReads += result.keyspaceReads();
                        record(result, stats);
                        if (result.mismatched()) {
                            String command = result.last().command().specName();
                            Finding known = findings.get(command);
                            findings.put(command, known != null ? known.withOccurrences(known.occurrences() + 1)
                                    : finding(executor, result));
                            generator.retire(command);
                        }
                    }
                }
            }
            List<String> covered = selection.allowed().stream().map(CommandSpec::name).sorted().toList();
            return new RunReport(config.name(), config.seed(), config.budget().commandCount(),
                    config.budget().timeText(), targetA.name(),
                    targetB.name(), targetA.kind(), targetB.kind(), "raw", config.protocol().name(), startedAt,
                    (System.nanoTime() - started) / 1_000_000, commandsRun, sequences, keyspaceReads, covered, stats,
                    new ArrayList<>(findings.values()), selection.skipped());
        }
    }

    /**
     * How many sequences to generate and run together: as many as fill a pipelined write (the targets then answer
     * several sequences per round trip), no more than a command budget has left, and one at a time with several
     * clients, whose executor runs command by command anyway. A command drawn after a finding is retired only
     * from the next round on.
     */
    private int roundSize(long commandsRun) {
        if (config.clients() > 1) {
            return 1;
        }
        int length = Math.max(1, config.sequenceLength());
        long perWrite = Math.max(1, config.batchSize() / length);
        long left = config.budget().commands() - commandsRun;
        long sequencesLeft = left / length + (left % length == 0 ? 0 : 1);
        return (int) Math.max(1, Math.min(perWrite, sequencesLeft));
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

    private Finding finding(SequenceExecutor executor, Lockstep.Result result) {
        List<Command> failing = result.steps().stream().map(Lockstep.Step::command).toList();
        String command = result.last().command().specName();
        List<Command> minimal = failing;
        if (config.shrink()) {
            Shrinker shrinker = new Shrinker(candidate -> {
                Lockstep.Result r = executor.run(candidate, false);
                return r.mismatched() && r.steps().size() == candidate.size()
                        && r.last().command().specName().equals(command);
            }, config.maxReplays());
            minimal = shrinker.shrink(failing);
        }
        Lockstep.Result replay = executor.run(minimal, false);
        Lockstep.Step last = result.last();
        if (replay.mismatched() && replay.steps().size() == minimal.size()) {
            last = replay.last();
        } else {
            minimal = failing; // the mismatch did not replay: keep the original sequence as the evidence
        }
        List<String> lines = minimal.stream().map(Command::toString).toList();
        String family = grammar.command(command).map(s -> s.family().id()).orElse("unknown");
        String id = "diff-" + command.toLowerCase(Locale.ROOT).replace(' ', '-') + "-"
                + Integer.toHexString(String.join("\n", lines).hashCode());
        Finding f = new Finding(id, command, family, config.seed(), lines,
                new String(last.a().raw(), StandardCharsets.ISO_8859_1),
                new String(last.b().raw(), StandardCharsets.ISO_8859_1), failing.size(), 1, false, null);
        return accepted.reasonForFinding(f.id(), f.command(), targetA.kind(), targetB.kind())
                .map(reason -> f.withAcceptance(true, reason)).orElse(f);
    }
}
