package dev.verdict.chaos.experiment;

import dev.verdict.chaos.checker.AckedWriteLoss;
import dev.verdict.chaos.checker.CheckResult;
import dev.verdict.chaos.checker.Failover;
import dev.verdict.chaos.checker.Linearizability;
import dev.verdict.chaos.checker.ReplicationConvergence;
import dev.verdict.chaos.fault.Fault;
import dev.verdict.chaos.fault.Nemesis;
import dev.verdict.chaos.fault.NodeFaults;
import dev.verdict.chaos.fault.Partition;
import dev.verdict.chaos.history.History;
import dev.verdict.chaos.history.Operation;
import dev.verdict.chaos.topology.Await;
import dev.verdict.chaos.topology.RedisNode;
import dev.verdict.chaos.topology.SentinelGroup;
import dev.verdict.chaos.workload.JedisDirectClient;
import dev.verdict.chaos.workload.ClientKind;
import dev.verdict.chaos.workload.CounterWorkload;
import dev.verdict.chaos.workload.ListAppendWorkload;
import dev.verdict.chaos.workload.KvClient;
import dev.verdict.chaos.workload.RegisterWorkload;
import dev.verdict.chaos.workload.SetWorkload;
import dev.verdict.chaos.workload.WorkloadRunner;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Experiments on a Sentinel group: the master killed, the master cut off into a minority. Clients
 * go through Jedis's Sentinel pool; in the partition, more clients stay pinned to the old master,
 * as clients on its side of the partition would.
 */
public final class SentinelExperiments {

    /**
     * @param warmup        workload before the fault
     * @param faultHold     how long an isolation lasts (kill: until the failover)
     * @param settle        workload after the failover (and the heal)
     * @param downAfterMs   Sentinel's down-after-milliseconds
     * @param failoverBound the longest acceptable time until writes resume
     * @param config        extra directives for the data nodes (min-replicas-to-write, appendonly, ...)
     * @param waitReplicas  WAIT for this many replicas after each add (0: no WAIT)
     */
    public record Settings(Duration warmup, Duration faultHold, Duration settle, long downAfterMs,
                           long failoverTimeoutMs, Duration failoverBound, Map<String, String> config, int waitReplicas,
                           ClientKind client) {

        public static Settings quick() {
            return new Settings(Duration.ofSeconds(2), Duration.ofSeconds(6), Duration.ofSeconds(2), 1000, 3000,
                    Duration.ofSeconds(15), Map.of(), 0, ClientKind.JEDIS);
        }

        public Settings withConfig(Map<String, String> directives) {
            return new Settings(warmup, faultHold, settle, downAfterMs, failoverTimeoutMs, failoverBound, directives, waitReplicas, client);
        }

        public Settings withWait(int replicas) {
            return new Settings(warmup, faultHold, settle, downAfterMs, failoverTimeoutMs, failoverBound, config, replicas, client);
        }

        public Settings withClient(ClientKind kind) {
            return new Settings(warmup, faultHold, settle, downAfterMs, failoverTimeoutMs, failoverBound, config, waitReplicas, kind);
        }

        public Settings withTimes(Duration warmup, Duration faultHold, Duration settle) {
            return new Settings(warmup, faultHold, settle, downAfterMs, failoverTimeoutMs, failoverBound, config, waitReplicas, client);
        }
    }

    private static final long PAUSE_MS = 5;
    private static final int SOCKET_TIMEOUT_MS = 1000;

    private SentinelExperiments() {
    }

    /** kill -9 of the master: Sentinel promotes the best replica; the old master comes back as a replica. */
    public static ExperimentReport killMaster(String name, Settings s) {
        return Experiment.run(name, "sentinel", report -> {
            History history = new History();
            try (SentinelGroup group = SentinelGroup.start(s.config(), s.downAfterMs(), s.failoverTimeoutMs());
                 KvClient kv = s.client().sentinel(SentinelGroup.MASTER_NAME, group.sentinelAddresses(), SOCKET_TIMEOUT_MS)) {
                SetWorkload sets = new SetWorkload(List.of("set-a", "set-b", "set-c"), s.waitReplicas(), 500);
                RegisterWorkload registers = new RegisterWorkload(List.of("reg-a", "reg-b"));
                CounterWorkload counter = new CounterWorkload("counter");
                ListAppendWorkload lists = new ListAppendWorkload(List.of("list-a"));
                RedisNode old = group.sentinelMaster();
                List<RedisNode> replicas = group.replicasOf(old);
                long faultMs;
                List<Failover.Candidate> candidates;
                RedisNode promoted;
                report.begin();
                try (WorkloadRunner setClients = WorkloadRunner.start(sets, kv, 2, 0, PAUSE_MS, history);
                     WorkloadRunner registerClients = WorkloadRunner.start(registers, kv, 2, 2, PAUSE_MS, history);
                     WorkloadRunner counterClient = WorkloadRunner.start(counter, kv, 1, 4, PAUSE_MS, history);
                     WorkloadRunner listClient = WorkloadRunner.start(lists, kv, 1, 5, PAUSE_MS, history)) {
                    Thread.sleep(s.warmup().toMillis());
                    old.kill();
                    // Timed from when the kill has surely landed: writes sent while the Docker call was
                    // on its way were still served by the old master.
                    faultMs = System.currentTimeMillis();
                    // The master is gone, so replica offsets are frozen: this is what Sentinel will compare.
                    candidates = Observe.candidates(replicas);
                    promoted = Await.until("Sentinel to promote a replica", s.failoverBound().plusSeconds(15), () -> {
                        RedisNode m = group.sentinelMaster();
                        return m == old ? null : m;
                    });
                    Await.until("writes to resume", s.failoverBound(), () ->
                            Failover.failoverMs(history.operations(), faultMs, old.address()).isPresent());
                    Thread.sleep(s.settle().toMillis());
                }
                long endedMs = System.currentTimeMillis();
                report.faults(List.of(new dev.verdict.chaos.fault.FaultWindow("kill", old.name(), faultMs, faultMs)));

                // The old master comes back with its data and must rejoin as a replica of the new one.
                long restartMs = System.currentTimeMillis();
                old.restart();
                List<ReplicationConvergence.Sample> samples = awaitConvergence(promoted, group.replicasOf(promoted));
                Map<String, List<String>> finalState = new HashMap<>(Observe.finalState(sets, kv));
                finalState.putAll(Observe.finalState(lists, kv));
                long counterValue = Long.parseLong(Observe.finalState(counter, kv).get("counter").get(0));

                List<Operation> ops = history.operations();
                report.history(history, endedMs);
                failoverFigures(report, ops, faultMs, old, candidates, promoted, s);
                lossFigures(report, ops, finalState, false);
                AckedWriteLoss.Figures increments = AckedWriteLoss.measureCounter(ops, "counter", counterValue);
                report.figure("counterAckedIncrements", increments.acked());
                report.figure("counterIncrementsLost", increments.lost());
                report.check(new CheckResult("counter never exceeds attempted increments", increments.failedButPresent() == 0,
                        "final " + counterValue + ", acknowledged " + increments.acked() + ", unknown " + increments.unknown()));
                // Sentinel demotes a returning old master only after it reads its INFO again (every 10 s
                // outside a failover): 10-15 s is usual, a busy machine adds to it.
                report.check(ReplicationConvergence.checkOffsets(restartMs, samples, 40_000));
                report.check(ReplicationConvergence.checkDigests(Observe.digests(group.dataNodes())));
                linearizabilityFigures(report, ops);
            }
        });
    }

    /**
     * The master cut off from its replicas and the Sentinels (not from clients) for longer than a
     * failover takes: the majority promotes a replica while the old master keeps acknowledging the
     * writes of clients on its side; on heal it is demoted and those writes are gone.
     */
    public static ExperimentReport isolateMaster(String name, Settings s) {
        return Experiment.run(name, "sentinel", report -> {
            History history = new History();
            try (SentinelGroup group = SentinelGroup.start(s.config(), s.downAfterMs(), s.failoverTimeoutMs());
                 KvClient viaSentinel = s.client().sentinel(SentinelGroup.MASTER_NAME, group.sentinelAddresses(), SOCKET_TIMEOUT_MS)) {
                RedisNode old = group.sentinelMaster();
                SetWorkload sets = new SetWorkload(List.of("set-a", "set-b", "set-c"), s.waitReplicas(), 500);
                List<RedisNode> others = new ArrayList<>(group.replicasOf(old));
                others.addAll(group.sentinels());
                Fault isolation = Partition.isolate(() -> old, () -> others);
                long faultMs;
                long healMs;
                RedisNode promoted;
                long partialBefore;
                report.begin();
                try (KvClient minority = new JedisDirectClient(old.address(), SOCKET_TIMEOUT_MS);
                     Nemesis nemesis = Nemesis.scripted(List.of(new Nemesis.Step(s.warmup(), isolation, s.faultHold())));
                     WorkloadRunner majorityClients = WorkloadRunner.start(sets, viaSentinel, 2, 0, PAUSE_MS, history);
                     WorkloadRunner minorityClients = WorkloadRunner.start(sets, minority, 2, 2, PAUSE_MS, history)) {
                    nemesis.start();
                    Thread.sleep(s.warmup().toMillis());
                    faultMs = System.currentTimeMillis();
                    promoted = Await.until("Sentinel to promote a replica", s.failoverBound().plusSeconds(15), () -> {
                        RedisNode m = group.sentinelMaster();
                        return m == old ? null : m;
                    });
                    partialBefore = Observe.stat(promoted, "sync_partial_ok");
                    nemesis.await();
                    healMs = nemesis.windows().get(0).endMs();
                    faultMs = nemesis.windows().get(0).startMs();
                    report.faults(nemesis.windows());
                    Thread.sleep(s.settle().toMillis());
                }
                long endedMs = System.currentTimeMillis();
                long finalFaultMs = faultMs;
                Await.until("the old master to be demoted", Duration.ofSeconds(30), () ->
                        "slave".equals(old.info("replication").get("role")));
                List<ReplicationConvergence.Sample> samples = awaitConvergence(promoted, group.replicasOf(promoted));
                Map<String, List<String>> finalState = Observe.finalState(sets, viaSentinel);

                List<Operation> ops = history.operations();
                report.history(history, endedMs);
                List<Operation> majorityOps = ops.stream().filter(o -> o.client() < 2).toList();
                Failover.failoverMs(majorityOps, finalFaultMs, old.address())
                        .ifPresent(ms -> report.figure("failoverMs", ms));
                report.figure("partitionMs", healMs - finalFaultMs);
                report.check(Failover.checkResumed(majorityOps, finalFaultMs, old.address(), s.failoverBound().toMillis()));
                AckedWriteLoss.Figures minoritySide = AckedWriteLoss.measure(
                        ops.stream().filter(o -> o.client() >= 2).toList(), finalState);
                report.figure("minorityAckedWrites", minoritySide.acked());
                report.figure("minorityAckedWritesLost", minoritySide.lost());
                lossFigures(report, ops, finalState, false);
                report.figure("resyncPartialOkOnNewMaster", Observe.stat(promoted, "sync_partial_ok") - partialBefore);
                report.check(ReplicationConvergence.checkOffsets(healMs, samples, 30_000));
                report.check(ReplicationConvergence.checkDigests(Observe.digests(group.dataNodes())));
            }
        });
    }

    /**
     * A nemesis hitting whichever node is master at the time, every {@code interval} for {@code run}:
     * kill -9 and restart, pause, isolation, in turn. Writes must come back after every fault and
     * the group must end converged with identical data; losses are measured.
     */
    public static ExperimentReport soak(String name, Settings s, Duration interval, Duration run, Duration hold) {
        return Experiment.run(name, "sentinel", report -> {
            History history = new History();
            try (SentinelGroup group = SentinelGroup.start(s.config(), s.downAfterMs(), s.failoverTimeoutMs());
                 KvClient kv = s.client().sentinel(SentinelGroup.MASTER_NAME, group.sentinelAddresses(), SOCKET_TIMEOUT_MS)) {
                SetWorkload sets = new SetWorkload(List.of("set-a", "set-b", "set-c"), s.waitReplicas(), 500);
                RegisterWorkload registers = new RegisterWorkload(List.of("reg-a", "reg-b"));
                java.util.function.Supplier<RedisNode> master = () ->
                        Await.until("Sentinels to agree on a master", Duration.ofSeconds(30), group::sentinelMaster);
                int[] turn = {0};
                java.util.function.Supplier<Fault> next = () -> switch (turn[0]++ % 3) {
                    case 0 -> NodeFaults.killThenRestart(master);
                    case 1 -> NodeFaults.pause(master);
                    default -> {
                        RedisNode m = master.get();
                        List<RedisNode> others = new ArrayList<>(group.replicasOf(m));
                        others.addAll(group.sentinels());
                        yield Partition.isolate(() -> m, () -> others);
                    }
                };
                report.begin();
                try (Nemesis nemesis = Nemesis.periodic(interval, run, hold, next);
                     WorkloadRunner setClients = WorkloadRunner.start(sets, kv, 2, 0, PAUSE_MS, history);
                     WorkloadRunner registerClients = WorkloadRunner.start(registers, kv, 2, 2, PAUSE_MS, history)) {
                    nemesis.start();
                    nemesis.await();
                    report.faults(nemesis.windows());
                    Thread.sleep(s.settle().toMillis());
                }
                long endedMs = System.currentTimeMillis();
                RedisNode finalMaster = master.get();
                for (RedisNode n : group.replicasOf(finalMaster)) {
                    Await.until(n.name() + " to follow " + finalMaster.name(), Duration.ofSeconds(40), () ->
                            "slave".equals(n.info("replication").get("role"))
                                    && (finalMaster.ip()).equals(n.info("replication").get("master_host")));
                }
                List<ReplicationConvergence.Sample> samples = awaitConvergence(finalMaster, group.replicasOf(finalMaster));
                Map<String, List<String>> finalState = Observe.finalState(sets, kv);

                List<Operation> ops = history.operations();
                report.history(history, endedMs);
                List<Operation> writes = ops.stream().filter(o -> !o.op().equals("read")).toList();
                report.figure("faults", report.faultWindows().size());
                report.figure("longestWriteGapMs", Failover.longestWriteGapMs(writes, report.startedAt(), endedMs));
                for (dev.verdict.chaos.fault.FaultWindow w : report.faultWindows()) {
                    CheckResult resumed = Failover.checkResumed(writes, w.endMs(), null, s.failoverBound().toMillis());
                    report.check(new CheckResult("writes resume after " + w.name() + " of " + w.node(),
                            resumed.passed(), resumed.detail()));
                }
                lossFigures(report, ops, finalState, false);
                report.check(ReplicationConvergence.checkOffsets(endedMs, samples, 60_000));
                report.check(ReplicationConvergence.checkDigests(Observe.digests(group.dataNodes())));
                linearizabilityFigures(report, ops);
            }
        });
    }

    static List<ReplicationConvergence.Sample> awaitConvergence(RedisNode master, List<RedisNode> replicas) {
        List<ReplicationConvergence.Sample> samples = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                ReplicationConvergence.Sample sample = Observe.offsets(master, replicas);
                samples.add(sample);
                if (sample.replicaOffsets().values().stream().allMatch(o -> o == sample.masterOffset())) {
                    break;
                }
            } catch (RuntimeException stillRestarting) {
                // A node still loading its dataset answers LOADING; try again.
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return samples;
    }

    static void failoverFigures(ExperimentReport report, List<Operation> ops, long faultMs, RedisNode old,
                                List<Failover.Candidate> candidates, RedisNode promoted, Settings s) {
        Failover.failoverMs(ops, faultMs, old.address()).ifPresent(ms -> report.figure("failoverMs", ms));
        report.check(Failover.checkResumed(ops, faultMs, old.address(), s.failoverBound().toMillis()));
        report.check(Failover.checkPromoted(candidates, promoted.address()));
    }

    static void lossFigures(ExperimentReport report, List<Operation> ops, Map<String, List<String>> finalState,
                            boolean promisedNoLoss) {
        AckedWriteLoss.Figures loss = AckedWriteLoss.measure(ops, finalState);
        report.figure("ackedWrites", loss.acked());
        report.figure("ackedWritesLost", loss.lost());
        report.figure("unknownWrites", loss.unknown());
        report.figure("failedWrites", loss.failed());
        report.check(AckedWriteLoss.check(loss, promisedNoLoss));
    }

    /** Redis promises no linearizability across failover, so the result is a figure, not a failing check. */
    static void linearizabilityFigures(ExperimentReport report, List<Operation> ops) {
        Map<String, Linearizability.KeyResult> results = Linearizability.bounded().checkRegisters(ops);
        Map<Linearizability.Verdict, Integer> counts = new HashMap<>();
        results.values().forEach(r -> counts.merge(r.verdict(), 1, Integer::sum));
        report.figure("registerKeys", results.size());
        report.figure("registerKeysNotLinearizable", counts.getOrDefault(Linearizability.Verdict.NOT_LINEARIZABLE, 0));
        report.figure("registerKeysUndecided", counts.getOrDefault(Linearizability.Verdict.UNDECIDED, 0));
    }
}
