package dev.verdict.server.type.string;

import dev.verdict.server.client.Client;
import dev.verdict.server.command.Args;
import dev.verdict.server.command.Errors;
import dev.verdict.server.db.ObjectType;
import dev.verdict.server.db.RedisObject;
import dev.verdict.server.resp.ReplyWriter;

import java.util.ArrayList;
import java.util.List;

/**
 * LCS key1 key2 [LEN] [IDX] [MINMATCHLEN n] [WITHMATCHLEN]: the longest common subsequence by
 * dynamic programming, with match ranges found walking the table backwards exactly as Redis's
 * lcsCommand does (including how it closes a range on a non-contiguous match).
 */
final class Lcs {

    private Lcs() {
    }

    static void command(Client client, byte[][] argv) {
        byte[][] strings = new byte[2][];
        for (int j = 0; j < 2; j++) {
            RedisObject o = client.db().lookupRead(argv[j + 1]);
            if (o != null && o.type() != ObjectType.STRING) {
                client.reply().error("ERR The specified keys must contain string values");
                return;
            }
            strings[j] = o == null ? new byte[0] : ((StringValue) o).bytes();
        }
        boolean getLen = false, getIdx = false, withMatchLen = false;
        long minMatchLen = 0;
        for (int j = 3; j < argv.length; j++) {
            boolean more = j + 1 < argv.length;
            if (Args.is(argv[j], "IDX")) {
                getIdx = true;
            } else if (Args.is(argv[j], "LEN")) {
                getLen = true;
            } else if (Args.is(argv[j], "WITHMATCHLEN")) {
                withMatchLen = true;
            } else if (Args.is(argv[j], "MINMATCHLEN") && more) {
                Long v = Args.parseLong(argv[++j]);
                if (v == null) {
                    client.reply().error(Errors.NOT_INTEGER);
                    return;
                }
                minMatchLen = Math.max(0, v);
            } else {
                client.reply().error(Errors.SYNTAX);
                return;
            }
        }
        if (getIdx && getLen) {
            client.reply().error("ERR If you want both the length and indexes, please just use IDX.");
            return;
        }
        byte[] a = strings[0], b = strings[1];
        int alen = a.length, blen = b.length;
        int[] table = new int[(alen + 1) * (blen + 1)];
        int width = blen + 1;
        for (int i = 1; i <= alen; i++) {
            for (int j = 1; j <= blen; j++) {
                table[i * width + j] = a[i - 1] == b[j - 1]
                        ? table[(i - 1) * width + j - 1] + 1
                        : Math.max(table[(i - 1) * width + j], table[i * width + j - 1]);
            }
        }
        int length = table[alen * width + blen];
        ReplyWriter reply = client.reply();
        if (getLen) {
            reply.integer(length);
            return;
        }
        byte[] result = new byte[length];
        List<long[]> matches = new ArrayList<>();
        int idx = length;
        int i = alen, j = blen;
        int aStart = alen, aEnd = 0, bStart = 0, bEnd = 0;
        while (i > 0 && j > 0) {
            boolean emit = false;
            if (a[i - 1] == b[j - 1]) {
                result[idx - 1] = a[i - 1];
                if (aStart == alen) {
                    aStart = i - 1;
                    aEnd = i - 1;
                    bStart = j - 1;
                    bEnd = j - 1;
                } else if (aStart == i && bStart == j) {
                    aStart--;
                    bStart--;
                } else {
                    emit = true;
                }
                if (aStart == 0 || bStart == 0) emit = true;
                idx--;
                i--;
                j--;
            } else {
                int up = table[(i - 1) * width + j];
                int left = table[i * width + j - 1];
                if (up > left) i--;
                else j--;
                if (aStart != alen) emit = true;
            }
            if (emit) {
                long matchLen = aEnd - aStart + 1;
                if (minMatchLen == 0 || matchLen >= minMatchLen) {
                    matches.add(new long[] {aStart, aEnd, bStart, bEnd, matchLen});
                }
                aStart = alen;
            }
        }
        if (!getIdx) {
            reply.bulk(result);
            return;
        }
        reply.mapHeader(2);
        reply.bulk("matches");
        reply.arrayHeader(matches.size());
        for (long[] m : matches) {
            reply.arrayHeader(withMatchLen ? 3 : 2);
            reply.arrayHeader(2);
            reply.integer(m[0]);
            reply.integer(m[1]);
            reply.arrayHeader(2);
            reply.integer(m[2]);
            reply.integer(m[3]);
            if (withMatchLen) reply.integer(m[4]);
        }
        reply.bulk("len");
        reply.integer(length);
    }
}
