package dev.verdict.chaos.experiment;

import dev.verdict.chaos.checker.AckedWriteLoss;
import dev.verdict.chaos.checker.PersistenceRecovery;
import dev.verdict.chaos.fault.FaultWindow;
import dev.verdict.chaos.history.History;
import dev.verdict.chaos.history.Operation;
import dev.verdict.chaos.topology.RedisNode;
import dev.verdict.chaos.topology.ReplicationGroup;
import dev.verdict.chaos.workload.JedisDirectClient;
import dev.verdict.chaos.workload.KvClient;
import dev.verdict.chaos.workload.SetWorkload;
import dev.verdict.chaos.workload.WorkloadRunner;
import redis.clients.jedis.Jedis;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * kill -9 of a single server under writes, then a restart on the same data directory: what came
 * back against what was acknowledged, per persistence mode.
 */
public final class PersistenceExperiments {

    private static final long PAUSE_MS = 2;
    /** everysec fsyncs once a second; allow as much again for scheduling on a busy machine. */
    private static final long EVERYSEC_WINDOW_MS = 2_000;

    private PersistenceExperiments() {
    }

    public static ExperimentReport killAndRestart(String name, PersistenceRecovery.Mode mode, Duration writes) {
        return Experiment.run(name, "single", report -> {
            History history = new History();
            try (ReplicationGroup single = ReplicationGroup.start(config(mode), 0)) {
                RedisNode node = single.dataNodes().get(0);
                SetWorkload sets = new SetWorkload(List.of("set-a", "set-b"));
                long killMs;
                long lastSaveMs = 0;
                report.begin();
                try (KvClient kv = new JedisDirectClient(node.address(), 1000)) {
                    if (mode == PersistenceRecovery.Mode.RDB_ONLY) {
                        // Writes stop around the save so the snapshot's boundary is exact.
                        runFor(sets, kv, history, writes.dividedBy(2));
                        try (Jedis j = node.connect()) {
                            j.save();
                        }
                        lastSaveMs = System.currentTimeMillis();
                        report.figure("lastSaveMs", lastSaveMs - report.startedAt());
                    }
                    try (WorkloadRunner clients = WorkloadRunner.start(sets, kv, 3, 100, PAUSE_MS, history)) {
                        Thread.sleep(writes.toMillis());
                        node.kill();
                        killMs = System.currentTimeMillis();
                    }
                }
                long endedMs = System.currentTimeMillis();
                node.restart();
                report.faults(List.of(new FaultWindow("kill", node.name(), killMs, System.currentTimeMillis())));
                Map<String, List<String>> recovered;
                try (KvClient kv = new JedisDirectClient(node.address(), 5000)) {
                    recovered = Observe.finalState(sets, kv);
                }
                List<Operation> ops = history.operations();
                report.history(history, endedMs);
                PersistenceRecovery.Figures f = PersistenceRecovery.measure(ops, recovered, mode, killMs, lastSaveMs,
                        EVERYSEC_WINDOW_MS);
                report.figure("ackedWrites", f.ackedBeforeKill());
                report.figure("ackedWritesLost", f.lost());
                report.figure("lostOutsideModeWindow", f.lostOutsideWindow());
                report.check(PersistenceRecovery.check(mode, f));
                report.check(AckedWriteLoss.check(AckedWriteLoss.measure(ops, recovered),
                        mode == PersistenceRecovery.Mode.AOF_ALWAYS));
            }
        });
    }

    private static void runFor(SetWorkload sets, KvClient kv, History history, Duration d) throws InterruptedException {
        try (WorkloadRunner clients = WorkloadRunner.start(sets, kv, 3, 0, PAUSE_MS, history)) {
            Thread.sleep(d.toMillis());
        }
    }

    private static Map<String, String> config(PersistenceRecovery.Mode mode) {
        return switch (mode) {
            case AOF_ALWAYS -> Map.of("appendonly", "yes", "appendfsync", "always", "save", "");
            case AOF_EVERYSEC -> Map.of("appendonly", "yes", "appendfsync", "everysec", "save", "");
            case RDB_ONLY -> Map.of("appendonly", "no", "save", "");
        };
    }
}
