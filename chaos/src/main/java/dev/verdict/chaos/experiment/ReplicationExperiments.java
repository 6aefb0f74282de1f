package dev.verdict.chaos.experiment;

import dev.verdict.chaos.checker.AckedWriteLoss;
import dev.verdict.chaos.checker.ReplicationConvergence;
import dev.verdict.chaos.fault.Fault;
import dev.verdict.chaos.fault.Nemesis;
import dev.verdict.chaos.fault.Partition;
import dev.verdict.chaos.history.History;
import dev.verdict.chaos.history.Operation;
import dev.verdict.chaos.topology.RedisNode;
import dev.verdict.chaos.topology.ReplicationGroup;
import dev.verdict.chaos.workload.JedisDirectClient;
import dev.verdict.chaos.workload.KvClient;
import dev.verdict.chaos.workload.SetWorkload;
import dev.verdict.chaos.workload.WorkloadRunner;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A replica cut off from its master while writes go on, then healed: how it catches up. */
public final class ReplicationExperiments {

    private ReplicationExperiments() {
    }

    /**
     * The replica misses a few seconds of writes, well within the replication backlog (1 MB by
     * default), so on heal Redis continues it with a partial resync.
     */
    public static ExperimentReport isolateReplica(String name, Duration warmup, Duration hold, Duration settle) {
        return Experiment.run(name, "replication", report -> {
            History history = new History();
            // repl-timeout short so the master notices the dead link within the experiment.
            try (ReplicationGroup group = ReplicationGroup.start(Map.of("repl-timeout", "2", "repl-ping-replica-period", "1"))) {
                RedisNode master = group.master();
                RedisNode replica = group.replicasOf(master).get(0);
                Fault isolation = Partition.isolate(() -> replica, () -> List.of(master));
                SetWorkload sets = new SetWorkload(List.of("set-a", "set-b"));
                long partialBefore = Observe.stat(master, "sync_partial_ok");
                long fullBefore = Observe.stat(master, "sync_full");
                report.begin();
                try (KvClient kv = new JedisDirectClient(master.address(), 1000);
                     Nemesis nemesis = Nemesis.scripted(List.of(new Nemesis.Step(warmup, isolation, hold)));
                     WorkloadRunner clients = WorkloadRunner.start(sets, kv, 2, 0, 5, history)) {
                    nemesis.start();
                    nemesis.await();
                    report.faults(nemesis.windows());
                    Thread.sleep(settle.toMillis());
                }
                long endedMs = System.currentTimeMillis();
                long healMs = report.faultWindows().get(0).endMs();
                List<ReplicationConvergence.Sample> samples =
                        SentinelExperiments.awaitConvergence(master, group.replicasOf(master));
                Map<String, List<String>> finalState;
                try (KvClient kv = new JedisDirectClient(master.address(), 1000)) {
                    finalState = Observe.finalState(sets, kv);
                }
                List<Operation> ops = history.operations();
                report.history(history, endedMs);
                ReplicationConvergence.convergenceMs(healMs, samples).ifPresent(ms -> report.figure("convergenceMs", ms));
                long partial = Observe.stat(master, "sync_partial_ok") - partialBefore;
                long full = Observe.stat(master, "sync_full") - fullBefore;
                report.figure("syncPartialOk", partial);
                report.figure("syncFull", full);
                report.check(ReplicationConvergence.checkOffsets(healMs, samples, 10_000));
                report.check(ReplicationConvergence.checkResync(true, partial, full));
                report.check(ReplicationConvergence.checkDigests(Observe.digests(group.dataNodes())));
                // No failover here, so Redis promises the master keeps every write it acknowledged.
                AckedWriteLoss.Figures loss = AckedWriteLoss.measure(ops, finalState);
                report.figure("ackedWrites", loss.acked());
                report.figure("ackedWritesLost", loss.lost());
                report.check(AckedWriteLoss.check(loss, true));
            }
        });
    }

    /**
     * The master's links degraded (latency, loss or bandwidth) while writes go on: how far the
     * replication stream falls behind, and that replicas catch up with identical data once healed.
     * No failover happens, so no acknowledged write may be lost.
     */
    public static ExperimentReport degradeMaster(String name, java.util.function.Function<RedisNode, Fault> fault,
                                                  Duration warmup, Duration hold, Duration settle) {
        return Experiment.run(name, "replication", report -> {
            History history = new History();
            try (ReplicationGroup group = ReplicationGroup.start(Map.of())) {
                RedisNode master = group.master();
                RedisNode replica = group.replicasOf(master).get(0);
                SetWorkload sets = new SetWorkload(List.of("set-a", "set-b"));
                List<ReplicationConvergence.Sample> lag = new java.util.concurrent.CopyOnWriteArrayList<>();
                report.begin();
                try (KvClient kv = new JedisDirectClient(master.address(), 2000);
                     Nemesis nemesis = Nemesis.scripted(List.of(new Nemesis.Step(warmup, fault.apply(master), hold)));
                     WorkloadRunner clients = WorkloadRunner.start(sets, kv, 2, 0, 5, history)) {
                    Thread sampler = new Thread(() -> {
                        while (!Thread.currentThread().isInterrupted()) {
                            try {
                                lag.add(Observe.masterView(master));
                                Thread.sleep(100);
                            } catch (InterruptedException e) {
                                return;
                            } catch (RuntimeException slow) {
                                // A degraded link may time a poll out; the next one counts.
                            }
                        }
                    }, "lag-sampler");
                    sampler.setDaemon(true);
                    sampler.start();
                    nemesis.start();
                    nemesis.await();
                    report.faults(nemesis.windows());
                    Thread.sleep(settle.toMillis());
                    sampler.interrupt();
                    sampler.join(5_000);
                }
                long endedMs = System.currentTimeMillis();
                long healMs = report.faultWindows().get(0).endMs();
                List<ReplicationConvergence.Sample> samples = new java.util.ArrayList<>(lag);
                samples.addAll(SentinelExperiments.awaitConvergence(master, List.of(replica)));
                Map<String, List<String>> finalState;
                try (KvClient kv = new JedisDirectClient(master.address(), 2000)) {
                    finalState = Observe.finalState(sets, kv);
                }
                List<Operation> ops = history.operations();
                report.history(history, endedMs);
                long faultStart = report.faultWindows().get(0).startMs();
                report.figure("baselineMaxReplicaLagBytes", maxLag(lag, Long.MIN_VALUE, faultStart));
                report.figure("maxReplicaLagBytes", maxLag(lag, faultStart, healMs));
                report.figure("p99LatencyMs", report.timeline().stream().mapToDouble(b -> b.p99Ms()).max().orElse(0));
                ReplicationConvergence.convergenceMs(healMs, samples).ifPresent(ms -> report.figure("convergenceMs", ms));
                report.check(ReplicationConvergence.checkOffsets(healMs, samples, 15_000));
                report.check(ReplicationConvergence.checkDigests(Observe.digests(group.dataNodes())));
                AckedWriteLoss.Figures loss = AckedWriteLoss.measure(ops, finalState);
                report.figure("ackedWrites", loss.acked());
                report.figure("ackedWritesLost", loss.lost());
                report.check(AckedWriteLoss.check(loss, true));
            }
        });
    }

    private static long maxLag(List<ReplicationConvergence.Sample> samples, long fromMs, long toMs) {
        return samples.stream().filter(x -> x.timeMs() >= fromMs && x.timeMs() <= toMs)
                .flatMapToLong(x -> x.replicaOffsets().values().stream().mapToLong(o -> x.masterOffset() - o))
                .max().orElse(0);
    }
}
