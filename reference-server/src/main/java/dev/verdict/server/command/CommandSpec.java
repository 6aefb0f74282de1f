package dev.verdict.server.command;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One command as the oracle describes it (COMMAND INFO and COMMAND DOCS of Redis 7.0.15), plus
 * the handler we bound to it, if any. A command without a handler is one we do not implement:
 * the dispatcher answers Redis's unknown-command error for it.
 */
public final class CommandSpec {

    private final String name;
    private final String fullName;
    private final int arity;
    private final Set<String> flags;
    private final long flagBits;
    private final int firstKey;
    private final int lastKey;
    private final int keyStep;
    private final JsonNode info;
    private JsonNode docs;
    private final Map<String, CommandSpec> subcommands = new LinkedHashMap<>();
    private final CommandSpec parent;
    private CommandHandler handler;
    private final CommandStats stats = new CommandStats();

    CommandSpec(String fullName, int arity, Set<String> flags, int firstKey, int lastKey, int keyStep,
                JsonNode info, CommandSpec parent) {
        this.fullName = fullName;
        this.name = parent == null ? fullName : fullName.substring(fullName.indexOf('|') + 1);
        this.arity = arity;
        this.flags = flags;
        this.flagBits = CommandFlag.bitsOf(flags);
        this.firstKey = firstKey;
        this.lastKey = lastKey;
        this.keyStep = keyStep;
        this.info = info;
        this.parent = parent;
    }

    /** Lower-case name; for a subcommand only its own part ({@code get} of {@code config|get}). */
    public String name() {
        return name;
    }

    /** Lower-case full name as in Redis's error texts: {@code get}, {@code config|get}. */
    public String fullName() {
        return fullName;
    }

    public int arity() {
        return arity;
    }

    public boolean hasFlag(CommandFlag flag) {
        return (flagBits & flag.bit()) != 0;
    }

    public Set<String> flags() {
        return flags;
    }

    public int firstKey() {
        return firstKey;
    }

    public int lastKey() {
        return lastKey;
    }

    public int keyStep() {
        return keyStep;
    }

    /** The oracle's COMMAND INFO entry (typed JSON, see tools/capture-command-table.py). */
    public JsonNode info() {
        return info;
    }

    /** The oracle's COMMAND DOCS entry (typed JSON map), or null. */
    public JsonNode docs() {
        return docs;
    }

    void docs(JsonNode docs) {
        this.docs = docs;
    }

    public CommandSpec parent() {
        return parent;
    }

    public boolean hasSubcommands() {
        return !subcommands.isEmpty();
    }

    public CommandSpec subcommand(String lowerName) {
        return subcommands.get(lowerName);
    }

    public Map<String, CommandSpec> subcommands() {
        return Collections.unmodifiableMap(subcommands);
    }

    void addSubcommand(CommandSpec sub) {
        subcommands.put(sub.name, sub);
    }

    /** Calls, time and failures for INFO commandstats. */
    public CommandStats stats() {
        return stats;
    }

    public CommandHandler handler() {
        return handler;
    }

    void handler(CommandHandler handler) {
        this.handler = handler;
    }

    /** True when we implement this command (or, for a container, any of its subcommands). */
    public boolean implemented() {
        if (handler != null) return true;
        for (CommandSpec sub : subcommands.values()) if (sub.handler != null) return true;
        return false;
    }

    /** Whether arity allows {@code argc} arguments (Redis: fixed when positive, minimum when negative). */
    public boolean arityAccepts(int argc) {
        return arity > 0 ? argc == arity : argc >= -arity;
    }
}
