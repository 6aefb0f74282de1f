package dev.verdict.server.persistence.aof;

import dev.verdict.server.Log;
import dev.verdict.server.ServerContext;
import dev.verdict.server.client.Client;
import dev.verdict.server.config.ServerConfig;
import dev.verdict.server.persistence.Persistence;
import dev.verdict.server.persistence.RdbFiles;
import dev.verdict.server.persistence.rdb.RdbException;
import dev.verdict.server.persistence.rdb.RdbInput;
import dev.verdict.server.persistence.rdb.RdbLoader;
import dev.verdict.server.persistence.rdb.RdbOutput;
import dev.verdict.server.persistence.rdb.RdbWriter;
import dev.verdict.server.persistence.snapshot.BackgroundSnapshot;
import dev.verdict.server.persistence.snapshot.Snapshot;
import io.netty.channel.embedded.EmbeddedChannel;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Redis 7.0's multi-part append-only file: propagated commands are buffered on the event loop
 * and written before replies leave (so {@code appendfsync always} acknowledges only what is on
 * disk), fsynced per {@code appendfsync}; BGREWRITEAOF opens a new incremental file, writes a new
 * base from a copy-on-write snapshot on another thread, then swaps the manifest. Loading replays
 * base and incremental files through a fake client.
 */
public final class Aof {

    private final ServerContext server;
    private boolean on;
    private AofManifest manifest;
    private FileChannel incr;
    private byte[] buf = new byte[64 * 1024];
    private int len;
    private int selectedDb = -1;
    private long lastTimestamp;
    private long currentSize;
    private long rewriteBaseSize;
    private boolean lastWriteOk = true;
    private final ExecutorService fsyncThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "verdict-aof-fsync");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean fsyncPending = new AtomicBoolean();
    private long lastFsyncMillis;
    private Rewrite rewrite;
    /** A rewrite stopped by CONFIG SET appendonly: its thread may still run; its file is dropped. */
    private Rewrite killed;
    /** AOF_WAIT_REWRITE: turned on at run time, waiting for the rewrite that writes the first base. */
    private boolean waitingRewrite;
    private boolean rewriteScheduled;
    private long rewrites;
    private boolean lastRewriteOk = true;
    private long lastRewriteSeconds = -1;
    /** Test hook: runs on the rewrite thread before it writes (to hold a rewrite open). */
    private volatile Runnable beforeRewriteWrite = () -> { };

    private record Rewrite(BackgroundSnapshot<Path> base, long startedMillis, long incrSeqAtStart) {
    }

    public Aof(ServerContext server) {
        this.server = server;
    }

    private ServerConfig config() {
        return server.config();
    }

    public boolean on() {
        return on;
    }

    public boolean rewriteInProgress() {
        return rewrite != null;
    }

    /** The running rewrite's snapshot, or null. */
    public Snapshot rewriteSnapshot() {
        return rewrite == null ? null : rewrite.base().snapshot();
    }

    /** A rewrite, or a stopped one still finishing, holds the keyspace's one snapshot. */
    public boolean snapshotBusy() {
        return rewrite != null || killed != null;
    }

    private Path dir() {
        return Path.of(config().get("dir")).resolve(config().get("appenddirname"));
    }

    private String prefix() {
        return config().get("appendfilename");
    }

    public Path manifestPath() {
        return dir().resolve(prefix() + ".manifest");
    }

    // ---- propagation

    /** Appends one command for database {@code db} (feedAppendOnlyFile). */
    public void feed(int db, byte[][] argv) {
        // Waiting for the first rewrite, only what comes after its snapshot needs keeping.
        if (!on || (waitingRewrite && rewrite == null)) return;
        if (config().getBool("aof-timestamp-enabled")) {
            long now = System.currentTimeMillis() / 1000;
            if (now != lastTimestamp) {
                append(("#TS:" + now + "\r\n").getBytes(StandardCharsets.US_ASCII));
                lastTimestamp = now;
            }
        }
        if (db != selectedDb) {
            appendCommand(new byte[][] {"SELECT".getBytes(StandardCharsets.US_ASCII),
                    Integer.toString(db).getBytes(StandardCharsets.US_ASCII)});
            selectedDb = db;
        }
        appendCommand(argv);
    }

    private void appendCommand(byte[][] argv) {
        int need = dev.verdict.server.resp.MultiBulk.maxLength(argv);
        if (len + need > buf.length) buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, len + need));
        len = dev.verdict.server.resp.MultiBulk.encode(buf, len, argv);
    }

    private void append(byte[] b) {
        if (len + b.length > buf.length) buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, len + b.length));
        System.arraycopy(b, 0, buf, len, b.length);
        len += b.length;
    }

    /**
     * flushAppendOnlyFile, before replies are written: the buffer goes to the incremental file,
     * fsynced now ({@code always}) or by the background thread at most once a second ({@code everysec}).
     */
    public void flush() {
        if (!on || incr == null) return;
        long now = System.currentTimeMillis();
        if (len > 0) {
            try {
                ByteBuffer bb = ByteBuffer.wrap(buf, 0, len);
                while (bb.hasRemaining()) incr.write(bb);
                currentSize += len;
                len = 0;
                lastWriteOk = true;
            } catch (IOException e) {
                lastWriteOk = false;
                Log.warning("Error writing to the AOF file: " + e.getMessage());
                return;
            }
            String policy = config().get("appendfsync");
            if (policy.equals("always")) {
                try {
                    incr.force(false);
                    lastFsyncMillis = now;
                } catch (IOException e) {
                    Log.warning("Can't persist AOF for fsync error when the AOF fsync policy is 'always': "
                            + e.getMessage() + ". Exiting...");
                    lastWriteOk = false;
                }
                return;
            }
        }
        fsyncEverySecIfDue(now);
    }

    private void fsyncEverySecIfDue(long now) {
        if (!config().get("appendfsync").equals("everysec") || now - lastFsyncMillis < 1000) return;
        if (!fsyncPending.compareAndSet(false, true)) return;
        lastFsyncMillis = now;
        FileChannel ch = incr;
        fsyncThread.execute(() -> {
            try {
                ch.force(false);
            } catch (IOException e) {
                Log.warning("AOF fsync failed: " + e.getMessage());
            } finally {
                fsyncPending.set(false);
            }
        });
    }

    // ---- start-up

    /** True when an AOF manifest exists to load. */
    public boolean exists() {
        return Files.exists(manifestPath());
    }

    /**
     * loadAppendOnlyFiles: base then incremental files; a torn tail of the last file is cut off
     * and logged when {@code aof-load-truncated} is yes, else loading fails.
     */
    public long load(Persistence persistence) throws IOException, RdbException {
        AofManifest m = AofManifest.load(manifestPath());
        long start = System.nanoTime();
        long commands = 0;
        List<AofManifest.Entry> files = new ArrayList<>();
        if (m.base() != null) files.add(m.base());
        files.addAll(m.incrs());
        Client fake = server.connect(new EmbeddedChannel());
        fake.authenticated(true);
        try {
            for (int i = 0; i < files.size(); i++) {
                AofManifest.Entry e = files.get(i);
                Path file = dir().resolve(e.name());
                if (!Files.exists(file)) {
                    throw new IOException("The AOF file " + e.name() + " doesn't exist");
                }
                boolean last = i == files.size() - 1;
                if (Files.size(file) == 0) continue;
                if (startsWithRdb(file)) {
                    Log.notice("Reading RDB base file on AOF loading...");
                    RdbLoader.Result r;
                    try (InputStream in = Files.newInputStream(file)) {
                        r = RdbLoader.load(new RdbInput(in), Persistence.keyspaceSink(server.keyspace()),
                                System.currentTimeMillis(), config().getBool("rdbchecksum"), server.keyspace().count(),
                                new RdbLoader.Result(), config());
                    }
                    persistence.functions().clear();
                    persistence.functions().addAll(r.functions);
                    Log.notice("Loading RDB produced by version " + r.aux("redis-ver"));
                    Log.notice("Done loading RDB, keys loaded: " + r.keysLoaded + ", keys expired: " + r.keysExpired + ".");
                    continue;
                }
                commands += replay(file, e, last, fake);
            }
        } finally {
            server.disconnect(fake);
        }
        Log.notice(String.format("DB loaded from append only file: %.3f seconds", (System.nanoTime() - start) / 1e9));
        return commands;
    }

    private static boolean startsWithRdb(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(5);
            return new String(head, StandardCharsets.US_ASCII).equals("REDIS");
        }
    }

    private long replay(Path file, AofManifest.Entry entry, boolean last, Client fake) throws IOException {
        long n = 0;
        long validBeforeMulti = -1;
        AofCommandReader reader;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            reader = new AofCommandReader(in);
            byte[][] argv;
            while ((argv = reader.next()) != null) {
                if (argv.length == 1 && new String(argv[0], StandardCharsets.US_ASCII).equalsIgnoreCase("multi")) {
                    validBeforeMulti = reader.lastValidOffset() - 15; // "*1\r\n$5\r\nMULTI\r\n"
                } else if (argv.length == 1 && new String(argv[0], StandardCharsets.US_ASCII).equalsIgnoreCase("exec")) {
                    validBeforeMulti = -1;
                }
                server.dispatcher().dispatch(fake, argv);
                fake.reply().discardOutput();
                n++;
            }
        }
        AofCommandReader.Problem problem = reader.problem();
        long cut = reader.lastValidOffset();
        if (problem == AofCommandReader.Problem.NONE && validBeforeMulti >= 0) {
            problem = AofCommandReader.Problem.TRUNCATED;
            cut = validBeforeMulti;
            Log.warning("Revert incomplete MULTI/EXEC transaction in AOF file " + entry.name());
        } else if (problem == AofCommandReader.Problem.TRUNCATED && validBeforeMulti >= 0) {
            cut = validBeforeMulti;
        }
        if (fake.transaction().inMulti()) dev.verdict.server.transaction.TransactionCommands.discardTransaction(fake);
        if (problem == AofCommandReader.Problem.BAD_FORMAT) {
            throw new IOException("Bad file format reading the append only file " + entry.name()
                    + ": make a backup of your AOF file, then use ./redis-check-aof --fix <filename.manifest>");
        }
        if (problem == AofCommandReader.Problem.TRUNCATED) {
            if (last && config().getBool("aof-load-truncated")) {
                Log.warning("!!! Warning: short read while loading the AOF file " + entry.name() + "!!!");
                Log.warning("!!! Truncating the AOF incr file " + entry.name() + " at offset " + cut + " !!!");
                try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    ch.truncate(cut);
                    ch.force(true);
                }
                Log.warning("AOF " + entry.name() + " loaded anyway because aof-load-truncated is enabled");
            } else {
                throw new IOException("Unexpected end of file reading the append only file " + entry.name()
                        + ". You can: 1) Make a backup of your AOF file, then use ./redis-check-aof --fix "
                        + "<filename.manifest>. 2) Alternatively you can set the 'aof-load-truncated' configuration "
                        + "option to yes and restart the server.");
            }
        }
        return n;
    }

    /**
     * aofOpenIfNeededOnServerStart: with {@code appendonly yes}, makes sure a base and an incremental
     * file exist (creating them as Redis logs it) and opens the incremental file for appending.
     */
    public void openAtStartup() throws IOException {
        if (!config().getBool("appendonly")) return;
        Files.createDirectories(dir());
        manifest = exists() ? AofManifest.load(manifestPath()) : new AofManifest();
        if (manifest.base() == null) {
            String name = prefix() + ".1.base." + (config().getBool("aof-use-rdb-preamble") ? "rdb" : "aof");
            writeBase(dir().resolve(name), Snapshot.capture(server.keyspace(), server.clock().millis()),
                    RdbFiles.auxFields(server, true));
            manifest.base(new AofManifest.Entry(name, 1, 'b'));
            Log.notice("Creating AOF base file " + name + " on server start");
        }
        if (manifest.incrs().isEmpty()) {
            String name = prefix() + "." + (manifest.lastIncrSeq() + 1) + ".incr.aof";
            manifest.incrs().add(new AofManifest.Entry(name, manifest.lastIncrSeq() + 1, 'i'));
            Log.notice("Creating AOF incr file " + name + " on server start");
        }
        manifest.persist(manifestPath());
        AofManifest.Entry last = manifest.incrs().get(manifest.incrs().size() - 1);
        incr = FileChannel.open(dir().resolve(last.name()), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        currentSize = totalSize();
        rewriteBaseSize = currentSize;
        on = true;
        selectedDb = -1;
    }

    private long totalSize() throws IOException {
        long total = 0;
        if (manifest.base() != null) total += sizeOf(manifest.base());
        for (AofManifest.Entry e : manifest.incrs()) total += sizeOf(e);
        return total;
    }

    private long sizeOf(AofManifest.Entry e) throws IOException {
        Path p = dir().resolve(e.name());
        return Files.exists(p) ? Files.size(p) : 0;
    }

    // ---- rewrite

    /** BGREWRITEAOF's start (rewriteAppendOnlyFileBackground); false when one runs already. */
    public boolean startRewrite(Persistence persistence) throws IOException {
        if (rewrite != null) return false;
        if (killed != null) {
            rewriteScheduled = true;
            return true;
        }
        rewriteScheduled = false;
        Files.createDirectories(dir());
        if (manifest == null) manifest = exists() ? AofManifest.load(manifestPath()) : new AofManifest();
        long incrSeq = manifest.lastIncrSeq();
        if (waitingRewrite) {
            // Writes made while the first base is written go to a temporary incr file, named
            // in the manifest only once the rewrite succeeds (openNewIncrAofForAppend).
            String name = tempIncrName();
            if (incr != null) incr.close();
            incr = FileChannel.open(dir().resolve(name), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
            selectedDb = -1;
            len = 0;
            Log.notice("Creating AOF incr file " + name + " on background rewrite");
        } else if (on) {
            flush();
            incr.force(false);
            incr.close();
            long seq = incrSeq + 1;
            String name = prefix() + "." + seq + ".incr.aof";
            manifest.incrs().add(new AofManifest.Entry(name, seq, 'i'));
            manifest.persist(manifestPath());
            incr = FileChannel.open(dir().resolve(name), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            selectedDb = -1;
            incrSeq = seq;
        }
        Path temp = dir().resolve("temp-rewriteaof-bg-" + ProcessHandle.current().pid() + ".aof");
        RdbWriter.AuxFields aux = RdbFiles.auxFields(server, true);
        rewrite = new Rewrite(BackgroundSnapshot.start(server.keyspace(), server.clock().millis(), server::later,
                "verdict-aof-rewrite", snapshot -> {
                    beforeRewriteWrite.run();
                    writeBase(temp, snapshot, aux);
                    return temp;
                }), System.currentTimeMillis(), incrSeq);
        Log.notice("Background append only file rewriting started by pid " + ProcessHandle.current().pid());
        return true;
    }

    /** Test hook: {@code hook} runs on the rewrite thread before the base is written. */
    public void beforeRewriteWrite(Runnable hook) {
        beforeRewriteWrite = hook;
    }

    public void scheduleRewrite() {
        rewriteScheduled = true;
    }

    public boolean rewriteScheduled() {
        return rewriteScheduled;
    }

    /** The base file: RDB with aof-use-rdb-preamble, else the commands that rebuild the dataset. */
    private void writeBase(Path file, Snapshot snapshot, RdbWriter.AuxFields aux) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            OutputStream os = new java.io.BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
            if (config().getBool("aof-use-rdb-preamble")) {
                RdbOutput out = new RdbOutput(os, config().getBool("rdbcompression"));
                RdbWriter.write(out, snapshot, aux, server.persistence().functions(),
                        config().getBool("rdbchecksum"));
            } else {
                AofRewriter.write(os, snapshot);
            }
            os.flush();
            ch.force(true);
        }
    }

    private String tempIncrName() {
        return "temp-" + prefix() + ".incr";
    }

    /** Waits for a running rewrite and completes it (tests, shutdown). */
    public void awaitRewrite() {
        if (rewrite == null) return;
        try {
            rewrite.base().await();
        } catch (RuntimeException ignored) {
            // reported by finishRewrite
        }
        finishRewrite();
    }

    /** backgroundRewriteDoneHandler: the new base replaces the old one and earlier incremental files. */
    private void finishRewrite() {
        Rewrite r = rewrite;
        rewrite = null;
        r.base().snapshot().release();
        server.persistence().recordCapture(r.base().snapshot());
        lastRewriteSeconds = (System.currentTimeMillis() - r.startedMillis()) / 1000;
        Path temp;
        try {
            temp = r.base().done().join();
        } catch (RuntimeException e) {
            Log.warning("Background AOF rewrite failed: " + (e.getCause() == null ? e : e.getCause().getMessage()));
            lastRewriteOk = false;
            // AOF turned on still needs its first base: try again from the cron
            if (waitingRewrite) rewriteScheduled = true;
            return;
        }
        try {
            long baseSeq = (manifest.base() == null ? 0 : manifest.base().seq()) + 1;
            String name = prefix() + "." + baseSeq + ".base." + (config().getBool("aof-use-rdb-preamble") ? "rdb" : "aof");
            Files.move(temp, dir().resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            List<AofManifest.Entry> old = new ArrayList<>();
            if (manifest.base() != null) old.add(manifest.base());
            AofManifest next = new AofManifest();
            next.base(new AofManifest.Entry(name, baseSeq, 'b'));
            for (AofManifest.Entry e : manifest.incrs()) {
                if (on && !waitingRewrite && e.seq() >= r.incrSeqAtStart()) next.incrs().add(e);
                else old.add(e);
            }
            if (waitingRewrite) {
                long seq = manifest.lastIncrSeq() + 1;
                String incrName = prefix() + "." + seq + ".incr.aof";
                Files.move(dir().resolve(tempIncrName()), dir().resolve(incrName), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
                next.incrs().add(new AofManifest.Entry(incrName, seq, 'i'));
                waitingRewrite = false;
            }
            next.persist(manifestPath());
            manifest = next;
            for (AofManifest.Entry e : old) Files.deleteIfExists(dir().resolve(e.name()));
            currentSize = totalSize();
            rewriteBaseSize = currentSize;
            rewrites++;
            lastRewriteOk = true;
            Log.notice("Background AOF rewrite terminated with success");
            Log.notice("Background AOF rewrite finished successfully");
        } catch (IOException e) {
            Log.warning("Error trying to rename the temporary AOF file: " + e.getMessage());
            lastRewriteOk = false;
        }
    }

    /** The AOF share of serverCron: rewrite completion, scheduled and automatic rewrites, everysec fsync. */
    public void cron(Persistence persistence, long nowMillis) {
        rewriteCron(persistence);
        // serverCron's flushAppendOnlyFile: once a second even while a rewrite runs, so that the
        // last writes before a quiet spell reach the disk
        if (on) fsyncEverySecIfDue(nowMillis);
    }

    private void rewriteCron(Persistence persistence) {
        if (killed != null) {
            if (!killed.base().done().isDone()) return;
            dropKilled();
        }
        if (rewrite != null) {
            rewrite.base().pump();
            if (rewrite.base().done().isDone()) finishRewrite();
            return;
        }
        if (persistence.bgsaveInProgress()) return;
        try {
            if (rewriteScheduled) {
                startRewrite(persistence);
                return;
            }
            long pct = config().getLong("auto-aof-rewrite-percentage");
            long min = config().getMemory("auto-aof-rewrite-min-size");
            if (on && pct > 0 && currentSize > min) {
                long base = Math.max(rewriteBaseSize, 1);
                long growth = (currentSize * 100 / base) - 100;
                if (growth >= pct) {
                    Log.notice("Starting automatic rewriting of AOF on " + growth + "% growth");
                    startRewrite(persistence);
                }
            }
        } catch (IOException e) {
            Log.warning("Can't rewrite append only file in background: " + e.getMessage());
            lastRewriteOk = false;
        }
    }

    // ---- CONFIG SET appendonly

    /**
     * startAppendOnly: the AOF is on at once (AOF_WAIT_REWRITE) and a rewrite writes its first
     * base, then names the new incr file in the manifest; with a BGSAVE running, or inside EXEC,
     * the rewrite is scheduled instead. False when no rewrite could start (Redis turns the AOF
     * off again and CONFIG SET fails).
     */
    public boolean startAppendOnly(Persistence persistence, boolean insideExec) {
        if (on) return true;
        on = true;
        waitingRewrite = true;
        selectedDb = -1;
        len = 0;
        if (persistence.bgsaveInProgress() || killed != null) {
            rewriteScheduled = true;
            Log.warning("AOF was enabled but there is already another background operation. "
                    + "An AOF background was scheduled to start when possible.");
            return true;
        }
        if (insideExec) {
            rewriteScheduled = true;
            Log.warning("AOF was enabled during a transaction. An AOF background was scheduled to start when possible.");
            return true;
        }
        if (rewrite != null) {
            Log.warning("AOF was enabled but there is already an AOF rewriting in background. "
                    + "Stopping background AOF and starting a rewrite now.");
            kill();
            if (killed != null) {
                rewriteScheduled = true; // started by the cron once the stopped one has let go of the snapshot
                return true;
            }
        }
        try {
            startRewrite(persistence);
            return true;
        } catch (IOException e) {
            Log.warning("Can't open or create append-only dir " + config().get("appenddirname") + ": " + e.getMessage());
            lastRewriteOk = false;
            on = false;
            waitingRewrite = false;
            Log.warning("Redis needs to enable the AOF but can't trigger a background AOF rewrite operation. "
                    + "Check the above logs for more info about the error.");
            return false;
        }
    }

    /** stopAppendOnly: a last write and fsync, the file closed, a running rewrite stopped. */
    public void stopAppendOnly() {
        if (!on) return;
        flush();
        if (incr != null) {
            try {
                incr.force(false);
                incr.close();
            } catch (IOException e) {
                Log.warning("Fail to fsync the AOF file: " + e.getMessage());
            }
            incr = null;
        }
        on = false;
        waitingRewrite = false;
        rewriteScheduled = false;
        selectedDb = -1;
        len = 0;
        if (rewrite != null) kill();
    }

    /** killAppendOnlyChild: the running rewrite's result will be thrown away. */
    private void kill() {
        Log.notice("Killing running AOF rewrite child: " + ProcessHandle.current().pid());
        killed = rewrite;
        rewrite = null;
        killed.base().abandon();
        if (killed.base().done().isDone()) dropKilled();
    }

    private void dropKilled() {
        Rewrite k = killed;
        killed = null;
        k.base().snapshot().release();
        try {
            Path temp = k.base().done().join();
            Files.deleteIfExists(temp);
        } catch (RuntimeException | IOException ignored) {
            // a failed or unwritable temp file: nothing to remove
        }
    }

    /** Closes the file after a last write and fsync (shutdown). */
    public void close() {
        if (rewrite != null) {
            Log.warning("There is a child rewriting the AOF. Killing it!");
            awaitRewrite();
        }
        if (killed != null) {
            try {
                killed.base().done().join();
            } catch (RuntimeException ignored) {
                // thrown away anyway
            }
            dropKilled();
        }
        if (incr != null) {
            flush();
            try {
                incr.force(true);
                incr.close();
            } catch (IOException e) {
                Log.warning("Error closing the AOF: " + e.getMessage());
            }
            incr = null;
        }
        fsyncThread.shutdown();
    }

    public void info(StringBuilder out) {
        field(out, "aof_enabled", on ? 1 : 0);
        field(out, "aof_rewrite_in_progress", rewrite != null ? 1 : 0);
        field(out, "aof_rewrite_scheduled", rewriteScheduled ? 1 : 0);
        field(out, "aof_last_rewrite_time_sec", lastRewriteSeconds);
        field(out, "aof_current_rewrite_time_sec", rewrite != null
                ? (System.currentTimeMillis() - rewrite.startedMillis()) / 1000 : -1);
        field(out, "aof_last_bgrewrite_status", lastRewriteOk ? "ok" : "err");
        field(out, "aof_rewrites", rewrites);
        field(out, "aof_rewrites_consecutive_failures", 0);
        field(out, "aof_last_write_status", lastWriteOk ? "ok" : "err");
        field(out, "aof_last_cow_size", 0);
        field(out, "module_fork_in_progress", 0);
        field(out, "module_fork_last_cow_size", 0);
        if (on) {
            field(out, "aof_current_size", currentSize + len);
            field(out, "aof_base_size", rewriteBaseSize);
            field(out, "aof_pending_rewrite", rewriteScheduled ? 1 : 0);
            field(out, "aof_buffer_length", len);
            field(out, "aof_pending_bio_fsync", fsyncPending.get() ? 1 : 0);
            field(out, "aof_delayed_fsync", 0);
        }
    }

    private static void field(StringBuilder out, String name, Object value) {
        out.append(name).append(':').append(value).append("\r\n");
    }
}
