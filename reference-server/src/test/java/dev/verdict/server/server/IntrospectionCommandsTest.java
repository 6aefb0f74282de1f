package dev.verdict.server.server;

import dev.verdict.server.testing.RespConnection;
import dev.verdict.server.testing.ServerFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** LATENCY HISTOGRAM/DOCTOR/GRAPH and MEMORY STATS/DOCTOR/MALLOC-STATS/PURGE, replies as real Redis 7.0.15 sent them. */
class IntrospectionCommandsTest {

    private static final String DASHES = "-".repeat(80);
    private static ServerFixture server;

    @BeforeAll
    static void start() {
        server = new ServerFixture("--enable-debug-command", "yes");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void quietMonitor() {
        RespConnection c = server.connect();
        c.call("CONFIG", "SET", "latency-monitor-threshold", "0");
        c.call("LATENCY", "RESET");
        c.call("CONFIG", "RESETSTAT");
    }

    @Test
    void latencyHistogramReportsCumulativeCountsAtPowerOfTwoLevels() {
        RespConnection c = server.connect();
        c.call("DEBUG", "SLEEP", "0.1");
        c.call("DEBUG", "SLEEP", "0.005");
        // real Redis after the same two sleeps: 5 ms falls under the 8454 us level, 100 ms under 135266 us
        assertThat(c.call("LATENCY", "HISTOGRAM", "debug", "nosuchcommand")).isEqualTo(
                "*2\r\n$5\r\ndebug\r\n*4\r\n$5\r\ncalls\r\n:2\r\n$14\r\nhistogram_usec\r\n*4\r\n:8454\r\n:1\r\n:135266\r\n:2\r\n");
        c.call("HELLO", "3");
        assertThat(c.call("LATENCY", "HISTOGRAM", "debug")).isEqualTo(
                "%1\r\n$5\r\ndebug\r\n%2\r\n$5\r\ncalls\r\n:2\r\n$14\r\nhistogram_usec\r\n%2\r\n:8454\r\n:1\r\n:135266\r\n:2\r\n");
    }

    @Test
    void latencyHistogramOfAContainerListsItsTrackedSubcommands() {
        RespConnection c = server.connect();
        c.call("CONFIG", "GET", "maxmemory");
        // CONFIG RESETSTAT (before each test) records its own call after the reset, as in Redis
        assertThat(c.call("LATENCY", "HISTOGRAM", "config")).startsWith("*4\r\n$16\r\nconfig|resetstat\r\n")
                .contains("$10\r\nconfig|get\r\n*4\r\n$5\r\ncalls\r\n:1\r\n$14\r\nhistogram_usec\r\n*2\r\n:");
        assertThat(c.call("LATENCY", "HISTOGRAM", "nosuchcommand")).isEqualTo("*0\r\n");
        assertThat(c.call("LATENCY", "HISTOGRAM", "get")).isEqualTo("*0\r\n");
    }

    @Test
    void latencyDoctorSpeaksForDisabledQuietAndSpikingInstances() {
        RespConnection c = server.connect();
        assertThat(c.call("LATENCY", "DOCTOR")).isEqualTo(bulk("I'm sorry, Dave, I can't do that. Latency monitoring is"
                + " disabled in this Redis instance. You may use \"CONFIG SET latency-monitor-threshold <milliseconds>.\" in"
                + " order to enable it. If we weren't in a deep space mission I'd suggest to take a look at"
                + " https://redis.io/topics/latency-monitor.\n"));
        c.call("CONFIG", "SET", "latency-monitor-threshold", "50");
        assertThat(c.call("LATENCY", "DOCTOR")).isEqualTo(bulk("Dave, no latency spike was observed during the lifetime of"
                + " this Redis instance, not in the slightest bit. I honestly think you ought to sit down calmly, take a stress"
                + " pill, and think things over.\n"));
        c.call("DEBUG", "SLEEP", "0.1");
        // slowlog-log-slower-than (10 ms) is below the threshold, so no advice to retune it
        String report = c.call("LATENCY", "DOCTOR");
        assertThat(report).matches("(?s)\\$\\d+\r\nDave, I have observed latency spikes in this Redis instance\\. You don't"
                + " mind talking about it, do you Dave\\?\n\n1\\. command: 1 latency spikes \\(average 10\\dms, mean deviation"
                + " 0ms, period [12]\\.00 sec\\)\\. Worst all time event 10\\dms\\.\n\nI have a few advices for you:\n\n"
                + "- Check your Slow Log .*\n- Deleting, expiring or evicting .* multiple smaller objects\\.\n\r\n");
    }

    @Test
    void latencyGraphDrawsTheSparklineUnderItsHeader() {
        RespConnection c = server.connect();
        assertThat(c.call("LATENCY", "GRAPH", "command")).isEqualTo("-ERR No samples available for event 'command'\r\n");
        assertThat(c.call("LATENCY", "GRAPH")).isEqualTo("-ERR wrong number of arguments for 'latency|graph' command\r\n");
        c.call("CONFIG", "SET", "latency-monitor-threshold", "50");
        c.call("DEBUG", "SLEEP", "0.1");
        // one sample: the lowest fill character on the fourth row, a blank line, then "0s" written downwards
        assertThat(c.call("LATENCY", "GRAPH", "command")).matches("(?s)\\$\\d+\r\ncommand - high (10\\d) ms, low \\1 ms"
                + " \\(all time high \\1 ms\\)\n" + DASHES + "\n \n \n \n_\n \n\\d\ns\n\r\n");
        assertThat(c.call("LATENCY", "GRAPH", "COMMAND")).isEqualTo("-ERR No samples available for event 'COMMAND'\r\n");
        // GRAPH names events exactly, RESET ignores case (latencyResetEvent's strcasecmp)
        assertThat(c.call("LATENCY", "RESET", "COMMAND", "nosuchevent")).isEqualTo(":1\r\n");
        assertThat(c.call("LATENCY", "GRAPH", "command")).isEqualTo("-ERR No samples available for event 'command'\r\n");
    }

    @Test
    void memoryDoctorMallocStatsAndPurge() {
        RespConnection c = server.connect();
        assertThat(c.call("MEMORY", "DOCTOR")).isEqualTo(bulk("Hi Sam, this instance is empty or is using very little"
                + " memory, my issues detector can't be used in these conditions. Please, leave for your mission on Earth and"
                + " fill it with some data. The new Sam and I will be back to our programming as soon as I finished"
                + " rebooting.\n"));
        assertThat(c.call("MEMORY", "MALLOC-STATS")).isEqualTo(bulk("Stats not supported for the current allocator"));
        assertThat(c.call("MEMORY", "PURGE")).isEqualTo("+OK\r\n");
        assertThat(c.call("MEMORY", "PURGE", "x")).isEqualTo("-ERR wrong number of arguments for 'memory|purge' command\r\n");
        c.call("HELLO", "3");
        // a non-jemalloc Redis build replies addReplyBulkCString, not verbatim text
        assertThat(c.call("MEMORY", "MALLOC-STATS")).isEqualTo(bulk("Stats not supported for the current allocator"));
    }

    @Test
    void memoryStatsListsRedis70FieldsInOrderWithPerDatabaseOverhead() {
        RespConnection c = server.connect();
        c.call("SELECT", "3");
        c.call("SET", "stats:k", "v");
        c.call("EXPIRE", "stats:k", "100");
        c.call("HELLO", "3");
        String stats = c.call("MEMORY", "STATS");
        c.call("DEL", "stats:k");
        assertThat(stats).startsWith("%28\r\n$14\r\npeak.allocated\r\n:");
        assertThat(stats).contains("$4\r\ndb.3\r\n%3\r\n$23\r\noverhead.hashtable.main\r\n:72\r\n"
                + "$26\r\noverhead.hashtable.expires\r\n:56\r\n$31\r\noverhead.hashtable.slot-to-keys\r\n:0\r\n"
                + "$14\r\noverhead.total\r\n:");
        assertThat(stats).contains("$10\r\nkeys.count\r\n:1\r\n", "$18\r\ndataset.percentage\r\n,",
                "$29\r\nallocator-fragmentation.ratio\r\n,", "$13\r\nfragmentation\r\n,");
        assertThat(fieldNames(stats)).containsExactly("peak.allocated", "total.allocated", "startup.allocated",
                "replication.backlog", "clients.slaves", "clients.normal", "cluster.links", "aof.buffer", "lua.caches",
                "functions.caches", "db.3", "overhead.hashtable.main", "overhead.hashtable.expires",
                "overhead.hashtable.slot-to-keys", "overhead.total", "keys.count", "keys.bytes-per-key", "dataset.bytes",
                "dataset.percentage", "peak.percentage", "allocator.allocated", "allocator.active", "allocator.resident",
                "allocator-fragmentation.ratio", "allocator-fragmentation.bytes", "allocator-rss.ratio",
                "allocator-rss.bytes", "rss-overhead.ratio", "rss-overhead.bytes", "fragmentation", "fragmentation.bytes");
    }

    private static List<String> fieldNames(String reply) {
        List<String> names = new ArrayList<>();
        var m = Pattern.compile("\\$\\d+\r\n([a-z0-9.\\-]+)\r\n").matcher(reply);
        while (m.find()) names.add(m.group(1));
        return names;
    }

    private static String bulk(String text) {
        return "$" + text.getBytes(StandardCharsets.UTF_8).length + "\r\n" + text + "\r\n";
    }
}
