package dev.verdict.server.server;

import dev.verdict.server.ServerContext;
import dev.verdict.server.client.Client;
import dev.verdict.server.db.Database;
import dev.verdict.server.resp.ReplyWriter;

import java.util.ArrayList;
import java.util.List;

/**
 * Redis's getMemoryOverheadData over what this server measures: the keyspace's own accounting
 * stands for zmalloc's used memory (as in INFO memory), the JVM heap for the allocator and /proc
 * for the RSS. Field names, order and reply types are MEMORY STATS's in 7.0.15.
 */
final class MemoryOverhead {

    /** sizeof(dictEntry), sizeof(dictEntry*), sizeof(robj) on 64-bit Redis. */
    private static final long DICT_ENTRY = 24;
    private static final long BUCKET = 8;
    private static final long ROBJ = 16;
    /** What an empty 7.0.15 reports for functions.caches (the function engines' dicts). */
    private static final long FUNCTIONS_CACHES = 200;

    record DbOverhead(int id, long main, long expires) {
    }

    final long peakAllocated;
    final long totalAllocated;
    final long startupAllocated;
    final long replicationBacklog;
    final long clientsSlaves;
    final long clientsNormal;
    final long overheadTotal;
    final long totalKeys;
    final long dataset;
    final long bytesPerKey;
    final float datasetPercentage;
    final float peakPercentage;
    final long allocatorAllocated;
    final long allocatorActive;
    final long allocatorResident;
    final long rss;
    final List<DbOverhead> dbs = new ArrayList<>();
    final int replicas;
    final int normalClients;

    MemoryOverhead(ServerContext server) {
        Runtime rt = Runtime.getRuntime();
        totalAllocated = server.keyspace().usedMemory();
        peakAllocated = InfoCommand.observePeak(totalAllocated);
        startupAllocated = 0; // INFO's used_memory_startup: the keyspace accounting starts from nothing
        replicationBacklog = server.replicationMaster().backlogBytes();
        long slaves = 0;
        long normal = 0;
        int replicaCount = 0;
        int clientCount = 0;
        for (Client c : server.clients().values()) {
            if (c.isReplica()) {
                slaves += c.outputBytes();
                replicaCount++;
            } else {
                normal += c.outputBytes();
                clientCount++;
            }
        }
        clientsSlaves = slaves;
        clientsNormal = normal;
        replicas = replicaCount;
        normalClients = clientCount;
        long total = startupAllocated + replicationBacklog + clientsSlaves + clientsNormal + FUNCTIONS_CACHES;
        long keys = 0;
        for (int i = 0; i < server.keyspace().count(); i++) {
            Database db = server.keyspace().db(i);
            if (db.size() == 0) continue;
            keys += db.size();
            long main = db.size() * (DICT_ENTRY + ROBJ) + db.dictSlots() * BUCKET;
            long expires = db.expiresSize() * DICT_ENTRY + db.expiresSlots() * BUCKET;
            dbs.add(new DbOverhead(i, main, expires));
            total += main + expires;
        }
        overheadTotal = total;
        totalKeys = keys;
        dataset = totalAllocated - overheadTotal;
        peakPercentage = (float) totalAllocated * 100 / Math.max(1, peakAllocated);
        long net = totalAllocated > startupAllocated ? totalAllocated - startupAllocated : 1;
        datasetPercentage = (float) dataset * 100 / net;
        bytesPerKey = keys == 0 ? 0 : net / keys;
        allocatorActive = rt.totalMemory();
        allocatorAllocated = rt.totalMemory() - rt.freeMemory();
        rss = InfoCommand.residentSetSize();
        allocatorResident = rss;
    }

    float totalFragmentation() {
        return (float) rss / Math.max(1, totalAllocated);
    }

    long totalFragmentationBytes() {
        return rss - totalAllocated;
    }

    float allocatorFragmentation() {
        return (float) allocatorActive / Math.max(1, allocatorAllocated);
    }

    float allocatorRss() {
        return (float) allocatorResident / Math.max(1, allocatorActive);
    }

    float rssExtra() {
        return (float) rss / Math.max(1, allocatorResident);
    }

    /** MEMORY STATS: the map in memoryCommand's order. */
    void reply(ReplyWriter reply) {
        reply.mapHeader(27 + dbs.size());
        field(reply, "peak.allocated", peakAllocated);
        field(reply, "total.allocated", totalAllocated);
        field(reply, "startup.allocated", startupAllocated);
        field(reply, "replication.backlog", replicationBacklog);
        field(reply, "clients.slaves", clientsSlaves);
        field(reply, "clients.normal", clientsNormal);
        field(reply, "cluster.links", 0);
        field(reply, "aof.buffer", 0);
        field(reply, "lua.caches", 0);
        field(reply, "functions.caches", FUNCTIONS_CACHES);
        for (DbOverhead db : dbs) {
            reply.bulk("db." + db.id());
            reply.mapHeader(3);
            field(reply, "overhead.hashtable.main", db.main());
            field(reply, "overhead.hashtable.expires", db.expires());
            field(reply, "overhead.hashtable.slot-to-keys", 0);
        }
        field(reply, "overhead.total", overheadTotal);
        field(reply, "keys.count", totalKeys);
        field(reply, "keys.bytes-per-key", bytesPerKey);
        field(reply, "dataset.bytes", dataset);
        ratio(reply, "dataset.percentage", datasetPercentage);
        ratio(reply, "peak.percentage", peakPercentage);
        field(reply, "allocator.allocated", allocatorAllocated);
        field(reply, "allocator.active", allocatorActive);
        field(reply, "allocator.resident", allocatorResident);
        ratio(reply, "allocator-fragmentation.ratio", allocatorFragmentation());
        field(reply, "allocator-fragmentation.bytes", allocatorActive - allocatorAllocated);
        ratio(reply, "allocator-rss.ratio", allocatorRss());
        field(reply, "allocator-rss.bytes", allocatorResident - allocatorActive);
        ratio(reply, "rss-overhead.ratio", rssExtra());
        field(reply, "rss-overhead.bytes", rss - allocatorResident);
        ratio(reply, "fragmentation", totalFragmentation());
        field(reply, "fragmentation.bytes", totalFragmentationBytes());
    }

    private static void field(ReplyWriter reply, String name, long value) {
        reply.bulk(name);
        reply.integer(value);
    }

    /** Redis computes these as floats and replies them widened to double. */
    private static void ratio(ReplyWriter reply, String name, float value) {
        reply.bulk(name);
        reply.doubleValue(value);
    }
}
