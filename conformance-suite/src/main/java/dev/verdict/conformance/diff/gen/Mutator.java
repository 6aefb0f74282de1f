package dev.verdict.conformance.diff.gen;

import dev.verdict.conformance.diff.Command;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a valid command into a deliberately invalid one, so that error replies are compared too: wrong arity,
 * bad numbers (not an integer, a float, overflow, NaN), unknown tokens. Wrong types come from the shared key pool.
 */
public final class Mutator {

    static final String UNKNOWN_TOKEN = "NOSUCHTOKEN";

    private final Entropy entropy;

    public Mutator(Entropy entropy) {
        this.entropy = entropy;
    }

    /** @param words how many leading arguments are the command's name (1, or 2 for a subcommand) */
    public Command mutate(Command command, int words) {
        List<String> args = new ArrayList<>(command.argStrings());
        int first = words;
        switch (entropy.nextInt(5)) {
            case 0 -> { // one argument too few
                if (args.size() > first) {
                    args.remove(args.size() - 1);
                } else {
                    args.add("extra");
                }
            }
            case 1 -> args.add(entropy.chance(50) ? "extra" : entropy.pick(ValuePools.MEMBERS));
            case 2, 3 -> {
                if (args.size() > first) {
                    args.set(first + entropy.nextInt(args.size() - first), entropy.pick(ValuePools.BAD_NUMBERS));
                } else {
                    args.add(entropy.pick(ValuePools.BAD_NUMBERS));
                }
            }
            default -> args.add(first + entropy.nextInt(args.size() - first + 1), UNKNOWN_TOKEN);
        }
        return command.withArgs(args);
    }
}
