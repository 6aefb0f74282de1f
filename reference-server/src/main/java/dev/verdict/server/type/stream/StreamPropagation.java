package dev.verdict.server.type.stream;

import dev.verdict.server.client.Client;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static dev.verdict.server.persistence.aof.Propagation.args;

/**
 * What stream commands propagate to the AOF and replicas (Redis 7.0's t_stream.c): XADD with a
 * generated ID ({@code *} or {@code ms-*}) gets the ID actually added, as
 * rewriteClientCommandArgument does, so a replay adds the same entry, and XADD/XTRIM with an
 * approximate trim propagate the exact trim that happened; consumer-group reads and
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

    /**
     * XADD as it was applied: a generated ID ({@code *}, {@code ms-*}) replaced by the ID added,
     * and an approximate trim made exact (below).
     */
    static void xadd(Client client, byte[][] argv, TrimArgs args, Stream stream, StreamId added) {
        byte[][] out = exactTrim(argv, args, stream);
        if (args.id() == null || !args.seqGiven()) {
            if (out == argv) out = Arrays.copyOf(argv, argv.length);
            out[args.idIndex()] = added.toBytes();
        }
        if (out != argv) client.server().persistence().propagateAs(client, out);
    }

    /** XTRIM as it was applied: an approximate trim made exact (below). */
    static void xtrim(Client client, byte[][] argv, TrimArgs args, Stream stream) {
        byte[][] out = exactTrim(argv, args, stream);
        if (out != argv) client.server().persistence().propagateAs(client, out);
    }

    /**
     * streamRewriteApproxSpecifier and streamRewriteTrimArgument: {@code ~} trims as far as whole
     * nodes allow, so a replay could trim differently; it is propagated as {@code =} with what the
     * trim left: the length (MAXLEN) or the first stored entry's ID, deleted or not (MINID; the
     * maximal ID when nothing is stored).
     * Returns {@code argv} itself when nothing needs rewriting.
     */
    private static byte[][] exactTrim(byte[][] argv, TrimArgs args, Stream stream) {
        if (!args.approx()) return argv;
        byte[][] out = Arrays.copyOf(argv, argv.length);
        out[args.approxArgIndex()] = new byte[] {'='};
        StreamId first = stream.firstStoredId(); // tombstones count, as streamGetEdgeID(s,1,0,..) sees them
        out[args.approxArgIndex() + 1] = args.strategy() == TrimArgs.Strategy.MAXLEN
                ? Long.toString(stream.length()).getBytes(StandardCharsets.US_ASCII)
                : (first == null ? StreamId.MAX : first).toBytes();
        return out;
    }
}
