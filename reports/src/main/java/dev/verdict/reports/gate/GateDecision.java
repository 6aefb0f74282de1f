package dev.verdict.reports.gate;

import java.util.ArrayList;
import java.util.List;

/** The gate's verdict: it fails when {@code reasons} is not empty; notes never fail it. */
public record GateDecision(List<String> gatedTargets, List<String> reasons, List<Regression> regressions,
        List<String> notes) {

    public GateDecision withNote(String note) {
        List<String> more = new ArrayList<>(notes);
        more.add(note);
        return new GateDecision(gatedTargets, reasons, regressions, List.copyOf(more));
    }

    public boolean passed() {
        return reasons.isEmpty();
    }
}
