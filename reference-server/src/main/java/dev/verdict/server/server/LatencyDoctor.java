package dev.verdict.server.server;

import dev.verdict.server.config.ServerConfig;

import java.util.Locale;
import java.util.Map;

/**
 * LATENCY DOCTOR: Redis's createLatencyReport, its HAL 9000 sentences and advice, over the
 * latency monitor's events. No fork happens here, so a {@code fork} event would rate as Redis
 * rates a fork rate of 0; the transparent-huge-pages advice is never given (Redis checks its own
 * process's AnonHugePages, which a JVM's heap does not stand for).
 */
final class LatencyDoctor {

    private LatencyDoctor() {
    }

    /** Redis's advice flags, in the order the report prints them. */
    private enum Advice {
        BETTER_VM("- If you are using a virtual machine, consider upgrading it with a faster one using a hypervisior that provides less latency during fork() calls. Xen is known to have poor fork() performance. Even in the context of the same VM provider, certain kinds of instances can execute fork faster than others.\n"),
        SLOWLOG_ENABLED("- There are latency issues with potentially slow commands you are using. Try to enable the Slow Log Redis feature using the command 'CONFIG SET slowlog-log-slower-than %d'. If the Slow log is disabled Redis is not able to log slow commands execution for you.\n"),
        SLOWLOG_TUNING("- Your current Slow Log configuration only logs events that are slower than your configured latency monitor threshold. Please use 'CONFIG SET slowlog-log-slower-than %d'.\n"),
        SLOWLOG_INSPECT("- Check your Slow Log to understand what are the commands you are running which are too slow to execute. Please check https://redis.io/commands/slowlog for more information.\n"),
        SCHEDULER("- The system is slow to execute Redis code paths not containing system calls. This usually means the system does not provide Redis CPU time to run for long periods. You should try to:\n"
                + "  1) Lower the system load.\n"
                + "  2) Use a computer / VM just for Redis if you are running other software in the same system.\n"
                + "  3) Check if you have a \"noisy neighbour\" problem.\n"
                + "  4) Check with 'redis-cli --intrinsic-latency 100' what is the intrinsic latency in your system.\n"
                + "  5) Check if the problem is allocator-related by recompiling Redis with MALLOC=libc, if you are using Jemalloc. However this may create fragmentation problems.\n"),
        LOCAL_DISK("- It is strongly advised to use local disks for persistence, especially if you are using AOF. Remote disks provided by platform-as-a-service providers are known to be slow.\n"),
        SSD("- SSD disks are able to reduce fsync latency, and total time needed for snapshotting and AOF log rewriting (resulting in smaller memory usage and smaller final AOF rewrite buffer flushes). With extremely high write load SSD disks can be a good option. However Redis should perform reasonably with high load using normal disks. Use this advice as a last resort.\n"),
        DATA_WRITEBACK("- Mounting ext3/4 filesystems with data=writeback can provide a performance boost compared to data=ordered, however this mode of operation provides less guarantees, and sometimes it can happen that after a hard crash the AOF file will have a half-written command at the end and will require to be repaired before Redis restarts.\n"),
        DISK_CONTENTION("- Try to lower the disk contention. This is often caused by other disk intensive processes running in the same computer (including other Redis instances).\n"),
        NO_APPENDFSYNC("- Assuming from the point of view of data safety this is viable in your environment, you could try to enable the 'no-appendfsync-on-rewrite' option, so that fsync will not be performed while there is a child rewriting the AOF file or producing an RDB file (the moment where there is high disk contention).\n"),
        RELAX_FSYNC("- Your fsync policy is set to 'always'. It is very hard to get good performances with such a setup, if possible try to relax the fsync policy to 'onesec'.\n"),
        WRITE_LOAD_INFO("- Latency during the AOF atomic rename operation or when the final difference is flushed to the AOF file at the end of the rewrite, sometimes is caused by very high write load, causing the AOF buffer to get very large. If possible try to send less commands to accomplish the same work, or use Lua scripts to group multiple operations into a single EVALSHA call.\n"),
        HZ("- In order to make the Redis keys expiring process more incremental, try to set the 'hz' configuration parameter to 100 using 'CONFIG SET hz 100'.\n"),
        LARGE_OBJECTS("- Deleting, expiring or evicting (because of maxmemory policy) large objects is a blocking operation. If you have very large objects that are often deleted, expired, or evicted, try to fragment those objects into multiple smaller objects.\n"),
        MASS_EVICTION("- Sudden changes to the 'maxmemory' setting via 'CONFIG SET', or allocation of large objects via sets or sorted sets intersections, STORE option of SORT, Redis Cluster large keys migrations (RESTORE command), may create sudden memory pressure forcing the server to block trying to evict keys. \n");

        final String text;

        Advice(String text) {
            this.text = text;
        }
    }

    static String report(LatencyMonitor monitor, ServerConfig config, long threshold, long nowSeconds) {
        Map<String, LatencyMonitor.Series> events = monitor.events();
        if (events.isEmpty() && threshold == 0) {
            return "I'm sorry, Dave, I can't do that. Latency monitoring is disabled in this Redis instance. You may use \"CONFIG SET latency-monitor-threshold <milliseconds>.\" in order to enable it. If we weren't in a deep space mission I'd suggest to take a look at https://redis.io/topics/latency-monitor.\n";
        }
        StringBuilder out = new StringBuilder();
        boolean[] advise = new boolean[Advice.values().length];
        int advices = 0;
        int eventNum = 0;
        for (Map.Entry<String, LatencyMonitor.Series> e : events.entrySet()) {
            String event = e.getKey();
            LatencyMonitor.Series s = e.getValue();
            eventNum++;
            if (eventNum == 1) {
                out.append("Dave, I have observed latency spikes in this Redis instance. You don't mind talking about it, do you Dave?\n\n");
            }
            Stats stats = Stats.of(s, nowSeconds);
            out.append(String.format(Locale.ROOT,
                    "%d. %s: %d latency spikes (average %dms, mean deviation %dms, period %.2f sec). Worst all time event %dms.",
                    eventNum, event, stats.samples, stats.avg, stats.mad, (double) stats.period / stats.samples, s.max));
            switch (event.toLowerCase(Locale.ROOT)) {
                case "fork" -> {
                    out.append(String.format(Locale.ROOT, " Fork rate is %.2f GB/sec (%s).", 0.0, "terrible"));
                    advices += flag(advise, Advice.BETTER_VM);
                }
                case "command" -> {
                    long slowlog = config.getLong("slowlog-log-slower-than");
                    if (slowlog < 0) advices += flag(advise, Advice.SLOWLOG_ENABLED);
                    else if (slowlog / 1000 > threshold) advices += flag(advise, Advice.SLOWLOG_TUNING);
                    advices += flag(advise, Advice.SLOWLOG_INSPECT, Advice.LARGE_OBJECTS);
                }
                case "fast-command" -> advices += flag(advise, Advice.SCHEDULER);
                case "aof-write-pending-fsync" -> advices += flag(advise, Advice.LOCAL_DISK, Advice.DISK_CONTENTION,
                        Advice.SSD, Advice.DATA_WRITEBACK);
                case "aof-write-active-child" -> advices += flag(advise, Advice.NO_APPENDFSYNC, Advice.DATA_WRITEBACK, Advice.SSD);
                case "aof-write-alone" -> advices += flag(advise, Advice.LOCAL_DISK, Advice.DATA_WRITEBACK, Advice.SSD);
                case "aof-fsync-always" -> advices += flag(advise, Advice.RELAX_FSYNC);
                case "aof-fstat", "rdb-unlink-temp-file" -> advices += flag(advise, Advice.DISK_CONTENTION, Advice.LOCAL_DISK);
                case "aof-rewrite-diff-write", "aof-rename" -> advices += flag(advise, Advice.WRITE_LOAD_INFO,
                        Advice.DATA_WRITEBACK, Advice.SSD, Advice.LOCAL_DISK);
                case "expire-cycle" -> advices += flag(advise, Advice.HZ, Advice.LARGE_OBJECTS);
                case "eviction-del" -> advices += flag(advise, Advice.LARGE_OBJECTS);
                case "eviction-cycle" -> advices += flag(advise, Advice.MASS_EVICTION);
                default -> {
                }
            }
            out.append('\n');
        }
        if (eventNum == 0 && advices == 0) {
            out.append("Dave, no latency spike was observed during the lifetime of this Redis instance, not in the slightest bit. I honestly think you ought to sit down calmly, take a stress pill, and think things over.\n");
        } else if (eventNum > 0 && advices == 0) {
            out.append("\nWhile there are latency events logged, I'm not able to suggest any easy fix. Please use the Redis community to get some help, providing this report in your help request.\n");
        } else {
            out.append("\nI have a few advices for you:\n\n");
            for (Advice a : Advice.values()) {
                if (!advise[a.ordinal()]) continue;
                // Two pieces of advice are given only when the setting they name is still the problem.
                if (a == Advice.RELAX_FSYNC && !"always".equals(config.get("appendfsync"))) continue;
                if (a == Advice.HZ && config.getLong("hz") >= 100) continue;
                out.append(a.text.contains("%d") ? String.format(Locale.ROOT, a.text, threshold * 1000) : a.text);
            }
        }
        return out.toString();
    }

    /** Sets the flags and returns how many Redis counts (each flag it sets, even if already set). */
    private static int flag(boolean[] advise, Advice... set) {
        for (Advice a : set) advise[a.ordinal()] = true;
        return set.length;
    }

    /** analyzeLatencyForEvent: sample count, integer average and mean deviation, seconds since the oldest. */
    private record Stats(int samples, long avg, long mad, long period) {
        static Stats of(LatencyMonitor.Series s, long now) {
            int samples = 0;
            long sum = 0;
            long oldest = 0;
            for (int j = 0; j < s.times.length; j++) {
                if (s.times[j] == 0) continue;
                samples++;
                sum += s.latencies[j];
                if (oldest == 0 || s.times[j] < oldest) oldest = s.times[j];
            }
            if (samples == 0) return new Stats(0, 0, 0, 0);
            long avg = sum / samples;
            long period = now - oldest;
            if (period == 0) period = 1;
            long deviations = 0;
            for (int j = 0; j < s.times.length; j++) {
                if (s.times[j] != 0) deviations += Math.abs(avg - s.latencies[j]);
            }
            return new Stats(samples, avg, deviations / samples, period);
        }
    }
}
