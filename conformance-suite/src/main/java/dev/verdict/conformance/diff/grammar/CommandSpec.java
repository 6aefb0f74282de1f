package dev.verdict.conformance.diff.grammar;

import java.util.List;
import java.util.Set;

/**
 * A command (or a container's subcommand) with what the generator needs to write it.
 *
 * @param words     the command name as sent: {@code ["GET"]} or {@code ["CONFIG", "GET"]}
 * @param group     the COMMAND DOCS group ("string", "list", "sorted-set", ...)
 * @param arity     Redis's arity: exact when positive, a minimum when negative; it counts the words
 * @param flags     COMMAND INFO flags ("write", "readonly", "blocking", ...)
 * @param name      upper-case display name, the words joined: {@code GET}, {@code CONFIG GET}; kept rather than
 *                  joined on each call, since every generated command and every comparison looks it up
 */
public record CommandSpec(List<String> words, String group, int arity, Set<String> flags,
                          List<Argument> arguments, String name) {

    public CommandSpec {
        words = List.copyOf(words);
        flags = Set.copyOf(flags);
        arguments = List.copyOf(arguments);
        if (!name.equals(String.join(" ", words))) {
            throw new IllegalArgumentException("name " + name + " is not the words " + words);
        }
    }

    public CommandSpec(List<String> words, String group, int arity, Set<String> flags, List<Argument> arguments) {
        this(words, group, arity, flags, arguments, String.join(" ", words));
    }

    public Family family() {
        return Family.ofGroup(group);
    }

    public boolean hasFlag(String flag) {
        return flags.contains(flag);
    }
}
