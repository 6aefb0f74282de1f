package dev.verdict.conformance.diff.gen;

import dev.verdict.conformance.diff.grammar.Argument;
import dev.verdict.conformance.diff.grammar.CommandSpec;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Hand-tuned values, only where the grammar's types alone find less (each with why). Everything else comes from the
 * type of the argument.
 */
final class Tuning {

    /**
     * Stream IDs are strings in the grammar; random strings only ever meet "Invalid stream ID". Explicit IDs also
     * keep XADD deterministic: its auto ID "*" is the wall clock, which differs between two targets.
     */
    private static final List<String> STREAM_IDS = List.of("1-1", "1-2", "2-0", "0-1", "3-*", "5", "0-0", "-", "+",
            "$", ">", "0", "18446744073709551615-18446744073709551615");
    private static final Set<String> STREAM_ID_ARGS = Set.of("id", "start", "end", "last-id", "lastid", "min-id",
            "threshold", "entries-read", "min-idle-time");

    /** Scripts that compile and touch keys, so that EVAL compares more than compile errors. */
    private static final List<String> SCRIPTS = List.of("return 1", "return redis.call('get', KEYS[1])",
            "return {1, 'a', {2}}", "return ARGV[1]", "return redis.pcall('incr', KEYS[1])", "return nil",
            "return 3.99", "return redis.error_reply('boom')", "return {err='x'}", "error(");

    /** Parameters whose values both servers share by default; "*" would list paths and ports. */
    private static final List<String> CONFIG_PARAMETERS = List.of("maxmemory", "*max-*-entries*", "save",
            "appendonly", "hash-max-listpack-value", "list-max-listpack-size", "nosuchparameter", "set-max-intset-entries");

    /**
     * Expiry lengths that cannot race: zero or negative (the key goes at once), or long enough to outlive a
     * sequence. A few milliseconds would expire between the two targets' runs of the next command, a timing
     * difference and not a behavioural one.
     */
    private static final List<String> MILLISECONDS = List.of("0", "-1", "100000", "86400000", "9223372036854775807",
            "-9223372036854775808");
    private static final Set<String> MILLISECOND_ARGS = Set.of("milliseconds", "ttl", "ms");
    private static final List<String> SECONDS = List.of("0", "-1", "100", "86400", "9223372036854775807",
            "-9223372036854775808", "4294967296");

    /**
     * Block until woken (0) or refuse (-1): a timed wait would end at a moment that depends on the machine, and
     * the multi-connection mode's interleaving must not.
     */
    private static final List<String> BLOCKING_TIMEOUTS = List.of("0", "0", "0", "-1");

    /**
     * Introspection commands that return the whole command table (hundreds of kilobytes, sorted before comparing):
     * one costs as much as a thousand ordinary commands and its answer cannot change within a run, so they are
     * drawn this many times less often.
     */
    private static final Set<String> WHOLE_TABLE = Set.of("COMMAND", "COMMAND DOCS", "COMMAND INFO");
    static final int WHOLE_TABLE_RARITY = 50;

    private Tuning() {
    }

    static Optional<List<String>> valuesFor(CommandSpec spec, Argument arg) {
        if ("stream".equals(spec.group()) && STREAM_ID_ARGS.contains(arg.name())) {
            return Optional.of(STREAM_IDS);
        }
        if ("script".equals(arg.name())) {
            return Optional.of(SCRIPTS);
        }
        if (spec.name().equals("CONFIG GET") && "parameter".equals(arg.name())) {
            return Optional.of(CONFIG_PARAMETERS);
        }
        if (arg.type() == dev.verdict.conformance.diff.grammar.ArgType.INTEGER
                && MILLISECOND_ARGS.contains(arg.name())) {
            return Optional.of(MILLISECONDS);
        }
        if (arg.type() == dev.verdict.conformance.diff.grammar.ArgType.INTEGER && arg.name().equals("seconds")) {
            return Optional.of(SECONDS);
        }
        if ("timeout".equals(arg.name()) && spec.hasFlag("blocking")) {
            return Optional.of(BLOCKING_TIMEOUTS);
        }
        if ("cursor".equals(arg.name())) {
            return Optional.of(List.of("0"));
        }
        return Optional.empty();
    }

    /** How many times less often than others the command is drawn (1: as often). */
    static int rarity(CommandSpec spec) {
        return WHOLE_TABLE.contains(spec.name()) ? WHOLE_TABLE_RARITY : 1;
    }

    /** XADD's "*" is the wall clock (see STREAM_IDS); the explicit-ID alternative is always taken instead. */
    static boolean skipAlternative(CommandSpec spec, Argument alternative) {
        return "stream".equals(spec.group()) && alternative.type() == dev.verdict.conformance.diff.grammar.ArgType.PURE_TOKEN
                && "*".equals(alternative.token());
    }
}
