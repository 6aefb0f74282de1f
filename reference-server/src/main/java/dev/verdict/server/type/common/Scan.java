package dev.verdict.server.type.common;

import dev.verdict.server.client.Client;
import dev.verdict.server.command.Args;
import dev.verdict.server.command.Errors;
import dev.verdict.server.util.GlobPattern;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

/**
 * HSCAN, SSCAN and ZSCAN's shared part (Redis's scanGenericCommand): cursor and option parsing,
 * MATCH filtering of whole elements (a hash field with its value), and the reply.
 */
public final class Scan {

    /** What a scanned collection provides: its elements from a cursor on, and the next cursor. */
    @FunctionalInterface
    public interface Source {
        /**
         * Appends elements from {@code cursor} to {@code out} (at least about {@code count} of them
         * unless the end is reached) and returns the next cursor, 0 when done. Compact encodings
         * return everything at once, as Redis does.
         */
        long scan(long cursor, long count, List<byte[]> out);
    }

    private static final byte[] ZERO = {'0'};

    private Scan() {
    }

    /** Parses a cursor as Redis's parseScanCursorOrReply (one parser for every SCAN family); null after replying. */
    public static Long parseCursor(Client client, byte[] arg) {
        return dev.verdict.server.keys.ScanCursor.parse(client, arg);
    }

    /**
     * Runs XSCAN key cursor [MATCH pattern] [COUNT count] over {@code source} (null for a missing
     * key), whose elements are {@code stride} items wide: 1 for sets, 2 for hashes and sorted sets
     * (each element followed by its value or score).
     */
    public static void run(Client client, byte[][] argv, long cursor, int stride, Source source) {
        if (source == null) {
            // Redis answers shared.emptyscan for a missing key before it looks at the options.
            client.reply().arrayHeader(2);
            client.reply().bulk(ZERO);
            client.reply().emptyArray();
            return;
        }
        byte[] pattern = null;
        long count = 10;
        for (int i = 3; i < argv.length; i++) {
            int left = argv.length - i - 1;
            if (Args.is(argv[i], "count") && left >= 1) {
                Long n = Args.parseLong(argv[++i]);
                if (n == null) {
                    client.reply().error(Errors.NOT_INTEGER);
                    return;
                }
                if (n < 1) {
                    client.reply().error(Errors.SYNTAX);
                    return;
                }
                count = n;
            } else if (Args.is(argv[i], "match") && left >= 1) {
                pattern = argv[++i];
                if (pattern.length == 1 && pattern[0] == '*') pattern = null;
            } else {
                client.reply().error(Errors.SYNTAX);
                return;
            }
        }
        List<byte[]> found = new ArrayList<>();
        long next = source.scan(cursor, count, found);
        List<byte[]> kept = found;
        if (pattern != null) {
            kept = new ArrayList<>();
            for (int i = 0; i < found.size(); i += stride) {
                if (!GlobPattern.matches(pattern, found.get(i), false)) continue;
                for (int j = 0; j < stride; j++) kept.add(found.get(i + j));
            }
        }
        client.reply().arrayHeader(2);
        client.reply().bulk(Long.toUnsignedString(next));
        client.reply().arrayHeader(kept.size());
        for (byte[] e : kept) client.reply().bulk(e);
    }

    /**
     * A resumable walk over a hash table's elements in the order of their hashes: an element
     * present for the whole scan is returned at least once, like Redis's reverse-binary cursor.
     */
    public static <T> long byHash(Iterable<T> items, ToIntFunction<T> hash, long cursor, long count, Consumer<T> emit) {
        List<T> pending = new ArrayList<>();
        for (T item : items) {
            if (position(hash.applyAsInt(item)) >= cursor) pending.add(item);
        }
        pending.sort(Comparator.comparingLong(item -> position(hash.applyAsInt(item))));
        int taken = 0;
        while (taken < pending.size()) {
            long group = position(hash.applyAsInt(pending.get(taken)));
            if (taken >= count) return group;
            while (taken < pending.size() && position(hash.applyAsInt(pending.get(taken))) == group) {
                emit.accept(pending.get(taken++));
            }
        }
        return 0;
    }

    private static long position(int hash) {
        return (hash & 0xffffffffL) + 1;
    }
}
