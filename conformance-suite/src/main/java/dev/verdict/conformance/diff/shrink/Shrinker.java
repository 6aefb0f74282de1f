package dev.verdict.conformance.diff.shrink;

import dev.verdict.conformance.diff.Command;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Shrinks a failing sequence to a small one that still fails: delta debugging over the commands before the failing
 * one (which is kept last), then simplification of each command's arguments. The predicate replays a candidate on
 * fresh targets; the number of replays is bounded.
 */
public final class Shrinker {

    /** Simpler stand-ins tried for each argument, simplest first. */
    private static final List<String> SIMPLER = List.of("0", "1", "a", "-1", "");

    private final Predicate<List<Command>> fails;
    private final int maxReplays;
    private int replays;

    public Shrinker(Predicate<List<Command>> fails, int maxReplays) {
        this.fails = fails;
        this.maxReplays = maxReplays;
    }

    public List<Command> shrink(List<Command> failing) {
        List<Command> current = dropCommands(failing);
        current = simplifyArguments(current);
        return dropCommands(current);
    }

    public int replays() {
        return replays;
    }

    private boolean test(List<Command> candidate) {
        if (replays >= maxReplays) {
            return false;
        }
        replays++;
        return fails.test(candidate);
    }

    /** ddmin over every command but the last, trying complements of ever smaller chunks. */
    List<Command> dropCommands(List<Command> failing) {
        Command last = failing.get(failing.size() - 1);
        List<Command> body = new ArrayList<>(failing.subList(0, failing.size() - 1));
        if (!body.isEmpty() && test(List.of(last))) {
            return List.of(last);
        }
        int granularity = 2;
        while (body.size() >= 2 && replays < maxReplays) {
            int chunk = (body.size() + granularity - 1) / granularity;
            boolean reduced = false;
            for (int start = 0; start < body.size(); start += chunk) {
                List<Command> complement = new ArrayList<>(body.subList(0, start));
                complement.addAll(body.subList(Math.min(body.size(), start + chunk), body.size()));
                if (test(with(complement, last))) {
                    body = complement;
                    granularity = Math.max(granularity - 1, 2);
                    reduced = true;
                    break;
                }
            }
            if (!reduced) {
                if (granularity >= body.size()) {
                    break;
                }
                granularity = Math.min(granularity * 2, body.size());
            }
        }
        if (body.size() == 1 && test(List.of(last))) {
            body.clear();
        }
        return with(body, last);
    }

    /** Per command and argument (the command's name words stay): drop it, else replace it by a simpler value. */
    List<Command> simplifyArguments(List<Command> sequence) {
        List<Command> current = new ArrayList<>(sequence);
        for (int i = 0; i < current.size(); i++) {
            int words = current.get(i).specName().split(" ").length;
            for (int arg = current.get(i).args().size() - 1; arg >= words; arg--) {
                List<String> args = current.get(i).argStrings();
                List<String> dropped = new ArrayList<>(args);
                dropped.remove(arg);
                if (tryReplace(current, i, dropped)) {
                    continue;
                }
                String value = args.get(arg);
                if (value.length() > 2) {
                    List<String> halved = new ArrayList<>(args);
                    halved.set(arg, value.substring(0, value.length() / 2));
                    if (tryReplace(current, i, halved)) {
                        arg++; // try the halved value again
                        continue;
                    }
                }
                for (String simpler : SIMPLER) {
                    if (simpler.length() >= args.get(arg).length() && !simpler.equals("0")) {
                        continue;
                    }
                    if (simpler.equals(args.get(arg))) {
                        break;
                    }
                    List<String> replaced = new ArrayList<>(args);
                    replaced.set(arg, simpler);
                    if (tryReplace(current, i, replaced)) {
                        break;
                    }
                }
            }
        }
        return current;
    }

    private boolean tryReplace(List<Command> current, int index, List<String> args) {
        List<Command> candidate = new ArrayList<>(current);
        candidate.set(index, current.get(index).withArgs(args));
        if (test(candidate)) {
            current.set(index, candidate.get(index));
            return true;
        }
        return false;
    }

    private static List<Command> with(List<Command> body, Command last) {
        List<Command> out = new ArrayList<>(body);
        out.add(last);
        return out;
    }
}
