package dev.verdict.conformance.diff.run;

import dev.verdict.conformance.client.RespReply;
import dev.verdict.conformance.client.RespValue;
import dev.verdict.conformance.diff.Command;
import dev.verdict.conformance.diff.compare.ReplyComparator;
import dev.verdict.conformance.diff.gen.ValuePools;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares the final keyspace of a sequence: per pool key its type, then its whole value by a read that suits the
 * type, its TTL, its encoding and its DUMP payload. Each read is an ordinary command compared by the normalisation
 * table, so a keyspace difference becomes a finding whose reproduction ends with the read that shows it. Reads a
 * target does not implement are left out.
 * <p>
 * All reads go out in one pipelined batch, behind the sequence's last one: the read for every type is sent for
 * every key, since the types are not known yet when the batch is written, and only the read that suits the type
 * both targets named is compared. The others are ordinary reads of a key (WRONGTYPE, nil, empty) that change
 * nothing; a missing key has nothing compared but its type, as before.
 */
public final class KeyspaceProbe {

    private static final Map<String, List<String>> READ_BY_TYPE = new LinkedHashMap<>();

    static {
        READ_BY_TYPE.put("string", List.of("GET"));
        READ_BY_TYPE.put("list", List.of("LRANGE", "0", "-1"));
        READ_BY_TYPE.put("set", List.of("SMEMBERS"));
        READ_BY_TYPE.put("zset", List.of("ZRANGE", "0", "-1", "WITHSCORES"));
        READ_BY_TYPE.put("hash", List.of("HGETALL"));
        READ_BY_TYPE.put("stream", List.of("XRANGE", "-", "+"));
    }

    private static final List<String> ANY_TYPE = List.of("PTTL", "OBJECT ENCODING", "DUMP");
    private static final List<String> CANDIDATES = List.of("TYPE", "GET", "LRANGE", "SMEMBERS", "ZRANGE", "HGETALL",
            "XRANGE", "PTTL", "OBJECT ENCODING", "DUMP");

    private final boolean usable;
    private final List<Command> reads = new ArrayList<>();
    private final List<Command> readsView = java.util.Collections.unmodifiableList(reads);
    /** Per read: the position of its key's TYPE read, or -1 for a TYPE read itself. */
    private final List<Integer> typeReadOf = new ArrayList<>();
    /** Per read: the type it is compared for, or null when it is compared for every type. */
    private final List<String> forType = new ArrayList<>();

    private KeyspaceProbe(Set<String> implemented) {
        this.usable = implemented.contains("TYPE");
        List<String> keys = ValuePools.KEYS;
        for (String key : keys) {
            add("TYPE", List.of("TYPE", key), -1, null);
        }
        for (int k = 0; k < keys.size(); k++) {
            String key = keys.get(k);
            for (Map.Entry<String, List<String>> byType : READ_BY_TYPE.entrySet()) {
                List<String> read = byType.getValue();
                if (implemented.contains(read.get(0))) {
                    List<String> args = new ArrayList<>();
                    args.add(read.get(0));
                    args.add(key);
                    args.addAll(read.subList(1, read.size()));
                    add(read.get(0), args, k, byType.getKey());
                }
            }
            for (String any : ANY_TYPE) {
                if (implemented.contains(any)) {
                    List<String> args = new ArrayList<>(List.of(any.split(" ")));
                    args.add(key);
                    add(any, args, k, null);
                }
            }
        }
    }

    private void add(String name, List<String> args, int typeRead, String type) {
        reads.add(Command.of(name, args));
        typeReadOf.add(typeRead);
        forType.add(type);
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
        return usable;
    }

    /** Every read, the TYPE reads first, then per key the read for each type, PTTL, OBJECT ENCODING and DUMP. */
    public List<Command> reads() {
        return readsView;
    }

    /**
     * Whether read {@code index} is compared, given the replies to the reads before it; only the replies of reads
     * that were compared (and agreed) are looked at.
     */
    public boolean compares(int index, List<RespReply> earlier) {
        int typeRead = typeReadOf.get(index);
        if (typeRead < 0) {
            return true;
        }
        if (!(earlier.get(typeRead).value() instanceof RespValue.SimpleString type) || type.value().equals("none")) {
            return false;
        }
        return forType.get(index) == null || forType.get(index).equals(type.value());
    }
}
