package dev.verdict.server.replication.replica;

import dev.verdict.server.Log;
import dev.verdict.server.config.ServerConfig;
import io.netty.channel.Channel;

import java.util.ArrayDeque;

/**
 * The replica's half of the handshake, as Redis 7.0.15's syncWithMaster runs it: PING; then,
 * written together, AUTH (when {@code masterauth} is set), {@code REPLCONF listening-port},
 * {@code REPLCONF ip-address} (when {@code replica-announce-ip} is set) and
 * {@code REPLCONF capa eof capa psync2}; their replies in order; then PSYNC, with the cached
 * master's id and offset + 1 when there is one, else {@code ? -1}. Each reply line goes to
 * {@link #onLine}, which says when the handshake is over and how.
 */
final class Handshake {

    /** How the handshake ended, or that it goes on. */
    sealed interface Outcome permits Waiting, FullResync, Continue, Failed {
    }

    record Waiting() implements Outcome {
    }

    /** +FULLRESYNC: the master's RDB follows; the stream then starts at {@code offset}. */
    record FullResync(String replid, long offset) implements Outcome {
    }

    /** +CONTINUE: the stream resumes after the cached offset; {@code newReplid} is null when the id did not change. */
    record Continue(String newReplid) implements Outcome {
    }

    /** The attempt failed; {@code psyncRefused} when it was the master's answer to PSYNC. */
    record Failed(boolean psyncRefused) implements Outcome {
    }

    private static final Outcome WAITING = new Waiting();
    private static final Outcome FAILED = new Failed(false);
    private static final Outcome PSYNC_REFUSED = new Failed(true);

    private enum Step { PING, AUTH, PORT, IP, CAPA, PSYNC }

    private final Channel channel;
    private final ServerConfig config;
    /** The cached master's id and offset to continue from, or null (PSYNC ? -1). */
    private final String cachedReplid;
    private final long cachedOffset;
    /** A failing-over master's PSYNC ends with FAILOVER: the target is to become master. */
    private final boolean failover;
    private final ArrayDeque<Step> expected = new ArrayDeque<>();

    Handshake(Channel channel, ServerConfig config, String cachedReplid, long cachedOffset, boolean failover) {
        this.channel = channel;
        this.config = config;
        this.cachedReplid = cachedReplid;
        this.cachedOffset = cachedOffset;
        this.failover = failover;
    }

    void start() {
        send(Step.PING, "PING");
    }

    Outcome onLine(String line) {
        Step step = expected.poll();
        if (step == null) return WAITING;
        boolean error = line.startsWith("-");
        switch (step) {
            case PING -> {
                // a master that wants AUTH still proves it is alive by saying so
                if (error && !line.startsWith("-NOAUTH") && !line.startsWith("-NOPERM")
                        && !line.startsWith("-ERR operation not permitted")) {
                    Log.warning("Error reply to PING from master: '" + line + "'");
                    return FAILED;
                }
                Log.notice("Master replied to PING, replication can continue...");
                sendHandshake();
            }
            case AUTH -> {
                if (error) {
                    Log.warning("Unable to AUTH to MASTER: " + line);
                    return FAILED;
                }
            }
            case PORT -> {
                if (error) Log.notice("(Non critical) Master does not understand REPLCONF listening-port: " + line);
            }
            case IP -> {
                if (error) Log.notice("(Non critical) Master does not understand REPLCONF ip-address: " + line);
            }
            case CAPA -> {
                if (error) Log.notice("(Non critical) Master does not understand REPLCONF capa: " + line);
                sendPsync();
            }
            case PSYNC -> {
                return psyncReply(line);
            }
        }
        return WAITING;
    }

    private void sendHandshake() {
        String pass = config.get("masterauth");
        if (pass != null && !pass.isEmpty()) {
            String user = config.get("masteruser");
            if (user != null && !user.isEmpty()) send(Step.AUTH, "AUTH", user, pass);
            else send(Step.AUTH, "AUTH", pass);
        }
        int announcedPort = config.getInt("replica-announce-port");
        send(Step.PORT, "REPLCONF", "listening-port",
                Integer.toString(announcedPort != 0 ? announcedPort : config.getInt("port")));
        String ip = config.get("replica-announce-ip");
        if (ip != null && !ip.isEmpty()) send(Step.IP, "REPLCONF", "ip-address", ip);
        send(Step.CAPA, "REPLCONF", "capa", "eof", "capa", "psync2");
    }

    private void sendPsync() {
        String replid = "?";
        String offset = "-1";
        if (cachedReplid != null) {
            replid = cachedReplid;
            offset = Long.toString(cachedOffset + 1);
            Log.notice("Trying a partial resynchronization (request " + cachedReplid + ":" + offset + ").");
        } else {
            Log.notice("Partial resynchronization not possible (no cached master)");
        }
        if (failover) send(Step.PSYNC, "PSYNC", replid, offset, "FAILOVER");
        else send(Step.PSYNC, "PSYNC", replid, offset);
    }

    private Outcome psyncReply(String line) {
        if (line.isEmpty()) {
            // the master may send newlines to keep the link alive before it answers
            expected.push(Step.PSYNC);
            return WAITING;
        }
        if (line.startsWith("+FULLRESYNC")) {
            String[] parts = line.split(" ");
            if (parts.length < 3 || parts[1].length() != 40) {
                Log.warning("Master replied with wrong +FULLRESYNC syntax.");
                return PSYNC_REFUSED;
            }
            long offset;
            try {
                offset = Long.parseLong(parts[2]);
            } catch (NumberFormatException e) {
                Log.warning("Master replied with wrong +FULLRESYNC syntax.");
                return PSYNC_REFUSED;
            }
            Log.notice("Full resync from master: " + parts[1] + ":" + offset);
            return new FullResync(parts[1], offset);
        }
        if (line.startsWith("+CONTINUE")) {
            Log.notice("Successful partial resynchronization with master.");
            String rest = line.substring("+CONTINUE".length()).trim();
            return new Continue(rest.length() == 40 ? rest : null);
        }
        if (line.startsWith("-NOMASTERLINK") || line.startsWith("-LOADING")) {
            Log.notice("Master is currently unable to PSYNC but should be in the future: " + line);
            return PSYNC_REFUSED;
        }
        // Redis falls back to SYNC here, for masters older than 2.8; a 7.0 master always knows PSYNC
        Log.warning("Unexpected reply to PSYNC from master: " + line);
        return PSYNC_REFUSED;
    }

    private void send(Step step, String... args) {
        expected.add(step);
        channel.writeAndFlush(Resp.command(args), channel.voidPromise());
    }
}
