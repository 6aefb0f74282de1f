package dev.verdict.server.replication.master;

import dev.verdict.server.ServerContext;
import dev.verdict.server.blocking.BlockedRequest;
import dev.verdict.server.client.Client;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Clients blocked in WAIT (Redis's clients_waiting_acks): each waits until enough replicas
 * acknowledged its last write's offset, or its timeout, and is then answered with how many did.
 * While one waits, the replicas are asked for an ACK (REPLCONF GETACK in the stream) before the
 * loop sleeps, as Redis's beforeSleep does.
 */
final class AckWaiters {

    private static final byte[][] GETACK = {"REPLCONF".getBytes(StandardCharsets.US_ASCII),
            "GETACK".getBytes(StandardCharsets.US_ASCII), {'*'}};

    private record Waiter(Client client, long offset, long numReplicas) {
    }

    private final ServerContext server;
    private final ReplicationMaster master;
    private final List<Waiter> waiting = new ArrayList<>();
    private boolean getAckRequested;

    AckWaiters(ServerContext server, ReplicationMaster master) {
        this.server = server;
        this.master = master;
    }

    /** waitCommand's blocking part: {@code deadline} absolute ms, 0 for none. */
    void block(Client client, long offset, long numReplicas, long deadline) {
        server.blocked().block(client, client.db(), new byte[0][], deadline, new BlockedRequest() {
            @Override
            public boolean tryServe(Client c, byte[] key) {
                return false; // waits on no key
            }

            @Override
            public void timedOut(Client c) {
                // replyToBlockedClientTimedOut for BLOCKED_WAIT: the count reached so far
                c.reply().integer(master.countAcks(offset));
            }
        });
        waiting.add(0, new Waiter(client, offset, numReplicas));
        getAckRequested = true;
    }

    /** processClientsWaitingReplicas, then the GETACK a new WAIT asked for. */
    void beforeSleep() {
        if (waiting.isEmpty() && !getAckRequested) return;
        for (int i = 0; i < waiting.size(); i++) {
            Waiter w = waiting.get(i);
            if (!server.blocked().isBlocked(w.client())) {
                // timed out, unblocked or disconnected meanwhile
                waiting.remove(i--);
                continue;
            }
            if (master.countAcks(w.offset()) >= w.numReplicas()) {
                waiting.remove(i--);
                server.blocked().unblock(w.client(), false);
            }
        }
        // not while clients are paused: it would move the offset a failover or a shutdown waits for
        if (getAckRequested && !server.pause().active(System.currentTimeMillis())) {
            getAckRequested = false;
            sendGetack();
        }
    }

    /** sendGetackToReplicas. */
    void sendGetack() {
        master.stream().feedUnselected(GETACK);
    }
}
