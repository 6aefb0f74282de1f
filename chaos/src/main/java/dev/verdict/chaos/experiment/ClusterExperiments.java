package dev.verdict.chaos.experiment;

import dev.verdict.chaos.checker.CheckResult;
import dev.verdict.chaos.checker.Failover;
import dev.verdict.chaos.checker.ReplicationConvergence;
import dev.verdict.chaos.fault.FaultWindow;
import dev.verdict.chaos.history.History;
import dev.verdict.chaos.history.Operation;
import dev.verdict.chaos.history.Outcome;
import dev.verdict.chaos.topology.Await;
import dev.verdict.chaos.topology.ClusterNodes;
import dev.verdict.chaos.topology.ClusterTopology;
import dev.verdict.chaos.topology.RedisNode;
import dev.verdict.chaos.workload.ClientKind;
import dev.verdict.chaos.workload.KvClient;
import dev.verdict.chaos.workload.SetWorkload;
import dev.verdict.chaos.workload.WorkloadRunner;
import redis.clients.jedis.util.JedisClusterCRC16;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** Experiments on a Cluster: a master killed, its replica promoted for its slot range alone. */
public final class ClusterExperiments {

    /**
     * @param nodeTimeoutMs cluster-node-timeout
     * @param failoverBound the longest acceptable time until writes to the failed range resume
     */
    public record Settings(Duration warmup, Duration settle, long nodeTimeoutMs, Duration failoverBound, ClientKind client) {

        public static Settings quick() {
            return new Settings(Duration.ofSeconds(2), Duration.ofSeconds(2), 2000, Duration.ofSeconds(20), ClientKind.JEDIS);
        }

        public Settings withClient(ClientKind kind) {
            return new Settings(warmup, settle, nodeTimeoutMs, failoverBound, kind);
        }
    }

    private static final long PAUSE_MS = 5;

    private ClusterExperiments() {
    }

    public static ExperimentReport killMaster(String name, Settings s) {
        return Experiment.run(name, "cluster", report -> {
            History history = new History();
            try (ClusterTopology cluster = ClusterTopology.start(s.nodeTimeoutMs(), Map.of());
                 KvClient kv = s.client().cluster(cluster.seeds(), 1000)) {
                List<String> keys = IntStream.range(0, 12).mapToObj(i -> "set-" + i).toList();
                SetWorkload sets = new SetWorkload(keys);
                RedisNode old = cluster.masterOf(0);
                List<int[]> ranges = cluster.view().stream().filter(e -> e.address().equals(old.address()))
                        .findFirst().orElseThrow().slots();
                List<RedisNode> replicas = cluster.replicasOf(old);
                long faultMs;
                RedisNode promoted;
                List<dev.verdict.chaos.checker.Failover.Candidate> candidates;
                report.begin();
                try (WorkloadRunner clients = WorkloadRunner.start(sets, kv, 3, 0, PAUSE_MS, history)) {
                    Thread.sleep(s.warmup().toMillis());
                    old.kill();
                    // Timed from when the kill has surely landed: writes sent while the Docker call was
                    // on its way were still served by the old master.
                    faultMs = System.currentTimeMillis();
                    candidates = Observe.candidates(replicas);
                    promoted = Await.until("a replica to take over slot 0", s.failoverBound().plusSeconds(15), () -> {
                        RedisNode m = cluster.masterOf(0);
                        return m == old ? null : m;
                    });
                    long fault = faultMs;
                    Await.until("writes to the failed range to resume", s.failoverBound(), () ->
                            Failover.failoverMs(inRanges(history.operations(), ranges), fault, null).isPresent());
                    Thread.sleep(s.settle().toMillis());
                }
                long endedMs = System.currentTimeMillis();
                report.faults(List.of(new FaultWindow("kill", old.name(), faultMs, faultMs)));

                long restartMs = System.currentTimeMillis();
                old.restart();
                Await.until(old.name() + " to rejoin as a replica", Duration.ofSeconds(30), () ->
                        ClusterNodes.of(old).stream().anyMatch(e -> e.flags().contains("myself") && !e.master()));
                List<RedisNode> shard = new ArrayList<>(cluster.replicasOf(promoted));
                List<ReplicationConvergence.Sample> samples = SentinelExperiments.awaitConvergence(promoted, shard);
                Map<String, List<String>> finalState = Observe.finalState(sets, kv);

                List<Operation> ops = history.operations();
                report.history(history, endedMs);
                List<Operation> failedRange = inRanges(ops, ranges);
                Failover.failoverMs(failedRange, faultMs, null).ifPresent(ms -> report.figure("failoverMs", ms));
                report.figure("failedRangeSlots", ranges.stream().mapToInt(r -> r[1] - r[0] + 1).sum());
                long fault = faultMs;
                report.figure("otherRangesErrorsDuringFailover", ops.stream()
                        .filter(o -> !failedRange.contains(o) && o.outcome() != Outcome.OK && o.invokeMs() >= fault)
                        .count());
                report.check(Failover.checkResumed(failedRange, faultMs, null, s.failoverBound().toMillis()));
                report.check(Failover.checkPromoted(candidates, promoted.address()));
                SentinelExperiments.lossFigures(report, ops, finalState, false);
                report.check(ReplicationConvergence.checkOffsets(restartMs, samples, 30_000));
                List<RedisNode> shardNodes = new ArrayList<>(shard);
                shardNodes.add(0, promoted);
                report.check(ReplicationConvergence.checkDigests(Observe.digests(shardNodes)));
                report.check(new CheckResult("every slot served", cluster.view().stream()
                        .filter(e -> e.master() && !e.failed())
                        .mapToInt(e -> e.slots().stream().mapToInt(r -> r[1] - r[0] + 1).sum()).sum()
                        == ClusterTopology.SLOTS, "masters after failover: " + cluster.view().stream()
                        .filter(ClusterNodes.Entry::master).map(ClusterNodes.Entry::address).toList()));
            }
        });
    }

    /**
     * A master cut off from every other node while clients still reach it. Redis Cluster promises
     * the bound Jepsen's Sentinel test lacked: a master that cannot see a majority of masters for
     * cluster-node-timeout stops accepting writes, so the writes lost to the promotion of its
     * replica span about that long.
     */
    public static ExperimentReport isolateMaster(String name, Settings s, Duration hold) {
        return Experiment.run(name, "cluster", report -> {
            History history = new History();
            try (ClusterTopology cluster = ClusterTopology.start(s.nodeTimeoutMs(), Map.of());
                 KvClient kv = s.client().cluster(cluster.seeds(), 1000)) {
                RedisNode old = cluster.masterOf(0);
                List<int[]> ranges = cluster.view().stream().filter(e -> e.address().equals(old.address()))
                        .findFirst().orElseThrow().slots();
                List<String> keys = IntStream.range(0, 12).mapToObj(i -> "set-" + i).toList();
                List<String> minorityKeys = keys.stream().filter(k -> inRange(k, ranges)).toList();
                SetWorkload sets = new SetWorkload(keys);
                SetWorkload minoritySets = new SetWorkload(minorityKeys);
                List<RedisNode> others = cluster.dataNodes().stream().filter(n -> n != old).toList();
                dev.verdict.chaos.fault.Fault isolation = dev.verdict.chaos.fault.Partition.isolate(() -> old, () -> others);
                report.begin();
                try (KvClient minority = new dev.verdict.chaos.workload.JedisDirectClient(old.address(), 1000);
                     dev.verdict.chaos.fault.Nemesis nemesis = dev.verdict.chaos.fault.Nemesis.scripted(
                             List.of(new dev.verdict.chaos.fault.Nemesis.Step(s.warmup(), isolation, hold)));
                     WorkloadRunner majorityClients = WorkloadRunner.start(sets, kv, 2, 0, PAUSE_MS, history);
                     WorkloadRunner minorityClients = WorkloadRunner.start(minoritySets, minority, 2, 2, PAUSE_MS, history)) {
                    nemesis.start();
                    nemesis.await();
                    report.faults(nemesis.windows());
                    Thread.sleep(s.settle().toMillis());
                }
                long endedMs = System.currentTimeMillis();
                long faultMs = report.faultWindows().get(0).startMs();
                long healMs = report.faultWindows().get(0).endMs();
                Await.until(old.name() + " to rejoin as a replica", Duration.ofSeconds(30), () ->
                        ClusterNodes.of(old).stream().anyMatch(e -> e.flags().contains("myself") && !e.master()));
                RedisNode promoted = cluster.masterOf(0);
                List<ReplicationConvergence.Sample> samples =
                        SentinelExperiments.awaitConvergence(promoted, cluster.replicasOf(promoted));
                Map<String, List<String>> finalState = Observe.finalState(sets, kv);

                List<Operation> ops = history.operations();
                report.history(history, endedMs);
                List<Operation> minorityOps = ops.stream().filter(o -> o.client() >= 2).toList();
                long lastMinorityAck = minorityOps.stream().filter(Operation::ok)
                        .mapToLong(Operation::completeMs).filter(t -> t >= faultMs).max().orElse(faultMs);
                report.figure("minorityAcceptedWritesForMs", lastMinorityAck - faultMs);
                report.figure("partitionMs", healMs - faultMs);
                List<Operation> majorityInRange = inRanges(ops.stream().filter(o -> o.client() < 2).toList(), ranges);
                // The old master keeps acknowledging until it notices it is in the minority, so the
                // failover counts from then: the first write the promoted replica acknowledged.
                Failover.failoverMs(majorityInRange, lastMinorityAck, null)
                        .ifPresent(ms -> report.figure("failoverMs", ms + lastMinorityAck - faultMs));
                report.figure("longestWriteGapInRangeMs", Failover.longestWriteGapMs(majorityInRange, faultMs, healMs));
                dev.verdict.chaos.checker.AckedWriteLoss.Figures minoritySide =
                        dev.verdict.chaos.checker.AckedWriteLoss.measure(minorityOps, finalState);
                report.figure("minorityAckedWrites", minoritySide.acked());
                report.figure("minorityAckedWritesLost", minoritySide.lost());
                SentinelExperiments.lossFigures(report, ops, finalState, false);
                long bound = s.nodeTimeoutMs() + 1000;
                report.check(new CheckResult("isolated master stops accepting writes after cluster-node-timeout",
                        lastMinorityAck - faultMs <= bound, "last write acknowledged by the isolated master "
                        + (lastMinorityAck - faultMs) + " ms into the partition (bound " + bound + " ms)"));
                report.check(Failover.checkResumed(majorityInRange, lastMinorityAck, null, s.failoverBound().toMillis()));
                report.check(ReplicationConvergence.checkOffsets(healMs, samples, 30_000));
                List<RedisNode> shard = new ArrayList<>(cluster.replicasOf(promoted));
                shard.add(0, promoted);
                report.check(ReplicationConvergence.checkDigests(Observe.digests(shard)));
            }
        });
    }

    private static boolean inRange(String key, List<int[]> ranges) {
        int slot = JedisClusterCRC16.getSlot(key);
        return ranges.stream().anyMatch(r -> r[0] <= slot && slot <= r[1]);
    }

    private static List<Operation> inRanges(List<Operation> ops, List<int[]> ranges) {
        return ops.stream().filter(o -> inRange(o.key(), ranges)).toList();
    }
}
