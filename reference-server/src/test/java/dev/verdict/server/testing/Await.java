package dev.verdict.server.testing;

import java.util.function.BooleanSupplier;

/** Polling until something a server does asynchronously has happened, for tests. */
public final class Await {

    private Await() {
    }

    /** Until {@code condition} holds, for at most 15 s. */
    public static void until(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
