package dev.verdict.chaos.checker;

import dev.verdict.chaos.history.Operation;
import dev.verdict.chaos.history.Outcome;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Linearizability of a single-register history per key: Wing and Gong's search for a legal
 * sequential order that respects real time, with Lowe's memoisation of (operations linearized,
 * register value) so that a configuration already explored is never explored again.
 *
 * <p>Operations are {@code write} (value) and {@code read} (result, null for a missing key). A
 * FAIL did not happen and is dropped; an UNKNOWN read tells nothing and is dropped; an UNKNOWN write
 * may take effect at any point after its invocation, so its completion is taken to be infinitely
 * late (placing it after everything else is the same as it never having happened). Completion and
 * invocation at the same millisecond count as concurrent, so clock granularity never produces a
 * false alarm.
 */
public final class Linearizability {

    /** The verdict for one key. */
    public enum Verdict { LINEARIZABLE, NOT_LINEARIZABLE, UNDECIDED }

    public record KeyResult(String key, Verdict verdict, int operations, String detail) {
    }

    private final int maxOperationsPerKey;
    private final long maxSearchSteps;

    public Linearizability(int maxOperationsPerKey, long maxSearchSteps) {
        this.maxOperationsPerKey = maxOperationsPerKey;
        this.maxSearchSteps = maxSearchSteps;
    }

    public static Linearizability bounded() {
        return new Linearizability(20_000, 20_000_000);
    }

    /** Checks every key of the register operations ({@code write}/{@code read}) in the history. */
    public Map<String, KeyResult> checkRegisters(List<Operation> history) {
        Map<String, List<Operation>> byKey = new LinkedHashMap<>();
        for (Operation op : history) {
            if (op.op().equals("write") || op.op().equals("read")) {
                byKey.computeIfAbsent(op.key(), k -> new ArrayList<>()).add(op);
            }
        }
        Map<String, KeyResult> results = new LinkedHashMap<>();
        byKey.forEach((key, ops) -> results.put(key, checkKey(key, ops)));
        return results;
    }

    /** One check result summarising all keys. */
    public CheckResult check(List<Operation> history) {
        Map<String, KeyResult> results = checkRegisters(history);
        List<KeyResult> bad = results.values().stream().filter(r -> r.verdict() == Verdict.NOT_LINEARIZABLE).toList();
        long undecided = results.values().stream().filter(r -> r.verdict() == Verdict.UNDECIDED).count();
        String summary = results.size() + " keys, " + bad.size() + " not linearizable, " + undecided + " undecided";
        if (!bad.isEmpty()) {
            return CheckResult.fail("register linearizable", summary + "; first: " + bad.get(0).detail());
        }
        return CheckResult.pass("register linearizable", summary);
    }

    KeyResult checkKey(String key, List<Operation> ops) {
        List<Operation> relevant = ops.stream()
                .filter(o -> o.outcome() != Outcome.FAIL)
                .filter(o -> !(o.outcome() == Outcome.UNKNOWN && o.op().equals("read")))
                .toList();
        if (relevant.size() > maxOperationsPerKey) {
            return new KeyResult(key, Verdict.UNDECIDED, relevant.size(),
                    "history of " + relevant.size() + " operations exceeds the bound of " + maxOperationsPerKey);
        }
        Entry head = buildEntries(relevant);
        return search(key, head, relevant.size());
    }

    private static final class Entry {
        final int id;
        final boolean call;
        final Operation op;
        final long time;
        Entry match;
        Entry prev;
        Entry next;

        Entry(int id, boolean call, Operation op, long time) {
            this.id = id;
            this.call = call;
            this.op = op;
            this.time = time;
        }
    }

    private static Entry buildEntries(List<Operation> ops) {
        List<Entry> events = new ArrayList<>(ops.size() * 2);
        for (int i = 0; i < ops.size(); i++) {
            Operation op = ops.get(i);
            Entry call = new Entry(i, true, op, op.invokeMs());
            long end = op.outcome() == Outcome.UNKNOWN ? Long.MAX_VALUE : op.completeMs();
            Entry ret = new Entry(i, false, op, end);
            call.match = ret;
            ret.match = call;
            events.add(call);
            events.add(ret);
        }
        // Calls sort before returns at the same instant: equal timestamps are treated as overlapping.
        events.sort(Comparator.comparingLong((Entry e) -> e.time).thenComparing(e -> e.call ? 0 : 1));
        Entry head = new Entry(-1, false, null, Long.MIN_VALUE);
        Entry last = head;
        for (Entry e : events) {
            last.next = e;
            e.prev = last;
            last = e;
        }
        return head;
    }

    private record Configuration(BitSet linearized, String state) {
    }

    private record Frame(Entry call, String stateBefore) {
    }

    private KeyResult search(String key, Entry head, int size) {
        BitSet linearized = new BitSet(size);
        Set<Configuration> seen = new HashSet<>();
        Deque<Frame> stack = new ArrayDeque<>();
        String state = null;
        Entry entry = head.next;
        long steps = 0;
        int deepest = 0;
        Operation stuckAt = null;
        while (head.next != null) {
            if (++steps > maxSearchSteps) {
                return new KeyResult(key, Verdict.UNDECIDED, size, "search exceeded " + maxSearchSteps + " steps");
            }
            if (entry.call) {
                String after = apply(state, entry.op);
                if (after != REJECTED) {
                    BitSet next = (BitSet) linearized.clone();
                    next.set(entry.id);
                    if (seen.add(new Configuration(next, after))) {
                        stack.push(new Frame(entry, state));
                        state = after;
                        linearized = next;
                        lift(entry);
                        entry = head.next;
                        continue;
                    }
                }
                entry = entry.next;
            } else {
                if (stack.size() >= deepest) {
                    deepest = stack.size();
                    stuckAt = entry.op;
                }
                if (stack.isEmpty()) {
                    return new KeyResult(key, Verdict.NOT_LINEARIZABLE, size, describe(key, deepest, stuckAt));
                }
                Frame frame = stack.pop();
                state = frame.stateBefore();
                linearized.clear(frame.call().id);
                unlift(frame.call());
                entry = frame.call().next;
            }
        }
        return new KeyResult(key, Verdict.LINEARIZABLE, size, "linearizable in " + steps + " steps");
    }

    private static String describe(String key, int deepest, Operation stuckAt) {
        return "key " + key + ": no order linearizes more than " + deepest + " operations; cannot place "
                + stuckAt.op() + (stuckAt.op().equals("read") ? " -> " + stuckAt.result() : " " + stuckAt.value())
                + " by client " + stuckAt.client() + " [" + stuckAt.invokeMs() + ", " + stuckAt.completeMs() + "]";
    }

    /** Sentinel for an operation the register cannot perform in its current state. */
    private static final String REJECTED = new String("rejected");

    private static String apply(String state, Operation op) {
        if (op.op().equals("write")) {
            return op.value();
        }
        return Objects.equals(state, op.result()) ? state : REJECTED;
    }

    private static void lift(Entry call) {
        call.prev.next = call.next;
        if (call.next != null) {
            call.next.prev = call.prev;
        }
        Entry ret = call.match;
        ret.prev.next = ret.next;
        if (ret.next != null) {
            ret.next.prev = ret.prev;
        }
    }

    private static void unlift(Entry call) {
        Entry ret = call.match;
        ret.prev.next = ret;
        if (ret.next != null) {
            ret.next.prev = ret;
        }
        call.prev.next = call;
        if (call.next != null) {
            call.next.prev = call;
        }
    }
}
