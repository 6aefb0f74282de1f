package dev.verdict.server.replication.master;

import dev.verdict.server.persistence.RealRedis;
import dev.verdict.server.testing.ServerFixture;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.commands.ProtocolCommand;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our in-JVM server as a master and a real redis-server 7.0.15 replicating from it
 * ({@code --replicaof}); both stopped by close.
 */
final class RealReplicaOfOurs implements AutoCloseable {

    static final ProtocolCommand DEBUG = () -> "DEBUG".getBytes();

    final ServerFixture master;
    final Jedis m;
    private final Path replicaDir;
    RealRedis replica;
    Jedis r;

    /** Our master only, configured by {@code masterArgs} (diskless or not...); {@link #attach} starts the replica. */
    RealReplicaOfOurs(Path masterDir, Path replicaDir, List<String> masterArgs) {
        this.replicaDir = replicaDir;
        List<String> args = new ArrayList<>(List.of("--dir", masterDir.toString(), "--save", "",
                "--enable-debug-command", "yes", "--repl-diskless-sync-delay", "0"));
        args.addAll(masterArgs);
        master = new ServerFixture(args.toArray(new String[0]));
        m = new Jedis("127.0.0.1", master.port(), 10_000);
    }

    /** Starts the real replica ({@code --replicaof} our port, plus {@code replicaArgs}). */
    RealReplicaOfOurs attach(String... replicaArgs) {
        List<String> rargs = new ArrayList<>(List.of("--replicaof", "127.0.0.1", Integer.toString(master.port())));
        rargs.addAll(List.of(replicaArgs));
        replica = new RealRedis(replicaDir, rargs.toArray(new String[0]));
        r = replica.client();
        return this;
    }

    static Map<String, String> info(Jedis j, String section) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : j.info(section).split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) out.put(line.substring(0, colon), line.substring(colon + 1));
        }
        return out;
    }

    static String digest(Jedis j) {
        return new String((byte[]) j.sendCommand(DEBUG, "DIGEST"));
    }

    /** Waits until the replica's link is up and it processed everything we fed, then its dataset must equal ours. */
    void awaitInSync() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (true) {
            Map<String, String> ri = info(r, "replication");
            long ours = Long.parseLong(info(m, "replication").get("master_repl_offset"));
            String ourView = info(m, "replication").get("slave0");
            if ("up".equals(ri.get("master_link_status")) && Long.parseLong(ri.get("master_repl_offset")) == ours
                    && ourView != null && ourView.contains("state=online") && digest(m).equals(digest(r))) {
                return;
            }
            if (System.currentTimeMillis() > deadline) {
                assertThat(digest(r)).as("replica digest (replica info %s, master offset %d)", ri, ours)
                        .isEqualTo(digest(m));
                assertThat(ri.get("master_repl_offset")).isEqualTo(Long.toString(ours));
                assertThat(ri.get("master_link_status")).isEqualTo("up");
                assertThat(ourView).as(replica.log()).contains("state=online");
            }
            Thread.sleep(20);
        }
    }

    /** Polls until {@code check} holds (or fails with its last assertion after 10 s). */
    static void eventually(Runnable check) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (true) {
            try {
                check.run();
                return;
            } catch (AssertionError e) {
                if (System.currentTimeMillis() > deadline) throw e;
                Thread.sleep(20);
            }
        }
    }

    @Override
    public void close() {
        if (replica != null) {
            r.close();
            replica.close();
        }
        m.close();
        master.close();
    }
}
