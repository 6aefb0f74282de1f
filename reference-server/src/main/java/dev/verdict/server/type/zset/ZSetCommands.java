package dev.verdict.server.type.zset;

import dev.verdict.server.client.Client;
import dev.verdict.server.command.Args;
import dev.verdict.server.command.CommandFamily;
import dev.verdict.server.command.CommandTable;
import dev.verdict.server.command.Errors;
import dev.verdict.server.config.ServerConfig;
import dev.verdict.server.db.ObjectType;
import dev.verdict.server.pubsub.KeyspaceEvents;
import dev.verdict.server.resp.ReplyWriter;
import dev.verdict.server.type.common.Changes;
import dev.verdict.server.type.common.RandomCount;
import dev.verdict.server.type.common.RandomPicks;
import dev.verdict.server.type.common.Scan;
import dev.verdict.server.type.common.TypeChecks;

import java.util.ArrayList;
import java.util.List;

/** Sorted set commands (t_zset.c); set algebra is in {@link ZSetAlgebra}, pops in {@link ZSetPops}. */
public final class ZSetCommands implements CommandFamily {

    static final ZSetValue WRONG = new ZSetValue(true);

    enum RangeType { AUTO, RANK, SCORE, LEX }

    @Override
    public void register(CommandTable table) {
        table.bind("zadd", (c, a) -> zadd(c, a, 0));
        table.bind("zincrby", (c, a) -> zadd(c, a, ZSetType.IN_INCR));
        table.bind("zrem", ZSetCommands::zrem);
        table.bind("zcard", ZSetCommands::zcard);
        table.bind("zscore", ZSetCommands::zscore);
        table.bind("zmscore", ZSetCommands::zmscore);
        table.bind("zrank", (c, a) -> zrank(c, a, false));
        table.bind("zrevrank", (c, a) -> zrank(c, a, true));
        table.bind("zcount", (c, a) -> zcount(c, a, false));
        table.bind("zlexcount", (c, a) -> zcount(c, a, true));
        table.bind("zrange", (c, a) -> zrange(c, a, 1, null, RangeType.AUTO, null));
        table.bind("zrangestore", (c, a) -> zrange(c, a, 2, a[1], RangeType.AUTO, null));
        table.bind("zrevrange", (c, a) -> zrange(c, a, 1, null, RangeType.RANK, true));
        table.bind("zrangebyscore", (c, a) -> zrange(c, a, 1, null, RangeType.SCORE, false));
        table.bind("zrevrangebyscore", (c, a) -> zrange(c, a, 1, null, RangeType.SCORE, true));
        table.bind("zrangebylex", (c, a) -> zrange(c, a, 1, null, RangeType.LEX, false));
        table.bind("zrevrangebylex", (c, a) -> zrange(c, a, 1, null, RangeType.LEX, true));
        table.bind("zremrangebyrank", (c, a) -> zremrange(c, a, RangeType.RANK));
        table.bind("zremrangebyscore", (c, a) -> zremrange(c, a, RangeType.SCORE));
        table.bind("zremrangebylex", (c, a) -> zremrange(c, a, RangeType.LEX));
        table.bind("zrandmember", ZSetCommands::zrandmember);
        table.bind("zscan", ZSetCommands::zscan);
        ZSetAlgebra.register(table);
        ZSetPops.register(table);
    }

    static ZSetValue read(Client client, byte[] key) {
        return TypeChecks.lookup(client, key, ObjectType.ZSET, WRONG);
    }

    /** As {@link #read}, counted in keyspace hits and misses (lookupKeyRead). */
    static ZSetValue readOnly(Client client, byte[] key) {
        return TypeChecks.lookupRead(client, key, ObjectType.ZSET, WRONG);
    }

    static void zadd(Client client, byte[][] argv, int flags) {
        int i = 2;
        boolean ch = false;
        for (; i < argv.length; i++) {
            byte[] opt = argv[i];
            if (Args.is(opt, "nx")) flags |= ZSetType.IN_NX;
            else if (Args.is(opt, "xx")) flags |= ZSetType.IN_XX;
            else if (Args.is(opt, "gt")) flags |= ZSetType.IN_GT;
            else if (Args.is(opt, "lt")) flags |= ZSetType.IN_LT;
            else if (Args.is(opt, "ch")) ch = true;
            else if (Args.is(opt, "incr")) flags |= ZSetType.IN_INCR;
            else break;
        }
        boolean incr = (flags & ZSetType.IN_INCR) != 0;
        boolean nx = (flags & ZSetType.IN_NX) != 0;
        boolean xx = (flags & ZSetType.IN_XX) != 0;
        boolean gt = (flags & ZSetType.IN_GT) != 0;
        boolean lt = (flags & ZSetType.IN_LT) != 0;
        int elements = argv.length - i;
        if (elements % 2 != 0 || elements == 0) {
            client.reply().error(Errors.SYNTAX);
            return;
        }
        elements /= 2;
        if (nx && xx) {
            client.reply().error("ERR XX and NX options at the same time are not compatible");
            return;
        }
        if ((gt && nx) || (lt && nx) || (gt && lt)) {
            client.reply().error("ERR GT, LT, and/or NX options at the same time are not compatible");
            return;
        }
        if (incr && elements > 1) {
            client.reply().error("ERR INCR option supports a single increment-element pair");
            return;
        }
        double[] scores = new double[elements];
        for (int j = 0; j < elements; j++) {
            Double s = Scores.parse(argv[i + j * 2]);
            if (s == null) {
                client.reply().error(Errors.NOT_FLOAT);
                return;
            }
            scores[j] = s;
        }
        byte[] key = argv[1];
        ZSetValue z = read(client, key);
        if (z == WRONG) return;
        ServerConfig config = client.server().config();
        long added = 0;
        long updated = 0;
        long processed = 0;
        double score = 0;
        if (z == null) {
            if (xx) {
                replyZadd(client, incr, ch, processed, score, added, updated);
                return;
            }
            z = ZSetType.createFor(argv[i + 1], config);
            client.db().add(key, z);
        }
        for (int j = 0; j < elements; j++) {
            ZSetType.AddResult r = ZSetType.add(z, scores[j], argv[i + j * 2 + 1], flags, config);
            if (r.has(ZSetType.OUT_NAN)) {
                client.reply().error("ERR resulting score is not a number (NaN)");
                finishZadd(client, key, z, incr, added, updated);
                return;
            }
            if (r.has(ZSetType.OUT_ADDED)) added++;
            if (r.has(ZSetType.OUT_UPDATED)) updated++;
            if (!r.has(ZSetType.OUT_NOP)) processed++;
            score = r.newScore();
        }
        replyZadd(client, incr, ch, processed, score, added, updated);
        finishZadd(client, key, z, incr, added, updated);
    }

    private static void replyZadd(Client client, boolean incr, boolean ch, long processed, double score, long added, long updated) {
        if (incr) {
            if (processed > 0) client.reply().doubleValue(score);
            else client.reply().nullBulk();
        } else {
            client.reply().integer(ch ? added + updated : added);
        }
    }

    private static void finishZadd(Client client, byte[] key, ZSetValue z, boolean incr, long added, long updated) {
        if (ZSetType.length(z) == 0) {
            // A key created for an element that then failed (NaN) must not stay empty.
            client.db().delete(key);
        }
        // blocked clients: the database signals a created key (dbAdd), as zaddGenericCommand relies on
        if (added > 0 || updated > 0) {
            notify(client, KeyspaceEvents.ZSET, incr ? "zincr" : "zadd", key);
        }
    }

    static void zrem(Client client, byte[][] argv) {
        ZSetValue z = read(client, argv[1]);
        if (z == WRONG) return;
        Changes.removeMembers(client, argv, z, ZSetType::remove, ZSetType::length, KeyspaceEvents.ZSET, "zrem");
    }

    static void zcard(Client client, byte[][] argv) {
        ZSetValue z = readOnly(client, argv[1]);
        if (z == WRONG) return;
        client.reply().integer(z == null ? 0 : ZSetType.length(z));
    }

    static void zscore(Client client, byte[][] argv) {
        ZSetValue z = readOnly(client, argv[1]);
        if (z == WRONG) return;
        Double s = z == null ? null : ZSetType.score(z, argv[2]);
        if (s == null) client.reply().nullBulk();
        else client.reply().doubleValue(s);
    }

    static void zmscore(Client client, byte[][] argv) {
        ZSetValue z = readOnly(client, argv[1]);
        if (z == WRONG) return;
        client.reply().arrayHeader(argv.length - 2);
        for (int i = 2; i < argv.length; i++) {
            Double s = z == null ? null : ZSetType.score(z, argv[i]);
            if (s == null) client.reply().nullBulk();
            else client.reply().doubleValue(s);
        }
    }

    static void zrank(Client client, byte[][] argv, boolean reverse) {
        ZSetValue z = readOnly(client, argv[1]);
        if (z == WRONG) return;
        long rank = z == null ? -1 : ZSetType.rank(z, argv[2]);
        if (rank < 0) client.reply().nullBulk();
        else client.reply().integer(reverse ? ZSetType.length(z) - 1 - rank : rank);
    }

    static void zcount(Client client, byte[][] argv, boolean lex) {
        Ranges.Span span = lex ? Ranges.lex(argv[2], argv[3]) : Ranges.score(argv[2], argv[3]);
        if (span == null) {
            client.reply().error(lex ? "ERR min or max not valid string range item" : "ERR min or max is not a float");
            return;
        }
        ZSetValue z = readOnly(client, argv[1]);
        if (z == WRONG) return;
        if (z == null) {
            client.reply().integer(0);
            return;
        }
        client.reply().integer(Math.max(0, span.end(z) - span.start(z)));
    }

    /**
     * zrangeGenericCommand: ZRANGE and ZRANGESTORE (any range type, REV, LIMIT) and the legacy
     * forms with their range type and direction fixed.
     */
    static void zrange(Client client, byte[][] argv, int keyArg, byte[] dst, RangeType type, Boolean reverse) {
        boolean withScores = false;
        long offset = 0;
        long limit = -1;
        for (int j = keyArg + 3; j < argv.length; j++) {
            int left = argv.length - j - 1;
            if (dst == null && Args.is(argv[j], "withscores")) {
                withScores = true;
            } else if (Args.is(argv[j], "limit") && left >= 2) {
                Long o = Args.parseLong(argv[j + 1]);
                Long l = o == null ? null : Args.parseLong(argv[j + 2]);
                if (o == null || l == null) {
                    client.reply().error(Errors.NOT_INTEGER);
                    return;
                }
                offset = o;
                limit = l;
                j += 2;
            } else if (reverse == null && Args.is(argv[j], "rev")) {
                reverse = true;
            } else if (type == RangeType.AUTO && Args.is(argv[j], "bylex")) {
                type = RangeType.LEX;
            } else if (type == RangeType.AUTO && Args.is(argv[j], "byscore")) {
                type = RangeType.SCORE;
            } else {
                client.reply().error(Errors.SYNTAX);
                return;
            }
        }
        if (reverse == null) reverse = false;
        if (type == RangeType.AUTO) type = RangeType.RANK;
        if (limit != -1 && type == RangeType.RANK) {
            client.reply().error("ERR syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX");
            return;
        }
        if (withScores && type == RangeType.LEX) {
            client.reply().error("ERR syntax error, WITHSCORES not supported in combination with BYLEX");
            return;
        }
        byte[] minArg = argv[keyArg + 1];
        byte[] maxArg = argv[keyArg + 2];
        if (reverse && type != RangeType.RANK) {
            byte[] t = minArg;
            minArg = maxArg;
            maxArg = t;
        }
        long start = 0;
        long end = 0;
        Ranges.Span span = null;
        if (type == RangeType.RANK) {
            Long s = Args.parseLong(minArg);
            Long e = s == null ? null : Args.parseLong(maxArg);
            if (s == null || e == null) {
                client.reply().error(Errors.NOT_INTEGER);
                return;
            }
            start = s;
            end = e;
        } else {
            span = type == RangeType.SCORE ? Ranges.score(minArg, maxArg) : Ranges.lex(minArg, maxArg);
            if (span == null) {
                client.reply().error(type == RangeType.SCORE ? "ERR min or max is not a float"
                        : "ERR min or max not valid string range item");
                return;
            }
        }
        ZSetValue z = readOnly(client, argv[keyArg]);
        if (z == WRONG) return;
        List<ZSetType.Entry> result;
        if (z == null) {
            result = List.of();
        } else if (type == RangeType.RANK) {
            long len = ZSetType.length(z);
            if (start < 0) start += len;
            if (end < 0) end += len;
            if (start < 0) start = 0;
            if (end >= len) end = len - 1;
            result = ZSetType.rangeByRank(z, start, end, reverse);
        } else {
            result = limitedRange(z, span, reverse, offset, limit);
        }
        if (dst == null) {
            replyEntries(client, result, withScores);
            return;
        }
        ZSetValue stored = ZSetType.createListpack();
        ServerConfig config = client.server().config();
        for (ZSetType.Entry e : result) ZSetType.add(stored, e.score(), e.member(), 0, config);
        storeResult(client, dst, stored, "zrangestore");
    }

    /** The elements of a score or lex span, walking up or down, after skipping offset, at most limit (-1: all). */
    private static List<ZSetType.Entry> limitedRange(ZSetValue z, Ranges.Span span, boolean reverse, long offset, long limit) {
        List<ZSetType.Entry> out = new ArrayList<>();
        long len = ZSetType.length(z);
        if (offset < 0 || (offset > 0 && offset >= len) || limit == 0) return out;
        if (!reverse) {
            long first = span.start(z);
            long[] skip = {offset};
            ZSetType.walk(z, first, true, (m, s) -> {
                if (!span.upToEnd().before(s, m)) return false;
                if (skip[0] > 0) {
                    skip[0]--;
                    return true;
                }
                out.add(new ZSetType.Entry(m, s));
                return limit < 0 || out.size() < limit;
            });
            return out;
        }
        long last = span.reverseStart(z);
        long[] skip = {offset};
        ZSetType.walk(z, last, false, (m, s) -> {
            if (span.beforeStart().before(s, m)) return false;
            if (skip[0] > 0) {
                skip[0]--;
                return true;
            }
            out.add(new ZSetType.Entry(m, s));
            return limit < 0 || out.size() < limit;
        });
        return out;
    }

    /** A range reply: members, with scores flat in RESP2 and as [member, score] pairs in RESP3. */
    static void replyEntries(Client client, List<ZSetType.Entry> entries, boolean withScores) {
        ReplyWriter out = client.reply();
        boolean pairs = withScores && out.resp3();
        out.arrayHeader(withScores && !pairs ? entries.size() * 2L : entries.size());
        for (ZSetType.Entry e : entries) {
            if (pairs) out.arrayHeader(2);
            out.bulk(e.member());
            if (withScores) out.doubleValue(e.score());
        }
    }

    /** A *STORE result replaces dst; an empty one deletes it. Replies the size. */
    static void storeResult(Client client, byte[] dst, ZSetValue result, String event) {
        long len = ZSetType.length(result);
        if (len == 0) {
            if (client.db().delete(dst)) notify(client, KeyspaceEvents.GENERIC, "del", dst);
            client.reply().integer(0);
            return;
        }
        // setKey signals dst ready only when it creates it, as Redis 7.0.15's setKey does
        client.db().setKey(dst, result, false);
        notify(client, KeyspaceEvents.ZSET, event, dst);
        client.reply().integer(len);
    }

    static void zremrange(Client client, byte[][] argv, RangeType type) {
        Ranges.Span span = null;
        long start = 0;
        long end = 0;
        if (type == RangeType.RANK) {
            Long s = Args.parseLong(argv[2]);
            Long e = s == null ? null : Args.parseLong(argv[3]);
            if (s == null || e == null) {
                client.reply().error(Errors.NOT_INTEGER);
                return;
            }
            start = s;
            end = e;
        } else {
            span = type == RangeType.SCORE ? Ranges.score(argv[2], argv[3]) : Ranges.lex(argv[2], argv[3]);
            if (span == null) {
                client.reply().error(type == RangeType.SCORE ? "ERR min or max is not a float"
                        : "ERR min or max not valid string range item");
                return;
            }
        }
        ZSetValue z = read(client, argv[1]);
        if (z == WRONG) return;
        if (z == null) {
            client.reply().integer(0);
            return;
        }
        long from;
        long toExclusive;
        if (type == RangeType.RANK) {
            long len = ZSetType.length(z);
            if (start < 0) start += len;
            if (end < 0) end += len;
            if (start < 0) start = 0;
            if (start > end || start >= len) {
                client.reply().integer(0);
                return;
            }
            if (end >= len) end = len - 1;
            from = start;
            toExclusive = end + 1;
        } else {
            from = span.start(z);
            toExclusive = span.end(z);
        }
        long deleted = ZSetType.deleteRankRange(z, from, toExclusive);
        if (deleted > 0) {
            String event = switch (type) {
                case RANK -> "zremrangebyrank";
                case SCORE -> "zremrangebyscore";
                default -> "zremrangebylex";
            };
            notify(client, KeyspaceEvents.ZSET, event, argv[1]);
            if (ZSetType.length(z) == 0) {
                client.db().delete(argv[1]);
                notify(client, KeyspaceEvents.GENERIC, "del", argv[1]);
            }
        }
        client.reply().integer(deleted);
    }

    static void zrandmember(Client client, byte[][] argv) {
        if (argv.length >= 3) {
            zrandmemberWithCount(client, argv);
            return;
        }
        ZSetValue z = readOnly(client, argv[1]);
        if (z == WRONG) return;
        if (z == null) {
            client.reply().nullBulk();
            return;
        }
        List<ZSetType.Entry> all = ZSetType.entries(z);
        client.reply().bulk(all.get(RandomPicks.one(all.size())).member());
    }

    private static void zrandmemberWithCount(Client client, byte[][] argv) {
        RandomCount request = RandomCount.parseWithPairs(client, argv, "withscores");
        if (request == null) return;
        ZSetValue z = readOnly(client, argv[1]);
        if (z == WRONG) return;
        if (z == null || request.count() == 0) {
            client.reply().emptyArray();
            return;
        }
        List<ZSetType.Entry> all = ZSetType.entries(z);
        if (request.count() >= all.size()) {
            // Redis answers the whole set through its reverse rank range.
            replyEntries(client, ZSetType.rangeByRank(z, 0, all.size() - 1, true), request.withPairs());
            return;
        }
        List<ZSetType.Entry> picked = new ArrayList<>();
        for (int i : RandomPicks.pick(all.size(), request.count())) picked.add(all.get(i));
        replyEntries(client, picked, request.withPairs());
    }

    static void zscan(Client client, byte[][] argv) {
        Long cursor = Scan.parseCursor(client, argv[2]);
        if (cursor == null) return;
        ZSetValue z = readOnly(client, argv[1]);
        if (z == WRONG) return;
        Scan.run(client, argv, cursor, 2, z == null ? null : (from, count, out) -> ZSetType.scan(z, from, count, out));
    }

    static void notify(Client client, int type, String event, byte[] key) {
        Changes.report(client, type, event, key);
    }
}
