package dev.verdict.server.server;

import dev.verdict.server.ServerContext;
import dev.verdict.server.client.Client;
import dev.verdict.server.command.Args;
import dev.verdict.server.command.CommandFamily;
import dev.verdict.server.command.CommandSpec;
import dev.verdict.server.command.CommandTable;
import dev.verdict.server.db.Database;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * INFO: Redis 7.0.15's sections and field names, in its order, with our values. Fields that
 * describe machinery we do not have (forks, AOF, jemalloc) keep Redis's idle values so tools
 * that parse them keep working.
 */
public final class InfoCommand implements CommandFamily {

    private static final List<String> DEFAULT_SECTIONS = List.of(
            "server", "clients", "memory", "persistence", "stats", "replication", "cpu", "modules", "errorstats",
            "cluster", "keyspace");
    private static final List<String> ALL_SECTIONS = List.of(
            "server", "clients", "memory", "persistence", "stats", "replication", "cpu", "modules", "commandstats",
            "errorstats", "latencystats", "cluster", "keyspace");

    private static long peakMemory;

    @Override
    public void register(CommandTable table) {
        table.bind("info", InfoCommand::info);
    }

    private static void info(Client client, byte[][] argv) {
        Set<String> wanted = new LinkedHashSet<>();
        if (argv.length == 1) wanted.addAll(DEFAULT_SECTIONS);
        for (int i = 1; i < argv.length; i++) {
            String s = Args.utf8(argv[i]).toLowerCase(Locale.ROOT);
            switch (s) {
                case "default" -> wanted.addAll(DEFAULT_SECTIONS);
                case "all", "everything" -> wanted.addAll(ALL_SECTIONS);
                default -> wanted.add(s);
            }
        }
        client.reply().verbatim("txt", render(client.server(), wanted));
    }

    /** The INFO text for the given lower-case section names, in Redis's section order. */
    public static String render(ServerContext server, Set<String> wanted) {
        StringBuilder out = new StringBuilder();
        int sections = 0;
        for (String section : ALL_SECTIONS) {
            if (!wanted.contains(section)) continue;
            if (sections++ > 0) out.append("\r\n");
            switch (section) {
                case "server" -> server(server, out);
                case "clients" -> clients(server, out);
                case "memory" -> memory(server, out);
                case "persistence" -> persistence(server, out);
                case "stats" -> stats(server, out);
                case "replication" -> replication(server, out);
                case "cpu" -> cpu(out);
                case "modules" -> out.append("# Modules\r\n");
                case "commandstats" -> commandStats(server, out);
                case "errorstats" -> errorStats(server, out);
                case "latencystats" -> latencyStats(server, out);
                case "cluster" -> out.append("# Cluster\r\ncluster_enabled:0\r\n");
                case "keyspace" -> keyspace(server, out);
                default -> {
                }
            }
        }
        return out.toString();
    }

    private static void field(StringBuilder out, String name, Object value) {
        out.append(name).append(':').append(value).append("\r\n");
    }

    private static void server(ServerContext server, StringBuilder out) {
        long now = System.currentTimeMillis();
        long uptime = (now - server.startedAtMillis()) / 1000;
        out.append("# Server\r\n");
        field(out, "redis_version", ServerContext.REDIS_VERSION);
        field(out, "redis_git_sha1", "00000000");
        field(out, "redis_git_dirty", 0);
        field(out, "redis_build_id", "0");
        field(out, "redis_mode", "standalone");
        field(out, "os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        field(out, "arch_bits", System.getProperty("sun.arch.data.model", "64"));
        field(out, "monotonic_clock", "POSIX clock_gettime");
        field(out, "multiplexing_api", io.netty.channel.epoll.Epoll.isAvailable() ? "epoll" : "nio");
        field(out, "atomicvar_api", "c11-builtin");
        field(out, "gcc_version", "0.0.0");
        field(out, "process_id", ProcessHandle.current().pid());
        field(out, "process_supervised", "no");
        field(out, "run_id", server.runId());
        field(out, "tcp_port", server.config().get("port"));
        field(out, "server_time_usec", now * 1000);
        field(out, "uptime_in_seconds", uptime);
        field(out, "uptime_in_days", uptime / 86400);
        field(out, "hz", server.config().get("hz"));
        field(out, "configured_hz", server.config().get("hz"));
        field(out, "lru_clock", (now / 1000) & ((1 << 24) - 1));
        field(out, "executable", ProcessHandle.current().info().command().orElse(""));
        field(out, "config_file", server.config().configFile() == null ? "" : server.config().configFile());
        field(out, "io_threads_active", 0);
    }

    private static void clients(ServerContext server, StringBuilder out) {
        long maxIn = 0;
        long maxOut = 0;
        for (Client c : server.clients().values()) maxOut = Math.max(maxOut, c.outputBytes());
        out.append("# Clients\r\n");
        // replicas are not counted among the clients, as in Redis
        field(out, "connected_clients", server.clients().size() - server.replicationMaster().replicaCount());
        field(out, "cluster_connections", 0);
        field(out, "maxclients", server.config().get("maxclients"));
        field(out, "client_recent_max_input_buffer", maxIn);
        field(out, "client_recent_max_output_buffer", maxOut);
        field(out, "blocked_clients", server.blocked().blockedCount());
        field(out, "tracking_clients", server.tracking().trackingClients());
        field(out, "clients_in_timeout_table", server.blocked().withTimeoutCount());
    }

    /** Records {@code used} in the peak (Redis's stat_peak_memory) and returns the peak. */
    static long observePeak(long used) {
        peakMemory = Math.max(peakMemory, used);
        return peakMemory;
    }

    private static void memory(ServerContext server, StringBuilder out) {
        Runtime rt = Runtime.getRuntime();
        long heap = rt.totalMemory() - rt.freeMemory();
        // used_memory is the keyspace's own accounting, the figure maxmemory and eviction compare
        // against (as in Redis); the JVM heap in use is allocator_allocated.
        long used = server.keyspace().usedMemory();
        peakMemory = Math.max(peakMemory, used);
        long rss = residentSetSize();
        long totalSystem = totalSystemMemory();
        long maxmemory = server.maxmemory();
        out.append("# Memory\r\n");
        field(out, "used_memory", used);
        field(out, "used_memory_human", human(used));
        field(out, "used_memory_rss", rss);
        field(out, "used_memory_rss_human", human(rss));
        field(out, "used_memory_peak", peakMemory);
        field(out, "used_memory_peak_human", human(peakMemory));
        field(out, "used_memory_peak_perc", String.format(Locale.ROOT, "%.2f%%", used * 100.0 / Math.max(1, peakMemory)));
        field(out, "used_memory_overhead", 0);
        field(out, "used_memory_startup", 0);
        field(out, "used_memory_dataset", used);
        field(out, "used_memory_dataset_perc", "100.00%");
        field(out, "allocator_allocated", heap);
        field(out, "allocator_active", rt.totalMemory());
        field(out, "allocator_resident", rss);
        field(out, "total_system_memory", totalSystem);
        field(out, "total_system_memory_human", human(totalSystem));
        field(out, "used_memory_lua", 31744);
        field(out, "used_memory_vm_eval", 31744);
        field(out, "used_memory_lua_human", "31.00K");
        field(out, "used_memory_scripts_eval", 0);
        field(out, "number_of_cached_scripts", 0);
        field(out, "number_of_functions", 0);
        field(out, "number_of_libraries", 0);
        field(out, "used_memory_vm_functions", 32768);
        field(out, "used_memory_vm_total", 64512);
        field(out, "used_memory_vm_total_human", "63.00K");
        field(out, "used_memory_functions", 184);
        field(out, "used_memory_scripts", 184);
        field(out, "used_memory_scripts_human", "184B");
        field(out, "maxmemory", maxmemory);
        field(out, "maxmemory_human", human(maxmemory));
        field(out, "maxmemory_policy", server.config().get("maxmemory-policy"));
        field(out, "allocator_frag_ratio", ratio(rt.totalMemory(), heap));
        field(out, "allocator_frag_bytes", rt.totalMemory() - heap);
        field(out, "allocator_rss_ratio", ratio(rss, rt.totalMemory()));
        field(out, "allocator_rss_bytes", rss - rt.totalMemory());
        field(out, "rss_overhead_ratio", "1.00");
        field(out, "rss_overhead_bytes", 0);
        field(out, "mem_fragmentation_ratio", ratio(rss, used));
        field(out, "mem_fragmentation_bytes", rss - used);
        field(out, "mem_not_counted_for_evict", 0);
        server.replicationMaster().infoMemory(out);
        long clientsMemory = 0;
        for (Client c : server.clients().values()) if (!c.isReplica()) clientsMemory += c.outputBytes();
        field(out, "mem_clients_normal", clientsMemory);
        field(out, "mem_cluster_links", 0);
        field(out, "mem_aof_buffer", 0);
        field(out, "mem_allocator", "jvm-" + System.getProperty("java.version"));
        field(out, "active_defrag_running", 0);
        field(out, "lazyfree_pending_objects", 0);
        field(out, "lazyfreed_objects", 0);
    }

    private static void persistence(ServerContext server, StringBuilder out) {
        out.append("# Persistence\r\n");
        server.persistence().info(out);
    }

    private static void stats(ServerContext server, StringBuilder out) {
        ServerStats s = server.stats();
        out.append("# Stats\r\n");
        field(out, "total_connections_received", s.connectionsReceived);
        field(out, "total_commands_processed", s.commandsProcessed);
        field(out, "instantaneous_ops_per_sec", s.instantaneousOps());
        field(out, "total_net_input_bytes", s.netInputBytes);
        field(out, "total_net_output_bytes", s.netOutputBytes);
        field(out, "total_net_repl_input_bytes", 0);
        field(out, "total_net_repl_output_bytes", s.netReplOutputBytes);
        field(out, "instantaneous_input_kbps", String.format(Locale.ROOT, "%.2f", s.instantaneousInputKbps()));
        field(out, "instantaneous_output_kbps", String.format(Locale.ROOT, "%.2f", s.instantaneousOutputKbps()));
        field(out, "instantaneous_input_repl_kbps", "0.00");
        field(out, "instantaneous_output_repl_kbps", "0.00");
        field(out, "rejected_connections", s.rejectedConnections);
        field(out, "sync_full", server.replicationMaster().syncFull());
        field(out, "sync_partial_ok", server.replicationMaster().syncPartialOk());
        field(out, "sync_partial_err", server.replicationMaster().syncPartialErr());
        field(out, "expired_keys", server.keyspace().stats().expiredKeys);
        field(out, "expired_stale_perc", "0.00");
        field(out, "expired_time_cap_reached_count", 0);
        field(out, "expire_cycle_cpu_milliseconds", 0);
        field(out, "evicted_keys", server.keyspace().stats().evictedKeys);
        field(out, "evicted_clients", 0);
        field(out, "total_eviction_exceeded_time", 0);
        field(out, "current_eviction_exceeded_time", 0);
        field(out, "keyspace_hits", server.keyspace().stats().keyspaceHits);
        field(out, "keyspace_misses", server.keyspace().stats().keyspaceMisses);
        field(out, "pubsub_channels", server.pubsub().channelCount());
        field(out, "pubsub_patterns", server.pubsub().patternCount());
        field(out, "pubsubshard_channels", server.pubsub().activeChannels(true, null).size());
        field(out, "latest_fork_usec", server.persistence().lastCaptureMicros());
        field(out, "total_forks", 0);
        field(out, "migrate_cached_sockets", 0);
        field(out, "slave_expires_tracked_keys", 0);
        field(out, "active_defrag_hits", 0);
        field(out, "active_defrag_misses", 0);
        field(out, "active_defrag_key_hits", 0);
        field(out, "active_defrag_key_misses", 0);
        field(out, "total_active_defrag_time", 0);
        field(out, "current_active_defrag_time", 0);
        field(out, "tracking_total_keys", server.tracking().totalKeys());
        field(out, "tracking_total_items", server.tracking().totalItems());
        field(out, "tracking_total_prefixes", server.tracking().totalPrefixes());
        field(out, "unexpected_error_replies", s.unexpectedErrorReplies);
        field(out, "total_error_replies", s.totalErrorReplies);
        field(out, "dump_payload_sanitizations", 0);
        field(out, "total_reads_processed", s.totalReadsProcessed);
        field(out, "total_writes_processed", s.totalWritesProcessed);
        field(out, "io_threaded_reads_processed", 0);
        field(out, "io_threaded_writes_processed", 0);
        field(out, "reply_buffer_shrinks", 0);
        field(out, "reply_buffer_expands", 0);
    }

    private static void replication(ServerContext server, StringBuilder out) {
        out.append("# Replication\r\n");
        dev.verdict.server.replication.Replication replication = server.replication();
        field(out, "role", replication.isReplica() ? "slave" : "master");
        if (replication.isReplica()) server.masterLink().info(out);
        server.replicationMaster().infoReplicas(out);
        field(out, "master_failover_state", server.replicationMaster().failover().stateName());
        field(out, "master_replid", replication.replid());
        field(out, "master_replid2", replication.replid2());
        field(out, "master_repl_offset", replication.masterReplOffset());
        field(out, "second_repl_offset", replication.secondReplOffset());
        server.replicationMaster().infoBacklog(out);
    }

    private static void cpu(StringBuilder out) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double processCpu = 0;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            processCpu = os.getProcessCpuTime() / 1e9;
        }
        double mainUser = threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadUserTime() / 1e9 : 0;
        double mainTotal = threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() / 1e9 : 0;
        out.append("# CPU\r\n");
        field(out, "used_cpu_sys", String.format(Locale.ROOT, "%.6f", processCpu * 0.3));
        field(out, "used_cpu_user", String.format(Locale.ROOT, "%.6f", processCpu * 0.7));
        field(out, "used_cpu_sys_children", "0.000000");
        field(out, "used_cpu_user_children", "0.000000");
        field(out, "used_cpu_sys_main_thread", String.format(Locale.ROOT, "%.6f", mainTotal - mainUser));
        field(out, "used_cpu_user_main_thread", String.format(Locale.ROOT, "%.6f", mainUser));
    }

    private static void commandStats(ServerContext server, StringBuilder out) {
        out.append("# Commandstats\r\n");
        for (CommandSpec spec : server.commands().all()) {
            commandStat(spec, out);
            for (CommandSpec sub : spec.subcommands().values()) commandStat(sub, out);
        }
    }

    private static void commandStat(CommandSpec spec, StringBuilder out) {
        var s = spec.stats();
        if (s.calls == 0 && s.failedCalls == 0 && s.rejectedCalls == 0) return;
        field(out, "cmdstat_" + spec.fullName(), "calls=" + s.calls + ",usec=" + s.micros + ",usec_per_call="
                + String.format(Locale.ROOT, "%.2f", s.calls == 0 ? 0.0 : (double) s.micros / s.calls)
                + ",rejected_calls=" + s.rejectedCalls + ",failed_calls=" + s.failedCalls);
    }

    private static void latencyStats(ServerContext server, StringBuilder out) {
        out.append("# Latencystats\r\n");
        if (!server.latencyTracking()) return;
        String[] percentiles = server.config().get("latency-tracking-info-percentiles").trim().split("\\s+");
        for (CommandSpec spec : server.commands().all()) {
            latencyStat(spec, percentiles, out);
            for (CommandSpec sub : spec.subcommands().values()) latencyStat(sub, percentiles, out);
        }
    }

    private static void latencyStat(CommandSpec spec, String[] percentiles, StringBuilder out) {
        var histogram = spec.stats().latency;
        if (histogram == null || histogram.count() == 0) return;
        StringBuilder values = new StringBuilder();
        for (String p : percentiles) {
            if (p.isEmpty()) continue;
            if (values.length() > 0) values.append(',');
            values.append('p').append(p).append('=').append(String.format(Locale.ROOT, "%.3f",
                    histogram.valueAt(Double.parseDouble(p)) / 1000.0));
        }
        field(out, "latency_percentiles_usec_" + spec.fullName(), values);
    }

    private static void errorStats(ServerContext server, StringBuilder out) {
        out.append("# Errorstats\r\n");
        for (Map.Entry<String, Long> e : server.stats().errorCounts().entrySet()) {
            field(out, "errorstat_" + e.getKey(), "count=" + e.getValue());
        }
    }

    private static void keyspace(ServerContext server, StringBuilder out) {
        out.append("# Keyspace\r\n");
        for (int i = 0; i < server.keyspace().count(); i++) {
            Database db = server.keyspace().db(i);
            if (db.size() == 0) continue;
            field(out, "db" + i, "keys=" + db.size() + ",expires=" + db.expiresSize() + ",avg_ttl=0");
        }
    }

    /** Redis's bytesToHuman: B, K, M, G... with two decimals. */
    static String human(long n) {
        if (n < 1024) return n + "B";
        String[] units = {"K", "M", "G", "T", "P"};
        double d = n;
        int u = -1;
        while (d >= 1024 && u < units.length - 1) {
            d /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.2f%s", d, units[u]);
    }

    private static String ratio(long a, long b) {
        return String.format(Locale.ROOT, "%.2f", b == 0 ? 0.0 : (double) a / b);
    }

    /** Resident set size from /proc (Linux), 0 elsewhere. */
    public static long residentSetSize() {
        try {
            String[] statm = Files.readString(Path.of("/proc/self/statm")).trim().split("\\s+");
            return Long.parseLong(statm[1]) * 4096;
        } catch (Exception e) {
            return 0;
        }
    }

    private static long totalSystemMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return 0;
    }
}
