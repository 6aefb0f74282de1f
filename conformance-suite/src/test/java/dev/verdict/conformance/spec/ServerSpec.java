package dev.verdict.conformance.spec;

import static dev.verdict.conformance.spec.Replies.*;

/** Server introspection: INFO, CONFIG, TIME, DBSIZE, ROLE, LASTSAVE, COMMAND, LATENCY and MEMORY (Redis 7.0). */
@SpecSuite(family = "server")
class ServerSpec {

    @SpecCase("INFO")
    void infoIsTextWithSections(SpecSession s) {
        s.call("INFO").is(textContaining("# Server\r\nredis_version:"));
        s.call("INFO", "server").is(textContaining("redis_mode:standalone"));
        s.call("SET", "k", "v").is(ok());
        s.call("INFO", "keyspace").is(textContaining("db0:keys=1,expires=0,avg_ttl=0"));
        s.call("INFO", "nosuchsection").is(verbatim(""));
    }

    @SpecCase("CONFIG GET")
    void configGetReturnsAMapAndAcceptsGlobs(SpecSession s) {
        s.call("CONFIG", "GET", "maxmemory").is(map("maxmemory", "0"));
        s.call("CONFIG", "GET", "databases").is(map("databases", "16"));
        s.call("CONFIG", "GET", "zset-max-listpack-*").is(map("zset-max-listpack-entries", "128",
                "zset-max-listpack-value", "64"));
        s.call("CONFIG", "GET", "maxmemory", "databases").is(map("maxmemory", "0", "databases", "16"));
        s.call("CONFIG", "GET", "no-such-option").is(map());
        s.call("CONFIG", "GET").is(wrongArity("config|get"));
    }

    @SpecCase("CONFIG GET")
    void encodingThresholdsHaveRedis70BuiltInDefaults(SpecSession s) {
        s.call("CONFIG", "GET", "hash-max-listpack-entries", "hash-max-listpack-value", "zset-max-listpack-entries",
                "zset-max-listpack-value", "set-max-intset-entries", "list-max-listpack-size").is(map(
                "hash-max-listpack-entries", "512", "hash-max-listpack-value", "64",
                "zset-max-listpack-entries", "128", "zset-max-listpack-value", "64",
                "set-max-intset-entries", "512", "list-max-listpack-size", "-2"));
    }

    @SpecCase("CONFIG SET")
    void configSetChangesAndValidates(SpecSession s) {
        s.call("CONFIG", "SET", "maxmemory-samples", "7").is(ok());
        s.call("CONFIG", "GET", "maxmemory-samples").is(map("maxmemory-samples", "7"));
        s.call("CONFIG", "SET", "maxmemory-samples", "5").is(ok());
        s.call("CONFIG", "SET", "no-such-option", "1").is(
                error("ERR Unknown option or number of arguments for CONFIG SET - 'no-such-option'"));
        s.call("CONFIG", "SET", "maxmemory-samples", "many").is(error(
                "ERR CONFIG SET failed (possibly related to argument 'maxmemory-samples') - argument couldn't be parsed into an integer"));
        s.call("CONFIG", "NOPE").is(error("ERR unknown subcommand 'NOPE'. Try CONFIG HELP."));
    }

    @SpecCase("CONFIG RESETSTAT")
    void configResetstat(SpecSession s) {
        s.call("CONFIG", "RESETSTAT").is(ok());
    }

    @SpecCase("TIME")
    void timeIsSecondsAndMicroseconds(SpecSession s) {
        s.call("TIME").is(array(bulkMatching("\\d{10}"), bulkMatching("\\d{1,6}")));
    }

    @SpecCase("DBSIZE")
    void dbsizeArity(SpecSession s) {
        s.call("DBSIZE").is(integer(0));
        s.call("DBSIZE", "x").is(wrongArity("dbsize"));
    }

    @SpecCase("ROLE")
    void roleOfAStandaloneMaster(SpecSession s) {
        s.call("ROLE").is(array("master", 0, emptyArray()));
    }

    @SpecCase("LASTSAVE")
    void lastsaveIsAUnixTime(SpecSession s) {
        s.call("LASTSAVE").is(integerBetween(1_000_000_000L, 9_999_999_999L));
    }

    @SpecCase("COMMAND COUNT")
    void commandCountMatchesRedis70(SpecSession s) {
        s.call("COMMAND", "COUNT").is(integer(240));
    }

    @SpecCase("COMMAND INFO")
    void commandInfoDescribesGet(SpecSession s) {
        s.call("COMMAND", "INFO", "get").is(array(array("get", 2, set(simple("readonly"), simple("fast")), 1, 1, 1,
                // tips, key specs and subcommands are sets in RESP3, as Redis 7.0 writes them
                set(simple("@read"), simple("@string"), simple("@fast")), set(),
                set(map("flags", set(simple("RO"), simple("access")),
                        "begin_search", map("type", "index", "spec", map("index", 1)),
                        "find_keys", map("type", "range", "spec", map("lastkey", 0, "keystep", 1, "limit", 0)))),
                set())));
        s.call("COMMAND", "INFO", "nosuchcommand").is(array((Object) null));
    }

    @SpecCase("COMMAND DOCS")
    void commandDocsDescribesGet(SpecSession s) {
        s.call("COMMAND", "DOCS", "get").is(map("get", map("summary", "Get the value of a key", "since", "1.0.0",
                "group", "string", "complexity", "O(1)",
                "arguments", array(map("name", "key", "type", "key", "key_spec_index", 0)))));
    }

    @SpecCase("COMMAND GETKEYS")
    void commandGetkeysExtractsKeys(SpecSession s) {
        s.call("COMMAND", "GETKEYS", "SET", "k", "v").is(array("k"));
        s.call("COMMAND", "GETKEYS", "MSET", "a", "1", "b", "2").is(array("a", "b"));
        s.call("COMMAND", "GETKEYS", "ZUNIONSTORE", "dst", "2", "a", "b").is(array("dst", "a", "b"));
        s.call("COMMAND", "GETKEYS", "ECHO", "x").is(error("ERR The command has no key arguments"));
        s.call("COMMAND", "GETKEYS", "NOSUCH", "x").is(error("ERR Invalid command specified"));
        s.call("COMMAND", "GETKEYS", "GET").is(wrongArity("command|getkeys"));
        s.call("COMMAND", "GETKEYS", "SET", "k").is(error("ERR Invalid number of arguments specified for command"));
    }

    @SpecCase("COMMAND GETKEYS")
    void commandGetkeysFallsBackOnRedisProceduresWhereTheSpecsCannotTell(SpecSession s) {
        s.call("COMMAND", "GETKEYS", "SORT", "l", "BY", "w_*", "STORE", "a", "LIMIT", "0", "1", "STORE", "d")
                .is(array("l", "d"));
        s.call("COMMAND", "GETKEYSANDFLAGS", "SORT_RO", "l", "GET", "o_*").is(array(array("l", set(simple("RO"), simple("access")))));
        s.call("COMMAND", "GETKEYS", "MIGRATE", "h", "1", "", "0", "5000", "KEYS", "a", "b").is(array("a", "b"));
        s.call("COMMAND", "GETKEYS", "MIGRATE", "h", "1", "k", "0", "5000", "KEYS", "a")
                .is(error("ERR Invalid arguments specified for command"));
        s.call("COMMAND", "GETKEYSANDFLAGS", "BITFIELD", "b", "GET", "u8", "0").is(array(array("b", set(simple("RO"), simple("access")))));
        s.call("COMMAND", "GETKEYSANDFLAGS", "BITFIELD", "b", "INCRBY", "u8", "0", "1")
                .is(array(array("b", set(simple("RW"), simple("access"), simple("update")))));
    }

    @SpecCase("LATENCY HISTOGRAM")
    void latencyHistogramCountsCallsPerNamedCommandAndSkipsUnknownNames(SpecSession s) {
        s.call("CONFIG", "RESETSTAT").is(ok());
        s.call("SET", "k", "1").is(ok());
        s.call("SET", "k", "2").is(ok());
        s.call("SET", "k", "3").is(ok());
        // bucket keys are measured latencies; the calls and the layout are not
        s.call("LATENCY", "HISTOGRAM", "set", "nosuchcommand").is(map("set", map("calls", 3, "histogram_usec", anything())));
        s.call("LATENCY", "HISTOGRAM", "nosuchcommand").is(map());
        s.call("LATENCY", "HISTOGRAM", "get").is(map());
    }

    @SpecCase("LATENCY DOCTOR")
    void latencyDoctorExplainsDisabledMonitoringAndAQuietInstance(SpecSession s) {
        s.call("LATENCY", "RESET").is(anyInteger());
        s.call("LATENCY", "DOCTOR").is(verbatim("I'm sorry, Dave, I can't do that. Latency monitoring is disabled in this"
                + " Redis instance. You may use \"CONFIG SET latency-monitor-threshold <milliseconds>.\" in order to enable"
                + " it. If we weren't in a deep space mission I'd suggest to take a look at"
                + " https://redis.io/topics/latency-monitor.\n"));
        s.call("CONFIG", "SET", "latency-monitor-threshold", "10000").is(ok());
        s.call("LATENCY", "DOCTOR").is(verbatim("Dave, no latency spike was observed during the lifetime of this Redis"
                + " instance, not in the slightest bit. I honestly think you ought to sit down calmly, take a stress pill,"
                + " and think things over.\n"));
        s.call("CONFIG", "SET", "latency-monitor-threshold", "0").is(ok());
        s.call("LATENCY", "DOCTOR", "x").is(wrongArity("latency|doctor"));
    }

    @SpecCase("LATENCY GRAPH")
    void latencyGraphOfAnEventWithoutSamplesIsAnError(SpecSession s) {
        s.call("LATENCY", "RESET").is(anyInteger());
        s.call("LATENCY", "GRAPH", "command").is(error("ERR No samples available for event 'command'"));
        s.call("LATENCY", "GRAPH").is(wrongArity("latency|graph"));
    }

    @SpecCase("MEMORY DOCTOR")
    void memoryDoctorOnAnAlmostEmptyInstance(SpecSession s) {
        s.call("MEMORY", "DOCTOR").is(verbatim("Hi Sam, this instance is empty or is using very little memory, my issues"
                + " detector can't be used in these conditions. Please, leave for your mission on Earth and fill it with"
                + " some data. The new Sam and I will be back to our programming as soon as I finished rebooting.\n"));
        s.call("MEMORY", "DOCTOR", "x").is(wrongArity("memory|doctor"));
    }

    @SpecCase("MEMORY PURGE")
    void memoryPurgeAndMallocStatsArity(SpecSession s) {
        s.call("MEMORY", "PURGE").is(ok());
        s.call("MEMORY", "PURGE", "x").is(wrongArity("memory|purge"));
        s.call("MEMORY", "MALLOC-STATS", "x").is(wrongArity("memory|malloc-stats"));
    }

    @SpecCase("MEMORY STATS")
    void memoryStatsHasRedis70FieldsAndPerDatabaseOverhead(SpecSession s) {
        s.call("SET", "k", "v").is(ok());
        s.call("EXPIRE", "k", "100").is(integer(1));
        Expected ratio = doubleBetween(-1e12, 1e12);
        s.call("MEMORY", "STATS").is(map("peak.allocated", anyInteger(), "total.allocated", anyInteger(),
                "startup.allocated", anyInteger(), "replication.backlog", anyInteger(), "clients.slaves", anyInteger(),
                "clients.normal", anyInteger(), "cluster.links", 0, "aof.buffer", anyInteger(), "lua.caches", anyInteger(),
                "functions.caches", anyInteger(),
                // one key with a TTL: a dictEntry, a robj and 4 buckets in the main table, an entry and 4 buckets in expires
                "db.0", map("overhead.hashtable.main", 72, "overhead.hashtable.expires", 56,
                        "overhead.hashtable.slot-to-keys", 0),
                "overhead.total", anyInteger(), "keys.count", 1, "keys.bytes-per-key", anyInteger(),
                "dataset.bytes", anyInteger(), "dataset.percentage", ratio, "peak.percentage", ratio,
                "allocator.allocated", anyInteger(), "allocator.active", anyInteger(), "allocator.resident", anyInteger(),
                "allocator-fragmentation.ratio", ratio, "allocator-fragmentation.bytes", anyInteger(),
                "allocator-rss.ratio", ratio, "allocator-rss.bytes", anyInteger(),
                "rss-overhead.ratio", ratio, "rss-overhead.bytes", anyInteger(),
                "fragmentation", ratio, "fragmentation.bytes", anyInteger()));
        s.call("MEMORY", "STATS", "x").is(wrongArity("memory|stats"));
    }
}
