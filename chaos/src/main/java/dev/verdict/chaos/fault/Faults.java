package dev.verdict.chaos.fault;

import java.util.function.Supplier;

/** Builds faults from two actions, so each kind of fault is one small factory, not one class. */
public final class Faults {

    /** An action that may throw, as Docker and process calls do. */
    @FunctionalInterface
    public interface Action {
        void run() throws Exception;
    }

    private Faults() {
    }

    /**
     * @param target resolved at injection time, so "the current master" is the master when the fault starts
     */
    public static Fault of(String name, Supplier<String> target, Action inject, Action heal) {
        return new Fault() {
            private String resolved;

            @Override
            public String name() {
                return name;
            }

            @Override
            public String target() {
                return resolved != null ? resolved : target.get();
            }

            @Override
            public void inject() throws Exception {
                resolved = target.get();
                inject.run();
            }

            @Override
            public void heal() throws Exception {
                heal.run();
            }

            @Override
            public String toString() {
                return name + " " + target();
            }
        };
    }

    public static Action nothing() {
        return () -> { };
    }
}
