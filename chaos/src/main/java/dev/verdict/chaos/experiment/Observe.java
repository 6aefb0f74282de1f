package dev.verdict.chaos.experiment;

import dev.verdict.chaos.checker.Failover;
import dev.verdict.chaos.checker.ReplicationConvergence;
import dev.verdict.chaos.topology.RedisNode;
import redis.clients.jedis.Jedis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads what the checkers need from live nodes: replication offsets, priorities, resync counters, digests. */
public final class Observe {

    private static final redis.clients.jedis.commands.ProtocolCommand DEBUG =
            () -> "DEBUG".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private Observe() {
    }

    /**
     * The workload's final state, retried for a while: right after a failover, pooled connections
     * to a demoted master are closed under the client's feet.
     */
    public static Map<String, List<String>> finalState(dev.verdict.chaos.workload.Workload workload,
                                                       dev.verdict.chaos.workload.KvClient kv) {
        return dev.verdict.chaos.topology.Await.until("the final state to be readable", java.time.Duration.ofSeconds(20),
                () -> workload.readFinal(kv));
    }

    /** How each replica looks to a failover: priority and offset, or unreachable. */
    public static List<Failover.Candidate> candidates(List<RedisNode> replicas) {
        return replicas.stream().map(r -> {
            try (Jedis j = r.connect()) {
                Map<String, String> repl = dev.verdict.chaos.topology.Info.parse(j.info("replication"));
                int priority = Integer.parseInt(j.configGet("replica-priority").get("replica-priority"));
                return new Failover.Candidate(r.address(), priority, Long.parseLong(repl.get("slave_repl_offset")), true);
            } catch (RuntimeException e) {
                return new Failover.Candidate(r.address(), -1, -1, false);
            }
        }).toList();
    }

    /** One sample of the master's offset and its replicas' offsets as each replica reports it. */
    public static ReplicationConvergence.Sample offsets(RedisNode master, List<RedisNode> replicas) {
        long masterOffset = Long.parseLong(master.info("replication").get("master_repl_offset"));
        Map<String, Long> replicaOffsets = new LinkedHashMap<>();
        for (RedisNode r : replicas) {
            Map<String, String> repl = r.info("replication");
            String offset = repl.get("slave_repl_offset");
            replicaOffsets.put(r.name(), "up".equals(repl.get("master_link_status")) && offset != null
                    ? Long.parseLong(offset) : -1L);
        }
        return new ReplicationConvergence.Sample(System.currentTimeMillis(), masterOffset, replicaOffsets);
    }

    /**
     * The master's own view in one INFO reply: its offset and each replica's last acknowledged
     * offset (replicas acknowledge once a second, so even a healthy replica shows up to a second
     * of lag here).
     */
    public static ReplicationConvergence.Sample masterView(RedisNode master) {
        Map<String, String> repl = master.info("replication");
        Map<String, Long> replicaOffsets = new LinkedHashMap<>();
        repl.forEach((k, v) -> {
            if (k.matches("slave\\d+")) {
                Map<String, String> f = dev.verdict.chaos.topology.Info.subfields(v);
                replicaOffsets.put(f.get("ip") + ":" + f.get("port"), Long.parseLong(f.get("offset")));
            }
        });
        return new ReplicationConvergence.Sample(System.currentTimeMillis(),
                Long.parseLong(repl.get("master_repl_offset")), replicaOffsets);
    }

    public static long stat(RedisNode node, String field) {
        return Long.parseLong(node.info("stats").get(field));
    }

    /** DEBUG DIGEST of each node: equal digests mean equal datasets. */
    public static Map<String, String> digests(List<RedisNode> nodes) {
        Map<String, String> digests = new LinkedHashMap<>();
        for (RedisNode n : nodes) {
            try (Jedis j = n.connect()) {
                Object reply = j.sendCommand(DEBUG, "DIGEST");
                digests.put(n.name(), new String((byte[]) reply, java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return digests;
    }
}
