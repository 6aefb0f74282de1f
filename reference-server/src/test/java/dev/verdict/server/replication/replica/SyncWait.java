package dev.verdict.server.replication.replica;

import dev.verdict.server.testing.RespConnection;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Waiting for replication to catch up, and reading INFO replication, for the replica tests. */
final class SyncWait {

    private SyncWait() {
    }

    /** INFO replication as an ordered map of its fields. */
    static Map<String, String> info(RespConnection c) {
        String reply = c.call("INFO", "replication");
        // a bulk: $len CRLF body CRLF; RESP2 here
        String body = reply.substring(reply.indexOf("\r\n") + 2);
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : body.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && !line.startsWith("#")) fields.put(line.substring(0, colon), line.substring(colon + 1));
        }
        return fields;
    }

    /** Until the replica's link is up and it has applied everything the master has produced. */
    static void caughtUp(RespConnection master, RespConnection replica) {
        until(() -> {
            Map<String, String> r = info(replica);
            return "up".equals(r.get("master_link_status"))
                    && info(master).get("master_repl_offset").equals(r.get("slave_repl_offset"));
        }, "replica to catch up with its master");
    }

    static void until(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
