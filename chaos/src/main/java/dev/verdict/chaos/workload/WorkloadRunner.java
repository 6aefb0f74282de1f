package dev.verdict.chaos.workload;

import dev.verdict.chaos.history.History;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a workload on a few client threads until stopped, recording every operation in a
 * history. Each client has one operation in flight at a time and pauses between operations so
 * a run on two shared cores stays frugal.
 */
public final class WorkloadRunner implements AutoCloseable {

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();

    private WorkloadRunner() {
    }

    /**
     * @param firstClient  id of the first client, so several runners on one history keep ids apart
     * @param pauseMs      pause between one client's operations
     */
    public static WorkloadRunner start(Workload workload, KvClient kv, int clients, int firstClient, long pauseMs,
                                       History history) {
        WorkloadRunner runner = new WorkloadRunner();
        for (int c = 0; c < clients; c++) {
            int client = firstClient + c;
            Thread t = new Thread(() -> {
                long seq = 0;
                while (runner.running.get()) {
                    history.add(workload.step(client, seq++, kv));
                    try {
                        Thread.sleep(pauseMs);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, workload.name() + "-client-" + client);
            t.setDaemon(true);
            runner.threads.add(t);
            t.start();
        }
        return runner;
    }

    /** Stops issuing operations and waits for those in flight to complete. */
    public void stop() {
        running.set(false);
        for (Thread t : threads) {
            try {
                t.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        stop();
    }
}
