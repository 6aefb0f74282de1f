package dev.verdict.conformance.diff.run;

import dev.verdict.conformance.client.RespReply;
import dev.verdict.conformance.client.RespValue;
import dev.verdict.conformance.diff.Command;
import dev.verdict.conformance.diff.compare.ReplyComparator;
import dev.verdict.conformance.diff.gen.ValuePools;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares the final keyspace of a sequence: per pool key its type, then its whole value by a read that suits the
 * type, its TTL, its encoding and its DUMP payload. Each read is an ordinary command compared by the normalisation
 * table, so a keyspace difference becomes a finding whose reproduction ends with the read that shows it. Reads a
 * target does not implement are left out.
 */
public final class KeyspaceProbe {

    private static final Map<String, List<String>> READ_BY_TYPE = Map.of(
            "string", List.of("GET"),
            "list", List.of("LRANGE", "0", "-1"),
            "set", List.of("SMEMBERS"),
            "zset", List.of("ZRANGE", "0", "-1", "WITHSCORES"),
            "hash", List.of("HGETALL"),
            "stream", List.of("XRANGE", "-", "+"));
    private static final List<String> CANDIDATES = List.of("TYPE", "GET", "LRANGE", "SMEMBERS", "ZRANGE", "HGETALL",
            "XRANGE", "PTTL", "OBJECT ENCODING", "DUMP");

    private final Set<String> implemented;

    private KeyspaceProbe(Set<String> implemented) {
        this.implemented = implemented;
    }

    /** Finds which reads both targets implement (one pipelined arity probe). */
    public static KeyspaceProbe probe(Lockstep lockstep) {
        List<Command> probes = new ArrayList<>();
        for (String name : CANDIDATES) {
            List<String> words = List.of(name.split(" "));
            probes.add(Command.of(name, words));
        }
        List<RespReply>[] replies = lockstep.both(probes);
        Set<String> ok = new HashSet<>();
        for (int i = 0; i < CANDIDATES.size(); i++) {
            if (!ReplyComparator.isUnknownCommand(replies[0].get(i)) && !ReplyComparator.isUnknownCommand(replies[1].get(i))) {
                ok.add(CANDIDATES.get(i));
            }
        }
        return new KeyspaceProbe(ok);
    }

    public boolean usable() {
        return implemented.contains("TYPE");
    }

    /** The TYPE reads, compared first. */
    public List<Command> typeReads() {
        List<Command> out = new ArrayList<>();
        ValuePools.KEYS.forEach(k -> out.add(Command.of("TYPE", List.of("TYPE", k))));
        return out;
    }

    /** Value reads for the keys, given the types the (agreeing) TYPE replies named. */
    public List<Command> valueReads(List<RespReply> types) {
        List<Command> out = new ArrayList<>();
        for (int i = 0; i < ValuePools.KEYS.size(); i++) {
            String key = ValuePools.KEYS.get(i);
            if (!(types.get(i).value() instanceof RespValue.SimpleString t) || t.value().equals("none")) {
                continue;
            }
            List<String> read = READ_BY_TYPE.get(t.value());
            if (read != null && implemented.contains(read.get(0))) {
                List<String> args = new ArrayList<>();
                args.add(read.get(0));
                args.add(key);
                args.addAll(read.subList(1, read.size()));
                out.add(Command.of(read.get(0), args));
            }
            for (String extra : List.of("PTTL", "OBJECT ENCODING", "DUMP")) {
                if (implemented.contains(extra)) {
                    List<String> args = new ArrayList<>(List.of(extra.split(" ")));
                    args.add(key);
                    out.add(Command.of(extra, args));
                }
            }
        }
        return out;
    }

    static String text(RespReply r) {
        return new String(r.raw(), StandardCharsets.ISO_8859_1);
    }
}
