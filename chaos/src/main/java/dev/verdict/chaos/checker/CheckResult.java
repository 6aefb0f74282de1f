package dev.verdict.chaos.checker;

/** One named check of an experiment, as the results file lists it. */
public record CheckResult(String name, boolean passed, String detail) {

    public static CheckResult pass(String name, String detail) {
        return new CheckResult(name, true, detail);
    }

    public static CheckResult fail(String name, String detail) {
        return new CheckResult(name, false, detail);
    }
}
