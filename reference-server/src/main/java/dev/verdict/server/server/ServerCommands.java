package dev.verdict.server.server;

import dev.verdict.server.ServerContext;
import dev.verdict.server.client.Client;
import dev.verdict.server.command.Args;
import dev.verdict.server.command.CommandFamily;
import dev.verdict.server.command.CommandSpec;
import dev.verdict.server.command.CommandTable;
import dev.verdict.server.command.Errors;
import dev.verdict.server.command.Help;
import dev.verdict.server.command.LatencyHistogram;
import dev.verdict.server.db.MemoryFootprint;
import dev.verdict.server.db.RedisObject;
import dev.verdict.server.resp.ReplyWriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** TIME, SLOWLOG, LATENCY, MEMORY, MONITOR, SHUTDOWN (its wait is {@link ShutdownSequence}), LOLWUT. */
public final class ServerCommands implements CommandFamily {

    @Override
    public void register(CommandTable table) {
        table.bind("time", ServerCommands::time);
        table.bind("slowlog|get", ServerCommands::slowlogGet);
        table.bind("slowlog|len", (c, argv) -> c.reply().integer(c.server().slowLog().entries().size()));
        table.bind("slowlog|reset", (c, argv) -> {
            c.server().slowLog().reset();
            c.reply().ok();
        });
        table.bind("slowlog|help", (c, argv) -> Help.reply(c, "SLOWLOG",
                "GET [<count>]",
                "    Return top <count> entries from the slowlog (default: 10, -1 mean all).",
                "    Entries are made of:",
                "    id, timestamp, time in microseconds, arguments array, client IP and port,",
                "    client name",
                "LEN",
                "    Return the length of the slowlog.",
                "RESET",
                "    Reset the slowlog."));
        table.bind("latency|latest", ServerCommands::latencyLatest);
        table.bind("latency|history", ServerCommands::latencyHistory);
        table.bind("latency|reset", (c, argv) -> {
            String[] names = new String[argv.length - 2];
            for (int i = 2; i < argv.length; i++) names[i - 2] = Args.utf8(argv[i]);
            c.reply().integer(c.server().latency().reset(names));
        });
        table.bind("latency|histogram", ServerCommands::latencyHistogram);
        table.bind("latency|doctor", (c, argv) -> c.reply().verbatim("txt", LatencyDoctor.report(c.server().latency(),
                c.server().config(), c.server().config().getLong("latency-monitor-threshold"), System.currentTimeMillis() / 1000)));
        table.bind("latency|graph", ServerCommands::latencyGraph);
        table.bind("latency|help", (c, argv) -> Help.reply(c, "LATENCY",
                "DOCTOR",
                "    Return a human readable latency analysis report.",
                "GRAPH <event>",
                "    Return an ASCII latency graph for the <event> class.",
                "HISTORY <event>",
                "    Return time-latency samples for the <event> class.",
                "LATEST",
                "    Return the latest latency samples for all events.",
                "RESET [<event> ...]",
                "    Reset latency data of one or more <event> classes.",
                "    (default: reset all data for all event classes)",
                "HISTOGRAM [COMMAND ...]",
                "    Return a cumulative distribution of latencies in the format of a histogram for the specified command names.",
                "    If no commands are specified then all histograms are replied."));
        table.bind("memory|usage", ServerCommands::memoryUsage);
        table.bind("memory|stats", (c, argv) -> new MemoryOverhead(c.server()).reply(c.reply()));
        table.bind("memory|doctor", (c, argv) -> c.reply().verbatim("txt", MemoryDoctor.report(c.server())));
        // Redis built without jemalloc answers this, a plain bulk string even in RESP3 (jemalloc's report is verbatim);
        // ours has no allocator to describe
        table.bind("memory|malloc-stats", (c, argv) -> c.reply().bulk("Stats not supported for the current allocator"));
        // Redis asks jemalloc to purge dirty pages and answers OK whatever the allocator
        table.bind("memory|purge", (c, argv) -> c.reply().ok());
        table.bind("memory|help", (c, argv) -> Help.reply(c, "MEMORY",
                "DOCTOR",
                "    Return memory problems reports.",
                "MALLOC-STATS",
                "    Return internal statistics report from the memory allocator.",
                "PURGE",
                "    Attempt to purge dirty pages for reclamation by the allocator.",
                "STATS",
                "    Return information about the memory usage of the server.",
                "USAGE <key> [SAMPLES <count>]",
                "    Return memory in bytes used by <key> and its value. Nested values are",
                "    sampled up to <count> times (default: 5, 0 means sample all)."));
        table.bind("monitor", ServerCommands::monitor);
        table.bind("shutdown", ServerCommands::shutdown);
        table.bind("lolwut", ServerCommands::lolwut);
    }

    private static void time(Client client, byte[][] argv) {
        long micros = System.currentTimeMillis() * 1000 + (System.nanoTime() / 1000) % 1000;
        client.reply().arrayHeader(2);
        client.reply().bulkLong(micros / 1_000_000);
        client.reply().bulkLong(micros % 1_000_000);
    }

    private static void slowlogGet(Client client, byte[][] argv) {
        long count = 10;
        if (argv.length == 3) {
            Long parsed = Args.parseLong(argv[2]);
            if (parsed == null || parsed < -1) {
                client.reply().error("ERR count should be greater than or equal to -1");
                return;
            }
            count = parsed == -1 ? Long.MAX_VALUE : parsed;
        }
        var entries = client.server().slowLog().entries();
        long n = Math.min(count, entries.size());
        ReplyWriter reply = client.reply();
        reply.arrayHeader(n);
        var it = entries.iterator();
        for (long i = 0; i < n; i++) {
            SlowLog.Entry e = it.next();
            reply.arrayHeader(6);
            reply.integer(e.id());
            reply.integer(e.unixSeconds());
            reply.integer(e.micros());
            reply.arrayHeader(e.argv().length);
            for (byte[] arg : e.argv()) reply.bulk(arg);
            reply.bulk(e.clientAddress());
            reply.bulk(e.clientName());
        }
    }

    private static void latencyLatest(Client client, byte[][] argv) {
        Map<String, LatencyMonitor.Series> events = client.server().latency().events();
        ReplyWriter reply = client.reply();
        reply.arrayHeader(events.size());
        for (Map.Entry<String, LatencyMonitor.Series> e : events.entrySet()) {
            LatencyMonitor.Series s = e.getValue();
            int last = s.latestIndex();
            reply.arrayHeader(4);
            reply.bulk(e.getKey());
            reply.integer(s.times[last]);
            reply.integer(s.latencies[last]);
            reply.integer(s.max);
        }
    }

    private static void latencyHistory(Client client, byte[][] argv) {
        LatencyMonitor.Series s = client.server().latency().events().get(Args.utf8(argv[2]));
        ReplyWriter reply = client.reply();
        if (s == null) {
            reply.emptyArray();
            return;
        }
        reply.arrayHeader(s.count());
        int size = s.times.length;
        for (int i = 0; i < size; i++) {
            int j = (s.next + i) % size;
            if (s.times[j] == 0) continue;
            reply.arrayHeader(2);
            reply.integer(s.times[j]);
            reply.integer(s.latencies[j]);
        }
    }

    /**
     * LATENCY HISTOGRAM [command ...]: each named command (a container names its subcommands) that
     * has a histogram, or every one when none is named, as Redis's latencySpecificCommandsFillCDF.
     * Unknown names are skipped.
     */
    private static void latencyHistogram(Client client, byte[][] argv) {
        List<CommandSpec> tracked = new ArrayList<>();
        CommandTable table = client.server().commands();
        if (argv.length == 2) {
            for (CommandSpec spec : table.all()) collectTracked(spec, tracked);
        } else {
            for (int i = 2; i < argv.length; i++) {
                CommandSpec spec = table.find(CommandTable.lowerAscii(argv[i]));
                if (spec != null) collectTracked(spec, tracked);
            }
        }
        ReplyWriter reply = client.reply();
        reply.mapHeader(tracked.size());
        for (CommandSpec spec : tracked) {
            LatencyHistogram h = spec.stats().latency;
            reply.bulk(spec.fullName());
            reply.mapHeader(2);
            reply.bulk("calls");
            reply.integer(h.count());
            reply.bulk("histogram_usec");
            reply.mapHeader(h.cumulativeBucketCount());
            h.forEachCumulativeBucket((usec, calls) -> {
                reply.integer(usec);
                reply.integer(calls);
                return 0;
            });
        }
    }

    private static void collectTracked(CommandSpec spec, List<CommandSpec> into) {
        if (tracked(spec)) into.add(spec);
        for (CommandSpec sub : spec.subcommands().values()) {
            if (tracked(sub)) into.add(sub);
        }
    }

    /** CONFIG RESETSTAT frees Redis's histograms; ours are emptied, so an empty one counts as none. */
    private static boolean tracked(CommandSpec spec) {
        return spec.stats().latency != null && spec.stats().latency.count() > 0;
    }

    private static void latencyGraph(Client client, byte[][] argv) {
        String event = Args.utf8(argv[2]);
        LatencyMonitor.Series s = client.server().latency().events().get(event);
        if (s == null) {
            client.reply().error("ERR No samples available for event '" + event + "'");
            return;
        }
        client.reply().verbatim("txt", LatencyGraph.render(event, s, System.currentTimeMillis() / 1000));
    }

    /**
     * MEMORY USAGE key [SAMPLES n]: the keyspace's estimate of what Redis allocates for the value,
     * plus the key's sds and its dict entry, as Redis adds them. Values are measured whole, so
     * SAMPLES only gets validated.
     */
    private static void memoryUsage(Client client, byte[][] argv) {
        for (int i = 3; i < argv.length; i += 2) {
            if (!Args.is(argv[i], "SAMPLES") || i + 1 >= argv.length) {
                client.reply().error(Errors.SYNTAX);
                return;
            }
            Long samples = Args.parseLong(argv[i + 1]);
            if (samples == null) {
                client.reply().error(Errors.NOT_INTEGER);
                return;
            }
            if (samples < 0) {
                client.reply().error(Errors.SYNTAX);
                return;
            }
        }
        RedisObject value = client.db().lookup(argv[2]);
        if (value == null) {
            client.reply().nullBulk();
            return;
        }
        client.reply().integer(value.memoryUsage() + MemoryFootprint.sds(argv[2].length) + MemoryFootprint.DICT_ENTRY);
    }

    private static void monitor(Client client, byte[][] argv) {
        // Redis ignores MONITOR from a client that already is a monitor (or a replica).
        if (client.monitor()) return;
        client.monitor(true);
        client.server().monitors().add(client);
        client.reply().ok();
    }

    /** shutdownCommand: the modifiers, SHUTDOWN ABORT, then the {@link ShutdownSequence}. */
    private static void shutdown(Client client, byte[][] argv) {
        boolean abort = false;
        boolean save = false;
        boolean nosave = false;
        boolean now = false;
        boolean force = false;
        for (int i = 1; i < argv.length; i++) {
            if (Args.is(argv[i], "NOSAVE")) nosave = true;
            else if (Args.is(argv[i], "SAVE")) save = true;
            else if (Args.is(argv[i], "NOW")) now = true;
            else if (Args.is(argv[i], "FORCE")) force = true;
            else if (Args.is(argv[i], "ABORT")) abort = true;
            else {
                client.reply().error(Errors.SYNTAX);
                return;
            }
        }
        if ((abort && (save || nosave || now || force)) || (save && nosave)) {
            client.reply().error(Errors.SYNTAX);
            return;
        }
        ShutdownSequence sequence = client.server().shutdownSequence();
        if (abort) {
            if (sequence.abort()) client.reply().ok();
            else client.reply().error("ERR No shutdown in progress.");
            return;
        }
        if (!now && client.denyBlocking()) {
            client.reply().error("ERR SHUTDOWN without NOW or ABORT isn't allowed for DENY BLOCKING client");
            return;
        }
        sequence.request(client, new ShutdownSequence.Flags(save, nosave, now, force));
    }

    /** LOLWUT: the version line; Redis 7.0's version-5/6 drawings are random art we do not reproduce. */
    private static void lolwut(Client client, byte[][] argv) {
        if (argv.length > 1 && !(argv.length >= 3 && Args.is(argv[1], "VERSION"))) {
            client.reply().error(Errors.SYNTAX);
            return;
        }
        if (argv.length >= 3 && Args.parseLong(argv[2]) == null) {
            client.reply().error(Errors.NOT_INTEGER);
            return;
        }
        client.reply().verbatim("txt", "Redis ver. " + ServerContext.REDIS_VERSION + "\n");
    }
}
