package dev.verdict.server.replication.replica;

import dev.verdict.server.testing.Info;
import dev.verdict.server.testing.RespConnection;

import java.util.Map;

import static dev.verdict.server.testing.Await.until;

/** Waiting for replication to catch up, and reading INFO replication, for the replica tests. */
final class SyncWait {

    private SyncWait() {
    }

    /** INFO replication as an ordered map of its fields. */
    static Map<String, String> info(RespConnection c) {
        return Info.section(c, "replication");
    }

    /** Until the replica's link is up and it has applied everything the master has produced. */
    static void caughtUp(RespConnection master, RespConnection replica) {
        until(() -> {
            Map<String, String> r = info(replica);
            return "up".equals(r.get("master_link_status"))
                    && info(master).get("master_repl_offset").equals(r.get("slave_repl_offset"));
        }, "replica to catch up with its master");
    }
}
