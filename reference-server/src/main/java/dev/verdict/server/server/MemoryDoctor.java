package dev.verdict.server.server;

import dev.verdict.server.ServerContext;

/**
 * MEMORY DOCTOR: Redis's getMemoryDoctorReport over {@link MemoryOverhead}. Below 5 MB of
 * used memory the instance counts as empty; the script-cache check has no scripts to count here.
 */
final class MemoryDoctor {

    private static final long EMPTY_BELOW = 1024 * 1024 * 5;
    private static final long TEN_MB = 10 << 20;
    private static final String ALLOCATOR = "libc";

    private MemoryDoctor() {
    }

    static String report(ServerContext server) {
        MemoryOverhead mh = new MemoryOverhead(server);
        if (mh.totalAllocated < EMPTY_BELOW) {
            return "Hi Sam, this instance is empty or is using very little memory, my issues detector can't be used in these conditions. Please, leave for your mission on Earth and fill it with some data. The new Sam and I will be back to our programming as soon as I finished rebooting.\n";
        }
        StringBuilder issues = new StringBuilder();
        if ((float) mh.peakAllocated / mh.totalAllocated > 1.5) {
            issues.append(" * Peak memory: In the past this instance used more than 150% the memory that is currently using. The allocator is normally not able to release memory after a peak, so you can expect to see a big fragmentation ratio, however this is actually harmless and is only due to the memory peak, and if the Redis instance Resident Set Size (RSS) is currently bigger than expected, the memory will be used as soon as you fill the Redis instance with more data. If the memory peak was only occasional and you want to try to reclaim memory, please try the MEMORY PURGE command, otherwise the only other option is to shutdown and restart the instance.\n\n");
        }
        if (mh.totalFragmentation() > 1.4 && mh.totalFragmentationBytes() > TEN_MB) {
            issues.append(" * High total RSS: This instance has a memory fragmentation and RSS overhead greater than 1.4 (this means that the Resident Set Size of the Redis process is much larger than the sum of the logical allocations Redis performed). This problem is usually due either to a large peak memory (check if there is a peak memory entry above in the report) or may result from a workload that causes the allocator to fragment memory a lot. If the problem is a large peak memory, then there is no issue. Otherwise, make sure you are using the Jemalloc allocator and not the default libc malloc. Note: The currently used allocator is \"")
                    .append(ALLOCATOR).append("\".\n\n");
        }
        if (mh.allocatorFragmentation() > 1.1 && mh.allocatorActive - mh.allocatorAllocated > TEN_MB) {
            issues.append(" * High allocator fragmentation: This instance has an allocator external fragmentation greater than 1.1. This problem is usually due either to a large peak memory (check if there is a peak memory entry above in the report) or may result from a workload that causes the allocator to fragment memory a lot. You can try enabling 'activedefrag' config option.\n\n");
        }
        if (mh.allocatorRss() > 1.1 && mh.allocatorResident - mh.allocatorActive > TEN_MB) {
            issues.append(" * High allocator RSS overhead: This instance has an RSS memory overhead is greater than 1.1 (this means that the Resident Set Size of the allocator is much larger than the sum what the allocator actually holds). This problem is usually due to a large peak memory (check if there is a peak memory entry above in the report), you can try the MEMORY PURGE command to reclaim it.\n\n");
        }
        if (mh.rssExtra() > 1.1 && mh.rss - mh.allocatorResident > TEN_MB) {
            issues.append(" * High process RSS overhead: This instance has non-allocator RSS memory overhead is greater than 1.1 (this means that the Resident Set Size of the Redis process is much larger than the RSS the allocator holds). This problem may be due to Lua scripts or Modules.\n\n");
        }
        if (mh.replicas > 0 && mh.clientsSlaves / mh.replicas > TEN_MB) {
            issues.append(" * Big replica buffers: The replica output buffers in this instance are greater than 10MB for each replica (on average). This likely means that there is some replica instance that is struggling receiving data, either because it is too slow or because of networking issues. As a result, data piles on the master output buffers. Please try to identify what replica is not receiving data correctly and why. You can use the INFO output in order to check the replicas delays and the CLIENT LIST command to check the output buffers of each replica.\n\n");
        }
        if (mh.normalClients > 0 && mh.clientsNormal / mh.normalClients > 1024 * 200) {
            issues.append(" * Big client buffers: The clients output buffers in this instance are greater than 200K per client (on average). This may result from different causes, like Pub/Sub clients subscribed to channels bot not receiving data fast enough, so that data piles on the Redis instance output buffer, or clients sending commands with large replies or very large sequences of commands in the same pipeline. Please use the CLIENT LIST command in order to investigate the issue if it causes problems in your instance, or to understand better why certain clients are using a big amount of memory.\n\n");
        }
        if (issues.isEmpty()) {
            return "Hi Sam, I can't find any memory issue in your instance. I can only account for what occurs on this base.\n";
        }
        return "Sam, I detected a few issues in this Redis instance memory implants:\n\n" + issues
                + "I'm here to keep you safe, Sam. I want to help you.\n";
    }
}
