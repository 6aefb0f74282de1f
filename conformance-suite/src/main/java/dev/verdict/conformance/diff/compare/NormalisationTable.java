package dev.verdict.conformance.diff.compare;

import dev.verdict.conformance.diff.Command;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How each command's replies are compared, with the reason for every departure from byte-for-byte equality.
 * Commands not listed are compared exactly; EXEC's reply element by element, each by the rule of the command queued
 * at its position (see {@link ExecReplyRule}).
 */
public final class NormalisationTable {

    /** A rule and why it applies. */
    public record Entry(ReplyRule rule, String reason) {
    }

    private static final String HASH_ORDER = "order of a hash table, which depends on a per-process random seed";
    private static final String RANDOM = "a random pick by design: only types and sizes are comparable";
    private static final String CLOCK = "computed from the clock, and the targets run the command a moment apart";

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    public NormalisationTable() {
        for (String c : new String[] {"KEYS", "SMEMBERS", "SINTER", "SUNION", "SDIFF", "HKEYS", "HVALS",
                "COMMAND LIST", "PUBSUB CHANNELS", "PUBSUB SHARDCHANNELS", "ACL CAT", "FUNCTION LIST"}) {
            put(c, Rules.sorted(), "unordered reply: " + HASH_ORDER);
        }
        for (String c : new String[] {"HGETALL", "CONFIG GET", "PUBSUB NUMSUB"}) {
            put(c, Rules.sortedPairs(), "unordered field/value pairs: " + HASH_ORDER);
        }
        put("COMMAND", Rules.deepSorted(false), "command table in dictionary order, subcommands too: " + HASH_ORDER);
        put("COMMAND INFO", Rules.deepSorted(false), "command table in dictionary order, subcommands too: " + HASH_ORDER);
        put("COMMAND DOCS", Rules.deepSorted(true), "docs map in dictionary order, subcommands too: " + HASH_ORDER);
        put("DUMP", Rules.dumpPayload(), "a hash-table set or hash is serialised in " + HASH_ORDER);
        for (String c : new String[] {"SRANDMEMBER", "HRANDFIELD", "ZRANDMEMBER", "RANDOMKEY"}) {
            put(c, Rules.shape(), RANDOM);
        }
        put("SPOP", Rules.shapeDivergingState(), RANDOM + "; the removed members differ, so the sequence ends here");
        put("TTL", Rules.integerWithin(1), CLOCK);
        put("EXPIRETIME", Rules.integerWithin(1), CLOCK);
        put("PTTL", Rules.integerWithin(1000), CLOCK);
        put("PEXPIRETIME", Rules.integerWithin(1000), CLOCK);
        put("OBJECT IDLETIME", Rules.integerWithin(Long.MAX_VALUE), "checked by property (a non-negative integer): "
                + "Redis shares one object per small integer, whose idle time is the server's uptime");
        for (String c : new String[] {"EXPIRE", "PEXPIRE"}) {
            put(c, Rules.integerFreeWithOption(java.util.Set.of("GT", "LT")), "with GT or LT the new deadline, "
                    + CLOCK + ", is compared with one set earlier: equal relative TTLs tie or not by a millisecond");
        }
        put("TIME", Rules.shape(), "the clock itself");
        for (String c : new String[] {"SORT", "SORT_RO"}) {
            put(c, new SortReplyRule(), "with BY and ALPHA, or BY without '*', a set's or sorted set's elements come in "
                    + HASH_ORDER + " (ties keep the source's order): compared as a multiset, only for those sources");
        }
        put("SCAN", Rules.fullScan(1, false), "cursors are the implementation's; compared by full-iteration set equality");
        put("SSCAN", Rules.fullScan(2, false), "cursors are the implementation's; compared by full-iteration set equality");
        put("HSCAN", Rules.fullScan(2, true), "cursors are the implementation's; compared by full-iteration set equality");
        put("ZSCAN", Rules.fullScan(2, true), "cursors are the implementation's; compared by full-iteration set equality");
    }

    private void put(String command, ReplyRule rule, String reason) {
        entries.put(command, new Entry(rule, reason));
    }

    public ReplyRule ruleFor(Command command) {
        Entry e = entries.get(command.specName());
        return e == null ? Rules.EXACT : e.rule();
    }

    public Map<String, Entry> entries() {
        return Collections.unmodifiableMap(entries);
    }
}
