package dev.verdict.server.type.list;

import dev.verdict.server.blocking.BlockedRequest;
import dev.verdict.server.blocking.Timeouts;
import dev.verdict.server.client.Client;
import dev.verdict.server.command.Args;
import dev.verdict.server.command.CommandTable;
import dev.verdict.server.command.Errors;
import dev.verdict.server.db.ObjectType;
import dev.verdict.server.db.RedisObject;

import java.util.Arrays;
import java.util.List;

import static dev.verdict.server.persistence.aof.Propagation.args;

/** LMPOP and the blocking list commands: BLPOP, BRPOP, BLMPOP, BLMOVE, BRPOPLPUSH. */
final class ListBlockingCommands {

    private ListBlockingCommands() {
    }

    static void register(CommandTable table) {
        table.bind("blpop", (c, a) -> blockingPop(c, a, true));
        table.bind("brpop", (c, a) -> blockingPop(c, a, false));
        table.bind("blmpop", (c, a) -> mpop(c, a, 2, true));
        table.bind("blmove", ListBlockingCommands::blmove);
        table.bind("brpoplpush", (c, a) -> blockingMove(c, a[1], a[2], false, true, a[3], args("RPOPLPUSH", a[1], a[2])));
    }

    /**
     * What a client blocked on lists waits to do: pop (BLPOP: count -1; BLMPOP: count) or move
     * (BLMOVE, or BRPOPLPUSH when {@code rpoplpush}).
     */
    private record ListWait(boolean head, long count, byte[] dst, boolean toHead, boolean rpoplpush)
            implements BlockedRequest {
        @Override
        public boolean tryServe(Client client, byte[] key) {
            RedisObject o = client.db().lookup(key);
            if (o == null || o.type() != ObjectType.LIST) return false;
            ListValue list = (ListValue) o;
            if (ListType.length(list) == 0) return false;
            if (dst != null) {
                // serveClientBlockedOnList propagates the move with its own words for the sides
                if (ListCommands.moveFrom(client, list, key, dst, head, toHead)) {
                    propagateAs(client, rpoplpush ? args("RPOPLPUSH", key, dst)
                            : args("LMOVE", key, dst, head ? "left" : "right", toHead ? "left" : "right"));
                }
                return true;
            }
            replyPop(client, key, list, head, count);
            return true;
        }
    }

    static void blockingPop(Client client, byte[][] argv, boolean head) {
        byte[][] keys = Arrays.copyOfRange(argv, 1, argv.length - 1);
        long deadline = Timeouts.deadline(client, argv[argv.length - 1]);
        if (deadline == Timeouts.INVALID) return;
        popOrBlock(client, keys, head, -1, deadline);
    }

    /** LMPOP (firstKeyCountArg 1) and BLMPOP (2, after the timeout). */
    static void mpop(Client client, byte[][] argv, int numKeysArg, boolean blocking) {
        Long numKeys = Args.parseLong(argv[numKeysArg]);
        if (numKeys == null || numKeys <= 0) {
            client.reply().error("ERR numkeys should be greater than 0");
            return;
        }
        long whereArg = numKeysArg + numKeys + 1;
        if (whereArg >= argv.length) {
            client.reply().error(Errors.SYNTAX);
            return;
        }
        Boolean head = ListCommands.side(argv[(int) whereArg]);
        if (head == null) {
            client.reply().error(Errors.SYNTAX);
            return;
        }
        long count = -1;
        for (int j = (int) whereArg + 1; j < argv.length; j++) {
            if (count == -1 && Args.is(argv[j], "count") && j + 1 < argv.length) {
                Long n = Args.parseLong(argv[++j]);
                if (n == null || n <= 0) {
                    client.reply().error("ERR count should be greater than 0");
                    return;
                }
                count = n;
            } else {
                client.reply().error(Errors.SYNTAX);
                return;
            }
        }
        if (count == -1) count = 1;
        byte[][] keys = Arrays.copyOfRange(argv, numKeysArg + 1, (int) whereArg);
        if (!blocking) {
            for (byte[] key : keys) {
                ListValue list = ListCommands.read(client, key);
                if (list == ListCommands.WRONG) return;
                if (list == null || ListType.length(list) == 0) continue;
                replyPop(client, key, list, head, count);
                return;
            }
            client.reply().nullArray();
            return;
        }
        long deadline = Timeouts.deadline(client, argv[1]);
        if (deadline == Timeouts.INVALID) return;
        popOrBlock(client, keys, head, count, deadline);
    }

    /** blockingPopGenericCommand: serve from the first non-empty list, else block. */
    private static void popOrBlock(Client client, byte[][] keys, boolean head, long count, long deadline) {
        for (byte[] key : keys) {
            ListValue list = ListCommands.read(client, key);
            if (list == ListCommands.WRONG) return;
            if (list == null || ListType.length(list) == 0) continue;
            replyPop(client, key, list, head, count);
            return;
        }
        if (client.denyBlocking()) {
            client.reply().nullArray();
            return;
        }
        client.server().blocked().block(client, client.db(), keys, deadline, new ListWait(head, count, null, false, false));
    }

    /**
     * BLPOP's {@code [key, value]} (count -1) or LMPOP's {@code [key, [values]]}, then the events;
     * propagated as the plain pop: {@code LPOP key}, or {@code LPOP key n} with the number popped.
     */
    private static void replyPop(Client client, byte[] key, ListValue list, boolean head, long count) {
        client.reply().arrayHeader(2);
        client.reply().bulk(key);
        String pop = head ? "LPOP" : "RPOP";
        if (count < 0) {
            client.reply().bulk(ListType.pop(list, head));
            propagateAs(client, args(pop, key));
        } else {
            List<byte[]> values = ListCommands.popMany(list, head, count);
            ListCommands.replyPopped(client, values);
            propagateAs(client, args(pop, key, Integer.toString(values.size())));
        }
        ListCommands.popped(client, key, list, head);
    }

    private static void propagateAs(Client client, byte[][] argv) {
        client.server().persistence().propagateAs(client, argv);
    }

    static void blmove(Client client, byte[][] argv) {
        Boolean from = ListCommands.side(argv[3]);
        Boolean to = ListCommands.side(argv[4]);
        if (from == null || to == null) {
            client.reply().error(Errors.SYNTAX);
            return;
        }
        blockingMove(client, argv[1], argv[2], from, to, argv[5], args("LMOVE", argv[1], argv[2], argv[3], argv[4]));
    }

    /** BLMOVE/BRPOPLPUSH; served at once, they propagate as {@code propagated} (LMOVE/RPOPLPUSH). */
    private static void blockingMove(Client client, byte[] src, byte[] dst, boolean fromHead, boolean toHead, byte[] timeout,
                                     byte[][] propagated) {
        long deadline = Timeouts.deadline(client, timeout);
        if (deadline == Timeouts.INVALID) return;
        ListValue source = ListCommands.read(client, src);
        if (source == ListCommands.WRONG) return;
        if (source != null) {
            if (ListCommands.moveFrom(client, source, src, dst, fromHead, toHead)) propagateAs(client, propagated);
            return;
        }
        if (client.denyBlocking()) {
            client.reply().nullBulk(); // blmoveGenericCommand's addReplyNull, unlike the timeout's null array
            return;
        }
        client.server().blocked().block(client, client.db(), new byte[][] {src}, deadline,
                new ListWait(fromHead, -1, dst, toHead, propagated.length == 3));
    }
}
