package dev.verdict.conformance.diff.gen;

import dev.verdict.conformance.diff.Command;
import dev.verdict.conformance.diff.grammar.CommandSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * Sequences of commands over a chosen set of commands: mostly valid, some deliberately invalid. Commands that write
 * weigh more so that collections grow past their encoding thresholds and keys change type.
 */
public final class SequenceGenerator {

    /** Percent of commands mutated into invalid ones. */
    public static final int INVALID_PERCENT = 10;

    private final Entropy entropy;
    private final List<CommandSpec> weighted = new ArrayList<>();
    private final CommandGenerator commands;
    private final Mutator mutator;

    public SequenceGenerator(List<CommandSpec> allowed, Entropy entropy) {
        if (allowed.isEmpty()) {
            throw new IllegalArgumentException("no command to generate");
        }
        this.entropy = entropy;
        for (CommandSpec spec : allowed) {
            weighted.add(spec);
            if (spec.hasFlag("write")) {
                weighted.add(spec);
            }
        }
        this.commands = new CommandGenerator(entropy);
        this.mutator = new Mutator(entropy);
    }

    /**
     * Stops drawing a command (it already has a finding in this run): later sequences explore the others instead
     * of ending at the same mismatch again. Ignored when it would leave nothing to draw.
     */
    public void retire(String specName) {
        if (weighted.stream().anyMatch(s -> !s.name().equals(specName))) {
            weighted.removeIf(s -> s.name().equals(specName));
        }
    }

    public Command next() {
        CommandSpec spec = entropy.pick(weighted);
        int rarity = Tuning.rarity(spec);
        while (rarity > 1 && entropy.nextInt(rarity) != 0) {
            spec = entropy.pick(weighted);
            rarity = Tuning.rarity(spec);
        }
        Command valid = commands.generate(spec);
        return entropy.chance(INVALID_PERCENT) ? mutator.mutate(valid, spec.words().size()) : valid;
    }

    public List<Command> sequence(int length) {
        return sequence(length, 1);
    }

    /** A sequence whose commands are spread over {@code clients} connections: the interleaving is the seed's. */
    public List<Command> sequence(int length, int clients) {
        List<Command> out = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            Command c = next();
            out.add(clients > 1 ? c.onClient(entropy.nextInt(clients)) : c);
        }
        return out;
    }
}
