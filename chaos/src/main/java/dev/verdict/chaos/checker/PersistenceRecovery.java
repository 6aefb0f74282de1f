package dev.verdict.chaos.checker;

import dev.verdict.chaos.history.Operation;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * After kill -9 and restart, the dataset against what was acknowledged, per persistence mode:
 * {@code appendfsync always} keeps every acknowledged write; {@code everysec} may lose about the
 * last second; RDB alone holds exactly what was acknowledged before the last save.
 */
public final class PersistenceRecovery {

    public enum Mode { AOF_ALWAYS, AOF_EVERYSEC, RDB_ONLY }

    public record Figures(long ackedBeforeKill, long lost, long lostOutsideWindow, long presentAfterSave) {
    }

    private PersistenceRecovery() {
    }

    /**
     * @param history     {@code add} operations on sets (unique elements)
     * @param killMs      when the kill -9 happened
     * @param lastSaveMs  when the last RDB save completed (RDB_ONLY), else ignored
     * @param windowMs    the loss everysec may show (about a second, plus scheduling slack)
     */
    public static Figures measure(List<Operation> history, Map<String, ? extends Collection<String>> recovered,
                                  Mode mode, long killMs, long lastSaveMs, long windowMs) {
        Map<String, Set<String>> present = new java.util.HashMap<>();
        recovered.forEach((k, v) -> present.put(k, new HashSet<>(v)));
        long acked = 0, lost = 0, outside = 0, afterSave = 0;
        for (Operation op : history) {
            if (!op.op().equals("add") || op.invokeMs() > killMs) {
                continue;
            }
            boolean there = present.getOrDefault(op.key(), Set.of()).contains(op.value());
            if (mode == Mode.RDB_ONLY && op.invokeMs() > lastSaveMs && there) {
                afterSave++;
            }
            if (!op.ok() || op.completeMs() > killMs) {
                continue;
            }
            acked++;
            if (!there) {
                lost++;
                long allowedFrom = switch (mode) {
                    case AOF_ALWAYS -> Long.MAX_VALUE;
                    case AOF_EVERYSEC -> killMs - windowMs;
                    case RDB_ONLY -> lastSaveMs;
                };
                if (op.completeMs() < allowedFrom) {
                    outside++;
                }
            }
        }
        return new Figures(acked, lost, outside, afterSave);
    }

    public static CheckResult check(Mode mode, Figures f) {
        String detail = f.lost() + " of " + f.ackedBeforeKill() + " acknowledged writes missing after restart, "
                + f.lostOutsideWindow() + " outside what " + mode + " may lose"
                + (mode == Mode.RDB_ONLY ? ", " + f.presentAfterSave() + " writes after the last save present" : "");
        boolean passed = f.lostOutsideWindow() == 0 && f.presentAfterSave() == 0;
        return new CheckResult("recovery matches " + mode, passed, detail);
    }
}
