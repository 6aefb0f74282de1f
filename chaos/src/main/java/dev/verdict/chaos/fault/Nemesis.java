package dev.verdict.chaos.fault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs faults on a schedule in its own thread and records when each was in force. Either
 * scripted (fault F at time t, held for h) or periodic (a fresh fault every N seconds for a run of
 * T seconds). Closing it stops the schedule and heals whatever is still in force, so a failed or
 * interrupted experiment never leaves a partition or a paused node behind.
 */
public final class Nemesis implements AutoCloseable {

    /** One scripted fault: injected {@code at} after the start, healed {@code hold} later. */
    public record Step(Duration at, Fault fault, Duration hold) {
    }

    private final List<Step> steps;
    private final List<FaultWindow> windows = new ArrayList<>();
    private final List<Throwable> errors = new ArrayList<>();
    private Thread thread;
    private Fault active;
    private long activeSince;

    private Nemesis(List<Step> steps) {
        this.steps = List.copyOf(steps);
    }

    public static Nemesis scripted(List<Step> steps) {
        return new Nemesis(steps);
    }

    /** A fault from {@code faults} every {@code interval}, held for {@code hold}, while within {@code run}. */
    public static Nemesis periodic(Duration interval, Duration run, Duration hold, Supplier<Fault> faults) {
        List<Step> steps = new ArrayList<>();
        for (Duration at = interval; at.plus(hold).compareTo(run) <= 0; at = at.plus(interval)) {
            steps.add(new Step(at, new LazyFault(faults), hold));
        }
        return new Nemesis(steps);
    }

    /** The schedule, as planned. */
    public List<Step> steps() {
        return steps;
    }

    public synchronized void start() {
        long origin = System.currentTimeMillis();
        thread = new Thread(() -> run(origin), "nemesis");
        thread.setDaemon(true);
        thread.start();
    }

    private void run(long origin) {
        try {
            for (Step step : steps) {
                sleepUntil(origin + step.at().toMillis());
                long start = System.currentTimeMillis();
                synchronized (this) {
                    step.fault().inject();
                    active = step.fault();
                    activeSince = start;
                }
                sleepUntil(start + step.hold().toMillis());
                healActive();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            synchronized (this) {
                errors.add(t);
            }
        }
    }

    private synchronized void healActive() throws Exception {
        if (active != null) {
            Fault fault = active;
            active = null;
            fault.heal();
            windows.add(new FaultWindow(fault.name(), fault.target(), activeSince, System.currentTimeMillis()));
        }
    }

    private static void sleepUntil(long epochMs) throws InterruptedException {
        long wait = epochMs - System.currentTimeMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }

    /** Waits for the schedule to finish; rethrows the first fault that could not be injected or healed. */
    public void await() throws Exception {
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            t.join();
        }
        synchronized (this) {
            if (!errors.isEmpty()) {
                Throwable first = errors.get(0);
                throw first instanceof Exception e ? e : new RuntimeException(first);
            }
        }
    }

    public synchronized List<FaultWindow> windows() {
        return List.copyOf(windows);
    }

    @Override
    public void close() throws Exception {
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            t.interrupt();
            t.join(10_000);
        }
        healActive();
    }

    /** Asks the supplier for the fault only when it is due, so each one sees the topology as it is then. */
    private static final class LazyFault implements Fault {
        private final Supplier<Fault> supplier;
        private Fault fault;

        LazyFault(Supplier<Fault> supplier) {
            this.supplier = supplier;
        }

        @Override
        public String name() {
            return fault == null ? "pending" : fault.name();
        }

        @Override
        public String target() {
            return fault == null ? "" : fault.target();
        }

        @Override
        public void inject() throws Exception {
            fault = supplier.get();
            fault.inject();
        }

        @Override
        public void heal() throws Exception {
            if (fault != null) {
                fault.heal();
            }
        }
    }
}
