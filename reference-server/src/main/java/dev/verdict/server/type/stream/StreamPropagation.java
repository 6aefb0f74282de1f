package dev.verdict.server.type.stream;

import dev.verdict.server.client.Client;
import dev.verdict.server.db.RedisObject;

import java.util.Arrays;

import static dev.verdict.server.persistence.aof.Propagation.args;

/**
 * What stream commands propagate to the AOF and replicas (Redis 7.0's t_stream.c): XADD with a
 * generated ID ({@code *} or {@code ms-*}) gets the ID actually added, as
 * rewriteClientCommandArgument does, so a replay adds the same entry; consumer-group reads and
 * claims are not propagated as given but as their effects, one XCLAIM per pending entry they
 * touched (streamPropagateXCLAIM), XGROUP SETID for a NOACK read (streamPropagateGroupID) and
 * XGROUP CREATECONSUMER for a consumer a NOACK read created (streamPropagateConsumerCreation).
 */
public final class StreamPropagation {

    private StreamPropagation() {
    }

    /**
     * {@code XCLAIM key group consumer 0 id TIME t RETRYCOUNT n FORCE JUSTID LASTID last}: replays the
     * pending entry as it is now (owner, delivery time and count) and the group's last ID; for a
     * pending entry whose stream entry was deleted, replaying it removes it from the PEL as here.
     */
    static void xclaim(Client client, byte[] key, ConsumerGroup group, byte[] id, PendingEntry nack) {
        also(client, args("XCLAIM", key, group.name(), nack.consumer().name(), "0", id,
                "TIME", Long.toString(nack.deliveryTime()), "RETRYCOUNT", Long.toString(nack.deliveryCount()),
                "FORCE", "JUSTID", "LASTID", group.lastId().toBytes()));
    }

    /** {@code XGROUP SETID key group last ENTRIESREAD n}. */
    static void groupLastId(Client client, byte[] key, ConsumerGroup group) {
        also(client, args("XGROUP", "SETID", key, group.name(), group.lastId().toBytes(),
                "ENTRIESREAD", Long.toString(group.entriesRead())));
    }

    /** {@code XGROUP CREATECONSUMER key group consumer}. */
    static void consumerCreated(Client client, byte[] key, ConsumerGroup group, byte[] consumer) {
        also(client, args("XGROUP", "CREATECONSUMER", key, group.name(), consumer));
    }

    /** The command propagates through the calls above only (XREADGROUP, XCLAIM, XAUTOCLAIM). */
    static void onlyEffects(Client client) {
        client.server().persistence().preventCommandPropagation();
    }

    private static void also(Client client, byte[][] argv) {
        client.server().persistence().alsoPropagate(client, argv);
    }

    /** The argv to propagate for a successful XADD. */
    public static byte[][] xadd(Client client, byte[][] argv) {
        RedisObject value = client.db().lookupNoTouch(argv[1]);
        if (!(value instanceof Stream stream)) return argv;
        int idIndex = idIndex(argv);
        if (idIndex < 0) return argv;
        byte[] id = argv[idIndex];
        boolean generated = (id.length == 1 && id[0] == '*')
                || (id.length > 2 && id[id.length - 1] == '*' && id[id.length - 2] == '-');
        if (!generated) return argv;
        byte[][] out = Arrays.copyOf(argv, argv.length);
        out[idIndex] = stream.lastId().toBytes();
        return out;
    }

    /** The ID argument's position: the first argument after the options (as XADD parses them). */
    private static int idIndex(byte[][] argv) {
        int i = 2;
        while (i < argv.length) {
            String opt = new String(argv[i], java.nio.charset.StandardCharsets.ISO_8859_1).toLowerCase(java.util.Locale.ROOT);
            switch (opt) {
                case "nomkstream" -> i++;
                case "maxlen", "minid" -> {
                    boolean marker = i + 2 < argv.length && (Arrays.equals(argv[i + 1], new byte[] {'~'})
                            || Arrays.equals(argv[i + 1], new byte[] {'='}));
                    i += marker ? 3 : 2;
                }
                case "limit" -> i += 2;
                default -> {
                    return i;
                }
            }
        }
        return -1;
    }
}
