package dev.verdict.conformance.diff.run;

import dev.verdict.conformance.client.RespReply;
import dev.verdict.conformance.diff.Command;
import dev.verdict.conformance.diff.compare.ReplyComparator;
import dev.verdict.conformance.diff.gen.Exclusions;
import dev.verdict.conformance.diff.grammar.CommandSpec;
import dev.verdict.conformance.diff.grammar.Family;
import dev.verdict.conformance.diff.grammar.Grammar;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Which commands a run generates: those of the chosen families (or named commands), minus the exclusions, minus
 * those either target does not implement. Implementation is probed with a call of the wrong arity: a server that
 * has the command answers an arity error without running it, one that lacks it answers unknown-command.
 */
public final class CommandSelection {

    private final List<CommandSpec> allowed;
    private final Map<String, String> skipped;

    private CommandSelection(List<CommandSpec> allowed, Map<String, String> skipped) {
        this.allowed = List.copyOf(allowed);
        this.skipped = Collections.unmodifiableMap(skipped);
    }

    /**
     * @param families  families to draw from; empty means every family
     * @param commands  extra commands by name, drawn from whatever their family
     */
    public static CommandSelection choose(Grammar grammar, Set<Family> families, Set<String> commands,
                                          boolean multiConnection, Lockstep probe) {
        Predicate<CommandSpec> wanted = s -> (families.isEmpty() && commands.isEmpty())
                || families.contains(s.family()) || commands.contains(s.name());
        List<CommandSpec> candidates = new ArrayList<>();
        Map<String, String> skipped = new TreeMap<>();
        for (CommandSpec s : grammar.commands()) {
            if (!wanted.test(s)) {
                continue;
            }
            var reason = Exclusions.reason(s).or(() -> multiConnection ? java.util.Optional.empty()
                    : Exclusions.singleConnectionReason(s));
            if (reason.isPresent()) {
                skipped.put(s.name(), "excluded: " + reason.get());
            } else {
                candidates.add(s);
            }
        }
        List<CommandSpec> allowed = new ArrayList<>();
        if (!candidates.isEmpty()) {
            List<Command> probes = candidates.stream().map(CommandSelection::arityProbe).toList();
            List<RespReply>[] replies = probe.both(probes);
            for (int i = 0; i < candidates.size(); i++) {
                if (ReplyComparator.isUnknownCommand(replies[0].get(i)) || ReplyComparator.isUnknownCommand(replies[1].get(i))) {
                    skipped.put(candidates.get(i).name(), "not implemented");
                } else {
                    allowed.add(candidates.get(i));
                }
            }
        }
        return new CommandSelection(allowed, skipped);
    }

    /** The command with one argument too many (fixed arity) or too few (minimum arity) where that is possible. */
    static Command arityProbe(CommandSpec s) {
        List<String> args = new ArrayList<>(s.words());
        if (s.arity() > 0) {
            while (args.size() <= s.arity()) {
                args.add("x");
            }
        }
        return Command.of(s.name(), args);
    }

    public List<CommandSpec> allowed() {
        return allowed;
    }

    public boolean allows(String name) {
        return allowed.stream().anyMatch(s -> s.name().equals(name));
    }

    /** Commands left out, with why. */
    public Map<String, String> skipped() {
        return skipped;
    }
}
