package dev.verdict.server.type.zset;

import dev.verdict.server.client.Client;
import dev.verdict.server.command.Args;
import dev.verdict.server.command.CommandTable;
import dev.verdict.server.command.Errors;
import dev.verdict.server.config.ServerConfig;
import dev.verdict.server.db.BytesKey;
import dev.verdict.server.db.ObjectType;
import dev.verdict.server.db.RedisObject;
import dev.verdict.server.type.set.SetType;
import dev.verdict.server.type.set.SetValue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** ZUNION, ZINTER, ZDIFF, their STORE forms and ZINTERCARD (zunionInterDiffGenericCommand). Sets count as score 1. */
final class ZSetAlgebra {

    enum Op { UNION, INTER, DIFF }

    enum Aggregate { SUM, MIN, MAX }

    private ZSetAlgebra() {
    }

    static void register(CommandTable table) {
        table.bind("zunion", (c, a) -> run(c, a, 1, null, Op.UNION, false));
        table.bind("zinter", (c, a) -> run(c, a, 1, null, Op.INTER, false));
        table.bind("zdiff", (c, a) -> run(c, a, 1, null, Op.DIFF, false));
        table.bind("zunionstore", (c, a) -> run(c, a, 2, a[1], Op.UNION, false));
        table.bind("zinterstore", (c, a) -> run(c, a, 2, a[1], Op.INTER, false));
        table.bind("zdiffstore", (c, a) -> run(c, a, 2, a[1], Op.DIFF, false));
        table.bind("zintercard", (c, a) -> run(c, a, 1, null, Op.INTER, true));
    }

    /** One input: its elements (member to score) and weight. */
    private static final class Source {
        final LinkedHashMap<BytesKey, Double> elements = new LinkedHashMap<>();
        double weight = 1.0;
    }

    static void run(Client client, byte[][] argv, int numKeysArg, byte[] dst, Op op, boolean cardinalityOnly) {
        Long numKeys = Args.parseLong(argv[numKeysArg]);
        if (numKeys == null) {
            client.reply().error(Errors.NOT_INTEGER);
            return;
        }
        if (numKeys < 1) {
            client.reply().error("ERR at least 1 input key is needed for '" + Args.utf8(argv[0]).toLowerCase(java.util.Locale.ROOT) + "' command");
            return;
        }
        if (numKeys > argv.length - (numKeysArg + 1)) {
            client.reply().error(Errors.SYNTAX);
            return;
        }
        int n = numKeys.intValue();
        Source[] sources = new Source[n];
        int j = numKeysArg + 1;
        for (int i = 0; i < n; i++, j++) {
            RedisObject o = client.db().lookupRead(argv[j]);
            Source s = new Source();
            if (o != null) {
                if (o.type() == ObjectType.ZSET) {
                    ZSetType.forEach((ZSetValue) o, e -> s.elements.put(new BytesKey(e.member()), e.score()));
                } else if (o.type() == ObjectType.SET) {
                    SetType.forEach((SetValue) o, m -> s.elements.put(new BytesKey(m), 1.0));
                } else {
                    client.reply().error(Errors.WRONGTYPE);
                    return;
                }
            }
            sources[i] = s;
        }
        Aggregate aggregate = Aggregate.SUM;
        boolean withScores = false;
        long limit = 0;
        int remaining = argv.length - j;
        while (remaining > 0) {
            if (op != Op.DIFF && !cardinalityOnly && remaining >= n + 1 && Args.is(argv[j], "weights")) {
                j++;
                remaining--;
                for (int i = 0; i < n; i++, j++, remaining--) {
                    Double w = Scores.parse(argv[j]);
                    if (w == null) {
                        client.reply().error("ERR weight value is not a float");
                        return;
                    }
                    sources[i].weight = w;
                }
            } else if (op != Op.DIFF && !cardinalityOnly && remaining >= 2 && Args.is(argv[j], "aggregate")) {
                j++;
                if (Args.is(argv[j], "sum")) aggregate = Aggregate.SUM;
                else if (Args.is(argv[j], "min")) aggregate = Aggregate.MIN;
                else if (Args.is(argv[j], "max")) aggregate = Aggregate.MAX;
                else {
                    client.reply().error(Errors.SYNTAX);
                    return;
                }
                j++;
                remaining -= 2;
            } else if (remaining >= 1 && dst == null && !cardinalityOnly && Args.is(argv[j], "withscores")) {
                j++;
                remaining--;
                withScores = true;
            } else if (cardinalityOnly && remaining >= 2 && Args.is(argv[j], "limit")) {
                Long l = Args.parseLong(argv[j + 1]);
                if (l == null || l < 0) {
                    client.reply().error("ERR LIMIT can't be negative");
                    return;
                }
                limit = l;
                j += 2;
                remaining -= 2;
            } else {
                client.reply().error(Errors.SYNTAX);
                return;
            }
        }
        LinkedHashMap<BytesKey, Double> result = compute(sources, op, aggregate);
        if (cardinalityOnly) {
            client.reply().integer(limit > 0 ? Math.min(limit, result.size()) : result.size());
            return;
        }
        ZSetValue z = ZSetType.createSkiplist();
        ServerConfig config = client.server().config();
        for (Map.Entry<BytesKey, Double> e : result.entrySet()) ZSetType.add(z, e.getValue(), e.getKey().bytes(), 0, config);
        if (dst == null) {
            ZSetCommands.replyEntries(client, ZSetType.entries(z), withScores);
            return;
        }
        ZSetType.convertToListpackIfNeeded(z, config);
        String event = switch (op) {
            case UNION -> "zunionstore";
            case INTER -> "zinterstore";
            case DIFF -> "zdiffstore";
        };
        ZSetCommands.storeResult(client, dst, z, event);
    }

    private static LinkedHashMap<BytesKey, Double> compute(Source[] sources, Op op, Aggregate aggregate) {
        LinkedHashMap<BytesKey, Double> out = new LinkedHashMap<>();
        switch (op) {
            case UNION -> {
                for (Source s : sources) {
                    for (Map.Entry<BytesKey, Double> e : s.elements.entrySet()) {
                        double v = weighted(s, e.getValue());
                        Double old = out.get(e.getKey());
                        out.put(e.getKey(), old == null ? v : combine(aggregate, old, v));
                    }
                }
            }
            case INTER -> {
                Source[] bySize = Arrays.copyOf(sources, sources.length);
                Arrays.sort(bySize, Comparator.comparingInt(s -> s.elements.size()));
                if (bySize[0].elements.isEmpty()) return out;
                outer:
                for (Map.Entry<BytesKey, Double> e : bySize[0].elements.entrySet()) {
                    double v = weighted(bySize[0], e.getValue());
                    for (int i = 1; i < bySize.length; i++) {
                        Double other = bySize[i].elements.get(e.getKey());
                        if (other == null) continue outer;
                        v = combine(aggregate, v, weighted(bySize[i], other));
                    }
                    out.put(e.getKey(), v);
                }
            }
            case DIFF -> {
                List<Source> others = new ArrayList<>(Arrays.asList(sources).subList(1, sources.length));
                outer:
                for (Map.Entry<BytesKey, Double> e : sources[0].elements.entrySet()) {
                    for (Source o : others) if (o.elements.containsKey(e.getKey())) continue outer;
                    out.put(e.getKey(), e.getValue());
                }
            }
        }
        return out;
    }

    private static double weighted(Source s, double score) {
        double v = s.weight * score;
        return Double.isNaN(v) ? 0 : v;
    }

    private static double combine(Aggregate aggregate, double a, double b) {
        return switch (aggregate) {
            case SUM -> {
                double v = a + b;
                yield Double.isNaN(v) ? 0 : v;
            }
            case MIN -> Math.min(a, b);
            case MAX -> Math.max(a, b);
        };
    }
}
