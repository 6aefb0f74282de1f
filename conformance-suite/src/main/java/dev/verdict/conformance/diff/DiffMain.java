package dev.verdict.conformance.diff;

import dev.verdict.conformance.client.Protocol;
import dev.verdict.conformance.diff.grammar.Family;
import dev.verdict.conformance.diff.grammar.Grammar;
import dev.verdict.conformance.AcceptedDifferences;
import dev.verdict.conformance.diff.report.Finding;
import dev.verdict.conformance.diff.report.Reproduction;
import dev.verdict.conformance.diff.report.ResultsWriter;
import dev.verdict.conformance.diff.report.RunReport;
import dev.verdict.conformance.diff.run.Budget;
import dev.verdict.conformance.diff.run.DifferentialRun;
import dev.verdict.conformance.diff.run.RunConfig;
import dev.verdict.conformance.diff.run.StartedTarget;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

/** The differential engine from the command line; exit status 0 when every finding is accepted, 1 otherwise. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Runs the same generated command sequences on two Redis-protocol servers and reports every difference, shrunk.")
public final class DiffMain implements Callable<Integer> {

    @Option(names = "--a", defaultValue = "reference", description = "first target: reference | redis-process | redis-container | reference-process | host:port (default: ${DEFAULT-VALUE})")
    String a;

    @Option(names = "--b", defaultValue = "redis", description = "second target, the oracle (default: ${DEFAULT-VALUE})")
    String b;

    @Option(names = "--seed", description = "seed (default: -Ddiff.seed or the current time)")
    Long seed;

    @Option(names = "--budget", defaultValue = "10000", description = "commands (10000) or time (30s, 5m) (default: ${DEFAULT-VALUE})")
    String budget;

    @Option(names = "--families", split = ",", description = "families to draw from: strings,lists,sets,sorted-sets,hashes,keys,... (default: all)")
    List<String> families = List.of();

    @Option(names = "--commands", split = ",", description = "commands to draw from as well, e.g. SET,\"CONFIG GET\"")
    List<String> commands = List.of();

    @Option(names = "--clients", defaultValue = "1", description = "clients per target; more than 1 is the multi-connection mode (default: ${DEFAULT-VALUE})")
    int clients;

    @Option(names = "--protocol", defaultValue = "RESP2", description = "RESP2 or RESP3 (default: ${DEFAULT-VALUE})")
    Protocol protocol;

    @Option(names = "--sequence-length", defaultValue = "40", description = "commands between resets (default: ${DEFAULT-VALUE})")
    int sequenceLength;

    @Option(names = "--no-shrink", description = "report mismatches unshrunk")
    boolean noShrink;

    /** The shared file lives with the tests; from the repository root this finds it outside a test classpath. */
    static final Path REPOSITORY_ACCEPTED = Path.of("conformance-suite/src/test/resources/accepted-differences.txt");

    @Option(names = "--accepted", description = "accepted-differences file (default: the one on the classpath, else "
            + "conformance-suite/src/test/resources/accepted-differences.txt under the current folder)")
    Path acceptedFile;

    @Option(names = "--name", description = "run name, the results file's name (default: diff-<families>-seed-<seed>)")
    String name;

    public static void main(String[] args) {
        System.exit(new CommandLine(new DiffMain()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        long s = seed != null ? seed : RunConfig.seedProperty(System.currentTimeMillis());
        Set<Family> fams = new LinkedHashSet<>();
        families.forEach(f -> fams.add(Family.parse(f)));
        Set<String> cmds = new LinkedHashSet<>();
        commands.forEach(c -> cmds.add(c.trim().toUpperCase(Locale.ROOT)));
        String runName = name != null ? name : "diff-" + (fams.isEmpty() && cmds.isEmpty() ? "all"
                : String.join("+", fams.stream().map(Family::id).toList())) + "-seed-" + s;
        RunConfig config = RunConfig.of(runName, s, Budget.parse(budget), fams).withCommands(cmds)
                .withProtocol(protocol).withClients(clients).withSequenceLength(sequenceLength).withShrink(!noShrink);
        Path file = acceptedFile != null ? acceptedFile
                : DiffMain.class.getClassLoader().getResource(AcceptedDifferences.RESOURCE) == null
                        && Files.exists(REPOSITORY_ACCEPTED) ? REPOSITORY_ACCEPTED : null;
        AcceptedDifferences accepted = file == null ? AcceptedDifferences.fromClasspath()
                : AcceptedDifferences.parse(Files.readString(file));
        try (StartedTarget ta = StartedTarget.start(a); StartedTarget tb = StartedTarget.start(b)) {
            RunReport report = new DifferentialRun(config, ta, tb, Grammar.fromClasspath(), accepted).run();
            Path written = ResultsWriter.write(report);
            System.out.printf("%s: %d commands in %d sequences, %d ms (%.0f commands/s), %d commands covered, %d skipped%n",
                    report.name(), report.commandsRun(), report.sequencesRun(), report.durationMs(),
                    report.commandsPerSecond(), report.commandsCovered().size(), report.skipped().size());
            for (Finding f : report.findings()) {
                System.out.println();
                System.out.print(Reproduction.script(f, report.targetA(), report.targetB()));
                if (f.accepted()) {
                    System.out.println("# accepted: " + f.reason());
                }
            }
            System.out.println("results: " + written);
            return report.unaccepted().isEmpty() ? 0 : 1;
        }
    }
}
