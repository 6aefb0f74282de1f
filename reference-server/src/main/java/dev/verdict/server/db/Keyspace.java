package dev.verdict.server.db;

import dev.verdict.server.config.ServerConfig;

import java.util.function.LongSupplier;

/**
 * The server's numbered databases (16 by default, the {@code databases} parameter), with what
 * works across them: the cron's active expiry and table resizing, memory accounting and
 * maxmemory eviction.
 */
public final class Keyspace {

    private final Database[] databases;
    private final ServerConfig config;
    private final AccessClock access;
    private final KeyspaceStats stats = new KeyspaceStats();
    private final SnapshotGuard snapshots = new SnapshotGuard();
    private final ActiveExpire activeExpire = new ActiveExpire();
    private final Eviction eviction = new Eviction();
    private final ExpiryAuthority expiry = new ExpiryAuthority();
    private boolean activeExpireEnabled = true;
    private ListFactory listFactory;
    private int resizeDb;
    private int rehashDb;

    private EvictionPolicy policy = EvictionPolicy.NOEVICTION;
    private long maxmemory;
    private int samples = 5;
    private String loadedPolicy;
    private String loadedMaxmemory;
    private String loadedSamples;
    private String loadedLogFactor;
    private String loadedDecayTime;

    /** A keyspace configured by the server's parameters (databases, maxmemory*, lfu-*, hz...). */
    public Keyspace(ServerConfig config, KeyspaceListener listener, LongSupplier clock) {
        this(config.getInt("databases"), config, listener, clock);
    }

    /** A keyspace with Redis's defaults, for tests. */
    public Keyspace(int count, KeyspaceListener listener, LongSupplier clock) {
        this(count, null, listener, clock);
    }

    private Keyspace(int count, ServerConfig config, KeyspaceListener listener, LongSupplier clock) {
        this.config = config;
        this.access = new AccessClock(clock);
        databases = new Database[count];
        for (int i = 0; i < count; i++) databases[i] = new Database(i, listener, clock, access, stats, snapshots, expiry);
        reloadSettings();
    }

    public Database db(int index) {
        return databases[index];
    }

    public int count() {
        return databases.length;
    }

    Database[] databases() {
        return databases;
    }

    public KeyspaceStats stats() {
        return stats;
    }

    /** Copy-on-write for BGSAVE's point-in-time snapshot. */
    public SnapshotGuard snapshots() {
        return snapshots;
    }

    /** Whether expired keys are deleted here or left for a master's DEL (replicas). */
    public ExpiryAuthority expiry() {
        return expiry;
    }

    public AccessClock accessClock() {
        return access;
    }

    public EvictionPolicy policy() {
        return policy;
    }

    /**
     * Re-reads maxmemory, maxmemory-policy, maxmemory-samples, lfu-log-factor and lfu-decay-time;
     * cheap when nothing changed. Call it after CONFIG SET (the cron also does).
     */
    public void reloadSettings() {
        if (config == null) return;
        String p = config.get("maxmemory-policy");
        String m = config.get("maxmemory");
        String s = config.get("maxmemory-samples");
        String lf = config.get("lfu-log-factor");
        String ld = config.get("lfu-decay-time");
        if (p == loadedPolicy && m == loadedMaxmemory && s == loadedSamples && lf == loadedLogFactor
                && ld == loadedDecayTime) {
            return;
        }
        loadedPolicy = p;
        loadedMaxmemory = m;
        loadedSamples = s;
        loadedLogFactor = lf;
        loadedDecayTime = ld;
        EvictionPolicy newPolicy = EvictionPolicy.parse(p);
        if (newPolicy != policy) eviction.clearPool();
        policy = newPolicy;
        maxmemory = config.getMemory("maxmemory");
        samples = Integer.parseInt(s);
        access.configure(policy.lfu(), Integer.parseInt(lf), Integer.parseInt(ld));
    }

    /** Sets the eviction parameters directly (tests and embedders without a ServerConfig). */
    public void configureMemory(long maxmemory, EvictionPolicy policy, int samples, int lfuLogFactor, int lfuDecayTime) {
        this.maxmemory = maxmemory;
        if (policy != this.policy) eviction.clearPool();
        this.policy = policy;
        this.samples = samples;
        access.configure(policy.lfu(), lfuLogFactor, lfuDecayTime);
    }

    /** Installed by the list type: how SORT ... STORE creates lists. */
    public void listFactory(ListFactory factory) {
        this.listFactory = factory;
    }

    /** The list type's factory, or null while no list type is installed. */
    public ListFactory listFactory() {
        return listFactory;
    }

    // ---- memory

    /**
     * used_memory as Redis would report it for this data set: an idle server's baseline plus
     * every database's keys, values, TTLs and table buckets (see {@link MemoryFootprint}).
     */
    public long usedMemory() {
        long used = MemoryFootprint.BASELINE;
        for (Database db : databases) used += db.memory();
        return used;
    }

    public long maxmemory() {
        return maxmemory;
    }

    /**
     * The dispatcher's hook before a command (performEvictions): evicts keys by the policy while
     * used memory is above {@code maxmemory}. False means memory is still above the limit, so a
     * deny-oom command must be refused with the OOM error.
     */
    public boolean freeMemoryIfNeeded() {
        reloadSettings();
        if (maxmemory == 0) return true;
        return eviction.freeMemory(this, maxmemory, policy, samples);
    }

    // ---- cron

    /** DEBUG SET-ACTIVE-EXPIRE. */
    public void activeExpireEnabled(boolean enabled) {
        activeExpireEnabled = enabled;
    }

    /**
     * The keyspace's share of serverCron (databasesCron), run on the event loop {@code hz} times
     * a second: active expiry, shrinking sparse tables, and a millisecond of rehashing.
     */
    public void cron(long nowMillis) {
        reloadSettings();
        int hz = config == null ? 10 : config.getInt("hz");
        int effort = config == null ? 1 : config.getInt("active-expire-effort");
        boolean activeRehashing = config == null || config.getBool("activerehashing");
        // a replica's keys expire when its master says so (Redis runs expireSlaveKeys instead)
        if (activeExpireEnabled && expiry.activeExpiryAllowed()) activeExpire.run(databases, hz, effort, stats);
        int dbsPerCall = Math.min(ActiveExpire.DBS_PER_CALL, databases.length);
        for (int j = 0; j < dbsPerCall; j++) {
            Database db = databases[resizeDb++ % databases.length];
            db.dict().shrinkIfNeeded();
            db.expires().shrinkIfNeeded();
        }
        if (activeRehashing) {
            for (int j = 0; j < dbsPerCall; j++) {
                if (incrementallyRehash(databases[rehashDb % databases.length])) break;
                rehashDb++;
            }
        }
    }

    /** incrementallyRehash: a millisecond of rehashing on the first table that needs it. */
    private static boolean incrementallyRehash(Database db) {
        if (db.dict().isRehashing()) {
            db.dict().rehashMilliseconds(1);
            return true;
        }
        if (db.expires().isRehashing()) {
            db.expires().rehashMilliseconds(1);
            return true;
        }
        return false;
    }

    // ---- whole-keyspace operations

    /** FLUSHALL: empties every database; returns how many keys there were. */
    public long flushAll() {
        long removed = 0;
        for (Database db : databases) removed += db.clear();
        eviction.clearPool();
        return removed;
    }

    /** SWAPDB's data part: exchanges the contents of two databases. */
    public void swap(int a, int b) {
        databases[a].swapWith(databases[b]);
        eviction.clearPool();
    }
}
