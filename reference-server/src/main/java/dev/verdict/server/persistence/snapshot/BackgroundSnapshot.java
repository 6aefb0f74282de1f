package dev.verdict.server.persistence.snapshot;

import dev.verdict.server.db.Keyspace;

import java.util.concurrent.CompletableFuture;

/**
 * What BGSAVE and BGREWRITEAOF do instead of fork: begin a {@link Snapshot} on the event loop,
 * gather its keys in slices of at most {@link #SLICE_NANOS} on later turns of the loop (so no
 * turn is held longer than Redis's fork would hold it), then serialize it on a thread of its own
 * while the loop goes on. All methods but the serializer run on the event loop.
 *
 * @param <T> what the serializer produces (the file written)
 */
public final class BackgroundSnapshot<T> {

    /** The most a slice of the capture holds the event loop. */
    public static final long SLICE_NANOS = 1_000_000L;

    private final Snapshot snapshot;
    private final LoopTurns loop;
    private final String threadName;
    private final Serializer<T> serializer;
    private final CompletableFuture<T> done = new CompletableFuture<>();
    private boolean sliceScheduled;
    private boolean serializing;
    private Thread serializerThread;

    /** Writes the captured snapshot somewhere, off the event loop. */
    @FunctionalInterface
    public interface Serializer<T> {
        T write(Snapshot snapshot) throws Exception;
    }

    private BackgroundSnapshot(Snapshot snapshot, LoopTurns loop, String threadName, Serializer<T> serializer) {
        this.snapshot = snapshot;
        this.loop = loop;
        this.threadName = threadName;
        this.serializer = serializer;
    }

    /**
     * Begins the snapshot now and gathers it on the loop's next turns (without a loop, only when
     * {@link #pump pumped} or {@link #await awaited}); {@code serializer} then runs on a new
     * thread named {@code threadName}.
     */
    public static <T> BackgroundSnapshot<T> start(Keyspace keyspace, long nowMillis, LoopTurns loop, String threadName,
                                                  Serializer<T> serializer) {
        BackgroundSnapshot<T> b = new BackgroundSnapshot<>(Snapshot.begin(keyspace, nowMillis), loop, threadName,
                serializer);
        // like fork, the start returns to the loop at once: the first slice comes at its next turn
        b.sliceScheduled = loop.later(b::slice);
        return b;
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    /** Completes with the serializer's result, or exceptionally when capturing or serializing failed. */
    public CompletableFuture<T> done() {
        return done;
    }

    /** One more slice when the capture is still going (the cron's nudge when no loop turn is scheduled). */
    public void pump() {
        if (!sliceScheduled) slice();
    }

    private void slice() {
        sliceScheduled = false;
        if (serializing || done.isDone()) return;
        boolean captured;
        try {
            captured = snapshot.captureSlice(SLICE_NANOS);
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
            return;
        }
        if (captured) serialize();
        else sliceScheduled = loop.later(this::slice);
    }

    /**
     * Gives the work up (a killed child): a capture still gathering stops at once and completes
     * {@link #done()} with a CancellationException; a serializer already writing finishes on its
     * own, its result to be thrown away. The caller still {@link Snapshot#release releases}.
     */
    public void abandon() {
        if (!serializing) done.cancel(false);
    }

    /**
     * killRDBChild: gives the work up and, when the serializer is already writing, interrupts it
     * (its file channel closes, the write fails and its temporary file goes) and waits until it
     * has stopped, so that nothing it wrote can be published afterwards. The caller still
     * {@link Snapshot#release releases}.
     */
    public void kill() {
        abandon();
        if (serializerThread == null) return;
        serializerThread.interrupt();
        boolean interrupted = false;
        while (serializerThread.isAlive()) {
            try {
                serializerThread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    /** Gathers the rest at once and waits for the serializer (SHUTDOWN, tests); the result or the failure. */
    public T await() {
        if (!serializing && !done.isDone()) {
            try {
                snapshot.captureRest();
                serialize();
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        }
        return done.join();
    }

    private void serialize() {
        serializing = true;
        Thread thread = new Thread(() -> {
            try {
                done.complete(serializer.write(snapshot));
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        }, threadName);
        thread.setDaemon(true);
        serializerThread = thread;
        thread.start();
    }
}
