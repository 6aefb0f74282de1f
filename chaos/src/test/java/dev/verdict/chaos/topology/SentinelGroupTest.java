package dev.verdict.chaos.topology;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A smoke test of the topology alone; every Sentinel experiment exercises it too, so it runs with -Pchaos. */
@Tag("chaos")
@Tag("long")
class SentinelGroupTest {

    @Test
    void sentinelsNameTheFirstNodeAsMasterAndItReplicatesToTwoReplicas() {
        try (SentinelGroup group = SentinelGroup.start(Map.of(), 1000, 3000)) {
            RedisNode master = group.sentinelMaster();
            assertThat(master).isSameAs(group.dataNodes().get(0));
            assertThat(master.info("replication").get("connected_slaves")).isEqualTo("2");
            try (Jedis j = master.connect()) {
                j.set("k", "v");
                assertThat(j.waitReplicas(2, 2000)).isEqualTo(2);
            }
            try (Jedis r = group.dataNodes().get(2).connect()) {
                assertThat(r.get("k")).isEqualTo("v");
            }
        }
    }
}
