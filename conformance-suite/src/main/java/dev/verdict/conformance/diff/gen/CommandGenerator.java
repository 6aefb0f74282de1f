package dev.verdict.conformance.diff.gen;

import dev.verdict.conformance.diff.Command;
import dev.verdict.conformance.diff.grammar.ArgType;
import dev.verdict.conformance.diff.grammar.Argument;
import dev.verdict.conformance.diff.grammar.CommandSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Writes one valid command from its COMMAND DOCS grammar, choosing values by argument type. */
public final class CommandGenerator {

    private final Entropy entropy;

    public CommandGenerator(Entropy entropy) {
        this.entropy = entropy;
    }

    public Command generate(CommandSpec spec) {
        List<String> out = new ArrayList<>(spec.words());
        emitSiblings(spec, spec.arguments(), out);
        return Command.of(spec.name(), out);
    }

    private void emitSiblings(CommandSpec spec, List<Argument> siblings, List<String> out) {
        for (int i = 0; i < siblings.size(); i++) {
            Argument a = siblings.get(i);
            if (isNumkeys(a) && i + 1 < siblings.size()) {
                // numkeys must count the keys that follow it, or every call is an error.
                List<String> keys = new ArrayList<>();
                int count = emit(spec, siblings.get(i + 1), keys, true);
                out.add(Integer.toString(count));
                out.addAll(keys);
                i++;
            } else {
                emit(spec, a, out, false);
            }
        }
    }

    private static boolean isNumkeys(Argument a) {
        return a.type() == ArgType.INTEGER && a.name().toLowerCase(Locale.ROOT).startsWith("numkeys");
    }

    /** Emits the argument (or nothing, when optional and skipped); returns the number of repetitions written. */
    private int emit(CommandSpec spec, Argument a, List<String> out, boolean required) {
        if (a.optional() && !required && !entropy.chance(50)) {
            return 0;
        }
        int reps = a.multiple() ? repetitions() : 1;
        for (int r = 0; r < reps; r++) {
            if (a.token() != null && a.type() != ArgType.PURE_TOKEN && (r == 0 || a.multipleToken())) {
                out.add(a.token());
            }
            emitValue(spec, a, out);
        }
        return reps;
    }

    private int repetitions() {
        int roll = entropy.nextInt(100);
        if (roll < 85) {
            return 1 + entropy.nextInt(3);
        }
        if (roll < 96) {
            return 4 + entropy.nextInt(5);
        }
        return entropy.pick(ValuePools.THRESHOLD_SIZES);
    }

    private void emitValue(CommandSpec spec, Argument a, List<String> out) {
        var tuned = Tuning.valuesFor(spec, a);
        if (tuned.isPresent() && a.type() != ArgType.ONEOF && a.type() != ArgType.BLOCK) {
            out.add(entropy.pick(tuned.get()));
            return;
        }
        switch (a.type()) {
            case PURE_TOKEN -> out.add(a.token());
            case ONEOF -> {
                List<Argument> options = a.children().stream().filter(c -> !Tuning.skipAlternative(spec, c)).toList();
                emit(spec, entropy.pick(options), out, true);
            }
            case BLOCK -> emitSiblings(spec, a.children(), out);
            case KEY -> out.add(entropy.pick(ValuePools.KEYS));
            case STRING -> out.add(entropy.chance(60) ? entropy.pick(ValuePools.MEMBERS) : entropy.pick(ValuePools.STRINGS));
            case INTEGER -> out.add(entropy.pick(ValuePools.INTEGERS));
            case DOUBLE -> out.add(entropy.pick(ValuePools.DOUBLES));
            case PATTERN -> out.add(entropy.pick(ValuePools.PATTERNS));
            case UNIX_TIME -> out.add(entropy.pick(a.name().contains("milli") ? ValuePools.UNIX_MILLISECONDS
                    : ValuePools.UNIX_SECONDS));
        }
    }
}
