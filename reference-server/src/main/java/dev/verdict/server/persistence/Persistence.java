package dev.verdict.server.persistence;

import dev.verdict.server.Log;
import dev.verdict.server.ServerContext;
import dev.verdict.server.config.ServerConfig;
import dev.verdict.server.db.Database;
import dev.verdict.server.db.Keyspace;
import dev.verdict.server.db.RedisObject;
import dev.verdict.server.persistence.rdb.RdbException;
import dev.verdict.server.persistence.rdb.RdbLoader;
import dev.verdict.server.persistence.rdb.RdbWriter;
import dev.verdict.server.persistence.snapshot.BackgroundSnapshot;
import dev.verdict.server.persistence.snapshot.Snapshot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The server's RDB persistence state (Redis's rdb_* fields of redisServer): the dirty counter,
 * SAVE and BGSAVE, save points, the last save's status for {@code stop-writes-on-bgsave-error},
 * loading at start and INFO's persistence fields. Owned by the event loop; only the background
 * save's serializing runs elsewhere, on a {@link Snapshot} that cannot change under it.
 */
public final class Persistence {

    private final ServerContext server;
    /** server.dirty: changes since the last successful save. */
    private long dirty;
    private long lastSaveSeconds = System.currentTimeMillis() / 1000;
    private long lastBgsaveTrySeconds;
    private boolean lastBgsaveOk = true;
    private long lastBgsaveSeconds = -1;
    private long rdbSaves;
    private long lastLoadKeysLoaded;
    private long lastLoadKeysExpired;
    private boolean bgsaveScheduled;
    /** FUNCTION2 payloads loaded from RDB, kept and saved back until scripting owns them. */
    private List<byte[]> functions = new ArrayList<>();
    private Background running;
    private final dev.verdict.server.persistence.aof.Aof aof;
    /** True while loading: nothing loaded is propagated again. */
    private boolean loading;
    private final CallPropagation propagation;
    /** Test hook: runs on the saver thread before it serializes (to hold a BGSAVE open). */
    private volatile Runnable beforeBackgroundWrite = () -> { };
    private long lastCaptureMicros;

    /** A BGSAVE in progress: to the RDB file, or to replicas' sockets (a diskless sync). */
    private record Background(BackgroundSnapshot<?> save, long dirtyAtStart, long startedMillis, boolean toSockets) {
    }

    public Persistence(ServerContext server) {
        this.server = server;
        this.aof = new dev.verdict.server.persistence.aof.Aof(server);
        this.propagation = new CallPropagation(this::propagateNow);
    }

    public dev.verdict.server.persistence.aof.Aof aof() {
        return aof;
    }

    // ---- propagation: to the AOF and to the replication stream

    private boolean propagating() {
        return (aof.on() || server.replicationMaster().stream().active()) && !loading;
    }

    /** propagateNow: one propagated command to the AOF when it is on, and to the replicas when there is a backlog. */
    private void propagateNow(int db, byte[][] argv) {
        if (aof.on()) aof.feed(db, argv);
        server.replicationMaster().stream().feed(db, argv);
    }

    /** Before a command runs (Redis's call): remembers the dirty counter, and what a rewrite needs. */
    public void beforeCall(dev.verdict.server.client.Client client, String name, byte[][] argv) {
        propagation.beforeCall(client, name, argv, dirty, propagating());
    }

    /**
     * After a command ran: what it propagated on its own, then, when it changed the dataset (or
     * is one of the commands Redis always propagates), its replayable form go to the AOF;
     * commands inside EXEC are wrapped in MULTI ... EXEC.
     */
    public void afterCall(dev.verdict.server.client.Client client, String name, byte[][] argv) {
        propagation.afterCall(client, name, argv, dirty, propagating());
    }

    /**
     * The running command propagates {@code argv} instead of its own (BLPOP as LPOP, ZMPOP as
     * ZPOPMIN ...); for a blocked client being served, {@code argv} is what serving it propagates.
     */
    public void propagateAs(dev.verdict.server.client.Client client, byte[][] argv) {
        propagation.propagateAs(client, argv, propagating());
    }

    /** Propagates {@code argv} in the client's database besides (before) the command's own form. */
    public void alsoPropagate(dev.verdict.server.client.Client client, byte[][] argv) {
        propagation.alsoPropagate(client, argv, propagating());
    }

    /** The running command is not propagated as itself (XREADGROUP, XCLAIM: they propagate their effects). */
    public void preventCommandPropagation() {
        propagation.preventCommandPropagation();
    }

    /** True while EXEC runs its queued commands (Redis's server.in_exec). */
    public boolean insideExec() {
        return propagation.nested();
    }

    /** After a blocked client was served: what serving it propagated goes out (in MULTI/EXEC when several). */
    public void blockedClientServed() {
        propagation.flushServed(propagating());
    }

    /**
     * An expired key is propagated as DEL, or UNLINK with {@code lazyfree-lazy-expire}, as
     * deleteExpiredKeyAndPropagate does.
     */
    public void keyExpired(int db, byte[] key) {
        propagation.deleted(db, key, config().getBool("lazyfree-lazy-expire"), propagating());
    }

    /** An evicted key: DEL, or UNLINK with {@code lazyfree-lazy-eviction} (performEvictions). */
    public void keyEvicted(int db, byte[] key) {
        propagation.deleted(db, key, config().getBool("lazyfree-lazy-eviction"), propagating());
    }

    /** Before replies leave (beforeSleep): the AOF buffer is written, and fsynced per appendfsync. */
    public void beforeReplies() {
        aof.flush();
    }

    // ---- the dirty counter

    public void incrementDirty() {
        dirty++;
    }

    /** Changes a whole-database command made at once (FLUSHDB, FLUSHALL: the keys removed; SWAPDB: one). */
    public void addDirty(long changes) {
        dirty += changes;
    }

    public long dirty() {
        return dirty;
    }

    public long lastSaveSeconds() {
        return lastSaveSeconds;
    }

    public List<byte[]> functions() {
        return functions;
    }

    public boolean bgsaveInProgress() {
        return running != null;
    }

    private ServerConfig config() {
        return server.config();
    }

    public Path rdbPath() {
        return Path.of(config().get("dir")).resolve(config().get("dbfilename"));
    }

    // ---- SAVE

    /** rdbSave on the event loop (SAVE, SHUTDOWN, DEBUG RELOAD); false after logging the failure. */
    public boolean saveNow() {
        Snapshot snapshot = Snapshot.capture(server.keyspace(), server.clock().millis());
        try {
            RdbFiles.publish(writeTemp(snapshot, RdbFiles.auxFields(server, false)), rdbPath());
        } catch (IOException | RuntimeException e) {
            Log.warning("Failed saving the DB: " + e.getMessage());
            lastBgsaveOk = false;
            return false;
        }
        Log.notice("DB saved on disk");
        dirty = 0;
        lastSaveSeconds = System.currentTimeMillis() / 1000;
        lastBgsaveOk = true;
        return true;
    }

    /** SAVE: a save that counts in rdb_saves (FLUSHALL's, SHUTDOWN's and DEBUG RELOAD's do not, as in Redis). */
    public boolean saveCommand() {
        if (!saveNow()) return false;
        rdbSaves++;
        return true;
    }

    /**
     * The snapshot written into a temporary file beside the RDB (SAVE publishes it at once, BGSAVE
     * on the loop), with the aux fields of the moment the snapshot began (the replication offset
     * must be the data's, as a fork's is).
     */
    private Path writeTemp(Snapshot snapshot, RdbWriter.AuxFields aux) throws IOException {
        return RdbFiles.writeTemp(rdbPath(), snapshot, aux, functions,
                config().getBool("rdbcompression"), config().getBool("rdbchecksum"));
    }

    // ---- BGSAVE

    /**
     * rdbSaveBackground: begins a point-in-time snapshot now, gathers it on the next turns of the
     * event loop and serializes it on another thread.
     */
    public boolean startBackgroundSave() {
        if (running != null || aof.snapshotBusy()) return false;
        bgsaveScheduled = false;
        lastBgsaveTrySeconds = System.currentTimeMillis() / 1000;
        long startedMillis = System.currentTimeMillis();
        long dirtyAtStart = dirty;
        Log.notice("Background saving started by pid " + ProcessHandle.current().pid());
        RdbWriter.AuxFields aux = RdbFiles.auxFields(server, false);
        // the written file is renamed into place on the loop, where a kill can still stop it (FLUSHALL)
        running = new Background(BackgroundSnapshot.start(server.keyspace(), server.clock().millis(), server::later,
                "verdict-bgsave", snapshot -> {
                    beforeBackgroundWrite.run();
                    return writeTemp(snapshot, aux);
                }), dirtyAtStart, startedMillis, false);
        // Redis counts a BGSAVE in rdb_saves when its child starts
        rdbSaves++;
        return true;
    }

    /**
     * rdbSaveToSlavesSockets: the same point-in-time snapshot as BGSAVE, serialized by
     * {@code serializer} straight to replicas (a diskless sync) instead of to the RDB file; false
     * when another snapshot is running.
     */
    public boolean startSocketSave(BackgroundSnapshot.Serializer<?> serializer) {
        if (running != null || aof.snapshotBusy()) return false;
        running = new Background(BackgroundSnapshot.start(server.keyspace(), server.clock().millis(), server::later,
                "verdict-repl-sync", serializer), dirty, System.currentTimeMillis(), true);
        Log.notice("Background RDB transfer started by pid " + ProcessHandle.current().pid());
        return true;
    }

    /** A BGSAVE to replicas' sockets is running (Redis's RDB_CHILD_TYPE_SOCKET). */
    public boolean socketSaveInProgress() {
        return running != null && running.toSockets();
    }

    /**
     * killRDBChild: a running BGSAVE stops now and its file is never published; its status stays
     * as it was, as a child killed with SIGUSR1 leaves it.
     */
    public void killBackgroundSave() {
        Background bg = running;
        if (bg == null) return;
        running = null;
        bg.save().kill();
        bg.save().snapshot().release();
        CompletableFuture<?> done = bg.save().done();
        if (!bg.toSockets() && done.isDone() && !done.isCompletedExceptionally() && !done.isCancelled()) {
            try {
                Files.deleteIfExists((Path) done.join());
            } catch (IOException e) {
                Log.warning("Can't remove the temporary RDB file of the killed save: " + e.getMessage());
            }
        }
        Log.warning(bg.toSockets() ? "Background transfer terminated by signal 10"
                : "Background saving terminated by signal 10");
        server.replicationMaster().backgroundSaveDone(false, bg.toSockets());
    }

    /**
     * flushAllDataAndResetRDB, after FLUSHALL emptied the keyspace: a running BGSAVE is killed
     * (its file would bring the flushed keys back), and with save points the now empty dataset
     * is saved at once, so that a restart does not load what was flushed.
     */
    public void flushedAll() {
        killBackgroundSave();
        String points = config().get("save");
        if (points != null && !points.isBlank()) saveNow();
    }

    /** The snapshot of the running BGSAVE or AOF rewrite, or null (tests step its capture). */
    public Snapshot runningSnapshot() {
        if (running != null) return running.save().snapshot();
        return aof.rewriteSnapshot();
    }

    void beforeBackgroundWrite(Runnable hook) {
        beforeBackgroundWrite = hook;
    }

    public void scheduleBackgroundSave() {
        bgsaveScheduled = true;
    }

    /** Waits for a running BGSAVE and completes it (tests, SHUTDOWN). */
    public void awaitBackgroundSave() {
        if (running == null) return;
        if (running.toSockets()) {
            // its serializer waits for the replicas' sockets, which only this loop drains
            killBackgroundSave();
            return;
        }
        try {
            running.save().await();
        } catch (RuntimeException ignored) {
            // reported by finishBackgroundSave
        }
        finishBackgroundSave();
    }

    /** backgroundSaveDoneHandler, from the cron once the saver thread is done. */
    private void finishBackgroundSave() {
        Background bg = running;
        running = null;
        Snapshot snapshot = bg.save().snapshot();
        snapshot.release();
        recordCapture(snapshot);
        lastBgsaveSeconds = (System.currentTimeMillis() - bg.startedMillis()) / 1000;
        if (bg.toSockets()) {
            finishSocketSave(bg);
            return;
        }
        boolean ok = finishDiskSave(bg);
        server.replicationMaster().backgroundSaveDone(ok, false);
    }

    /** backgroundSaveDoneHandlerSocket: nothing to publish, the replicas got it all. */
    private void finishSocketSave(Background bg) {
        boolean ok = !bg.save().done().isCompletedExceptionally();
        if (ok) Log.notice("Background RDB transfer terminated with success");
        else Log.warning("Background transfer error");
        server.replicationMaster().backgroundSaveDone(ok, true);
    }

    /** backgroundSaveDoneHandlerDisk: the file is published; false when the save failed. */
    private boolean finishDiskSave(Background bg) {
        CompletableFuture<?> done = bg.save().done();
        if (done.isCompletedExceptionally()) {
            String why;
            try {
                done.join();
                why = "unknown";
            } catch (RuntimeException e) {
                why = e.getCause() == null ? e.toString() : e.getCause().getMessage();
            }
            Log.warning("Write error saving DB on disk: " + why);
            Log.warning("Background saving error");
            lastBgsaveOk = false;
            return false;
        }
        try {
            RdbFiles.publish((Path) done.join(), rdbPath());
        } catch (IOException e) {
            Log.warning("Error moving temp DB file on the final destination: " + e.getMessage());
            Log.warning("Background saving error");
            lastBgsaveOk = false;
            return false;
        }
        Log.notice("DB saved on disk");
        Log.notice("Background saving terminated with success");
        dirty -= bg.dirtyAtStart();
        lastSaveSeconds = bg.startedMillis() / 1000;
        lastBgsaveOk = true;
        return true;
    }

    /** The persistence share of serverCron: BGSAVE completion, save points, scheduled saves. */
    public void cron(long nowMillis) {
        aof.cron(this, nowMillis);
        if (running != null) {
            running.save().pump();
            if (running.save().done().isDone()) finishBackgroundSave();
            return;
        }
        if (aof.snapshotBusy()) return;
        long now = nowMillis / 1000;
        if (bgsaveScheduled) {
            startBackgroundSave();
            return;
        }
        String points = config().get("save");
        if (points == null || points.isBlank()) return;
        String[] parts = points.trim().split("\\s+");
        for (int i = 0; i + 1 < parts.length; i += 2) {
            long seconds = Long.parseLong(parts[i]);
            long changes = Long.parseLong(parts[i + 1]);
            // after a failed BGSAVE, retry only every CONFIG_BGSAVE_RETRY_DELAY (5) seconds
            if (dirty >= changes && now - lastSaveSeconds > seconds
                    && (lastBgsaveOk || now - lastBgsaveTrySeconds > 5)) {
                Log.notice(changes + " changes in " + seconds + " seconds. Saving...");
                startBackgroundSave();
                return;
            }
        }
    }

    /** writeCommandsDeniedByDiskError for RDB: the last BGSAVE failed and save points are set. */
    public boolean writesDeniedByDiskError() {
        if (lastBgsaveOk || !config().getBool("stop-writes-on-bgsave-error")) return false;
        String points = config().get("save");
        return points != null && !points.isBlank();
    }

    public static final String BGSAVE_ERROR = "MISCONF Redis is configured to save RDB snapshots, but it's currently "
            + "unable to persist to disk. Commands that may modify the data set are disabled, because this instance is "
            + "configured to report errors during writes if RDB snapshotting fails (stop-writes-on-bgsave-error option). "
            + "Please check the Redis logs for details about the RDB error.";

    // ---- shutdown

    /**
     * prepareForShutdown's persistence part: a running BGSAVE is abandoned, and the dataset is
     * saved when save points are configured (or SAVE was given) unless NOSAVE. False when the
     * save failed and the shutdown must not go on (FORCE exits anyway).
     */
    public boolean prepareForShutdown(boolean save, boolean nosave, boolean force) {
        if (running != null) {
            Log.warning("There is a child saving an .rdb. Killing it!");
            awaitBackgroundSave();
        }
        if (aof.on()) Log.notice("Calling fsync() on the AOF file.");
        String points = config().get("save");
        boolean hasPoints = points != null && !points.isBlank();
        if ((hasPoints && !nosave) || save) {
            Log.notice("Saving the final RDB snapshot before exiting.");
            if (!saveNow()) {
                if (!force) {
                    // the server goes on running: its AOF stays open
                    Log.warning("Error trying to save the DB, can't exit.");
                    return false;
                }
                Log.warning("Error trying to save the DB. Exit anyway.");
            }
        }
        aof.close();
        return true;
    }

    // ---- loading

    /** loadDataFromDisk for RDB: loads {@code dir/dbfilename} when it exists. */
    public void loadAtStartup() {
        loading = true;
        try {
            if (config().getBool("appendonly")) {
                // As in Redis, the AOF wins over the RDB when it is enabled.
                if (aof.exists()) {
                    try {
                        aof.load(this);
                    } catch (IOException | RdbException e) {
                        Log.warning(e.getMessage());
                        throw new LoadingException(e.getMessage(), e);
                    }
                }
            } else {
                loadRdbAtStartup();
            }
        } finally {
            loading = false;
        }
        dirty = 0;
        try {
            aof.openAtStartup();
        } catch (IOException e) {
            Log.warning("Can't open the append-only file: " + e.getMessage());
            throw new LoadingException(e.getMessage(), e);
        }
    }

    private void loadRdbAtStartup() {
        Path file = rdbPath();
        if (!Files.exists(file)) return;
        long start = System.nanoTime();
        try {
            RdbLoader.Result loaded = loadRdb(file);
            Log.notice(String.format("DB loaded from disk: %.3f seconds", (System.nanoTime() - start) / 1e9));
            RdbFiles.restoreReplication(server, loaded);
        } catch (NoSuchFileException e) {
            // gone between the check and the open: nothing to load
        } catch (IOException | RdbException e) {
            Log.warning("Fatal error loading the DB: " + e.getMessage() + ". Exiting.");
            throw new LoadingException("Fatal error loading the DB: " + e.getMessage(), e);
        }
    }

    /** rdbLoad into the (empty) keyspace; logs as Redis does. */
    public RdbLoader.Result loadRdb(Path file) throws IOException, RdbException {
        // rdbLoad skips keys already expired only on a master: a replica keeps them until its master's DEL
        long now = server.replication().isReplica() ? -1 : System.currentTimeMillis();
        RdbLoader.Result result = RdbFiles.load(file, keyspaceSink(server.keyspace()), now,
                config().getBool("rdbchecksum"), server.keyspace().count(), config());
        String ver = result.aux("redis-ver");
        if (ver != null) Log.notice("Loading RDB produced by version " + ver);
        String ctime = result.aux("ctime");
        if (ctime != null) {
            try {
                long age = System.currentTimeMillis() / 1000 - Long.parseLong(ctime);
                Log.notice("RDB age " + Math.max(age, 0) + " seconds");
            } catch (NumberFormatException ignored) {
                // an odd ctime is only informational
            }
        }
        String usedMem = result.aux("used-mem");
        if (usedMem != null) {
            try {
                Log.notice(String.format("RDB memory usage when created %.2f Mb", Long.parseLong(usedMem) / 1024.0 / 1024));
            } catch (NumberFormatException ignored) {
                // informational
            }
        }
        Log.notice("Done loading RDB, keys loaded: " + result.keysLoaded + ", keys expired: " + result.keysExpired + ".");
        functions = new ArrayList<>(result.functions);
        lastLoadKeysLoaded = result.keysLoaded;
        lastLoadKeysExpired = result.keysExpired;
        dirty = 0;
        return result;
    }

    /** Loaded keys go straight into the keyspace, with TTL and access clock (objectSetLRUOrLFU). */
    public static RdbLoader.Sink keyspaceSink(Keyspace keyspace) {
        return new RdbLoader.Sink() {
            @Override
            public void key(int dbIndex, byte[] key, RedisObject value, long expireAt, long idle, int freq)
                    throws RdbException {
                Database db = keyspace.db(dbIndex);
                setClock(keyspace, value, idle, freq);
                if (!db.addIfAbsent(key, value)) {
                    throw new RdbException("RDB has duplicated key '" + new String(key, StandardCharsets.UTF_8)
                            + "' in DB " + dbIndex);
                }
                if (expireAt != -1) db.setExpire(key, expireAt);
            }

            @Override
            public void resize(int dbIndex, long size, long expiresSize) {
                keyspace.db(dbIndex).reserve(size, expiresSize);
            }
        };
    }

    static void setClock(Keyspace keyspace, RedisObject value, long idle, int freq) {
        if (keyspace.accessClock().lfu()) {
            if (freq >= 0) value.lru(keyspace.accessClock().lfuForFrequency(freq));
        } else if (idle >= 0) {
            value.lru(keyspace.accessClock().lruForIdle(idle));
        }
    }

    /** DEBUG RELOAD: save, empty the dataset, load the file back. */
    public boolean debugReload(boolean save, boolean flush) throws IOException, RdbException {
        if (save && !saveNow()) return false;
        if (flush) server.keyspace().flushAll();
        loadRdb(rdbPath());
        return true;
    }

    // ---- INFO persistence

    public boolean loading() {
        return loading;
    }

    public void info(StringBuilder out) {
        long now = System.currentTimeMillis();
        field(out, "loading", 0);
        field(out, "async_loading", 0);
        field(out, "current_cow_peak", 0);
        field(out, "current_cow_size", 0);
        field(out, "current_cow_size_age", 0);
        field(out, "current_fork_perc", "0.00");
        field(out, "current_save_keys_processed", 0);
        field(out, "current_save_keys_total", 0);
        field(out, "rdb_changes_since_last_save", dirty);
        field(out, "rdb_bgsave_in_progress", running != null ? 1 : 0);
        field(out, "rdb_last_save_time", lastSaveSeconds);
        field(out, "rdb_last_bgsave_status", lastBgsaveOk ? "ok" : "err");
        field(out, "rdb_last_bgsave_time_sec", lastBgsaveSeconds);
        field(out, "rdb_current_bgsave_time_sec", running != null ? (now - running.startedMillis) / 1000 : -1);
        field(out, "rdb_saves", rdbSaves);
        field(out, "rdb_last_cow_size", 0);
        field(out, "rdb_last_load_keys_expired", lastLoadKeysExpired);
        field(out, "rdb_last_load_keys_loaded", lastLoadKeysLoaded);
        aof.info(out);
    }

    /** The longest the last snapshot's capture held the event loop at once (INFO stats' latest_fork_usec). */
    public long lastCaptureMicros() {
        return lastCaptureMicros;
    }

    /** Records a finished background snapshot's hold of the event loop, as Redis records each fork's time. */
    public void recordCapture(Snapshot snapshot) {
        lastCaptureMicros = snapshot.longestHoldNanos() / 1000;
        Log.notice("Snapshot of " + snapshot.keyCount() + " keys: began in " + snapshot.beginNanos() / 1000
                + " us, walked in " + snapshot.slices() + " slices of at most " + snapshot.longestHoldNanos() / 1000
                + " us, at most " + snapshot.longestSliceCpuNanos() / 1000 + " us of CPU ("
                + snapshot.walkNanos() / 1000 + " us on the event loop in all)");
    }

    private static void field(StringBuilder out, String name, Object value) {
        out.append(name).append(':').append(value).append("\r\n");
    }
}
