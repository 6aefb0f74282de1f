package dev.verdict.reports.matrix;

/** Our server first, then real Redis, then whatever else the user named. */
public final class TargetOrder {

    private TargetOrder() {}

    public static int rank(String kind) {
        if (kind == null) {
            return 3;
        }
        if (kind.startsWith("REFERENCE")) {
            return 0;
        }
        if (kind.startsWith("REDIS")) {
            return 1;
        }
        return 2;
    }

    public static boolean isReference(String kind) {
        return kind != null && kind.startsWith("REFERENCE");
    }
}
