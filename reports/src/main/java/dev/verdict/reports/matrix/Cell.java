package dev.verdict.reports.matrix;

import dev.verdict.reports.results.SpecCase;
import java.util.ArrayList;
import java.util.List;

/** The cases of one command in one column. */
public final class Cell {

    private int passed;
    private int failed;
    private int notImplemented;
    private int skipped;
    private final List<SpecCase> problems = new ArrayList<>();

    void add(SpecCase c) {
        switch (c.status()) {
            case "passed" -> passed++;
            case "failed" -> {
                failed++;
                problems.add(c);
            }
            case "not_implemented" -> {
                notImplemented++;
                problems.add(c);
            }
            default -> skipped++;
        }
    }

    public Status status() {
        if (failed > 0) {
            return Status.FAILED;
        }
        if (notImplemented > 0) {
            return Status.NOT_IMPLEMENTED;
        }
        return passed > 0 ? Status.PASSED : Status.UNTESTED;
    }

    public int passed() {
        return passed;
    }

    public int failed() {
        return failed;
    }

    public int notImplemented() {
        return notImplemented;
    }

    public int skipped() {
        return skipped;
    }

    /** Failed and not-implemented cases, failures first: the matrix links to these. */
    public List<SpecCase> problems() {
        return problems.stream().sorted((a, b) -> Boolean.compare(b.failed(), a.failed())).toList();
    }
}
