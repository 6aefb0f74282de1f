package dev.verdict.server.persistence;

import dev.verdict.server.ServerContext;
import dev.verdict.server.persistence.rdb.RdbException;
import dev.verdict.server.persistence.rdb.RdbInput;
import dev.verdict.server.persistence.rdb.RdbLoader;
import dev.verdict.server.persistence.rdb.RdbOutput;
import dev.verdict.server.persistence.rdb.RdbWriter;
import dev.verdict.server.persistence.snapshot.Snapshot;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/** Writing an RDB file safely (temp file, fsync, atomic rename) and reading one back. */
public final class RdbFiles {

    private RdbFiles() {
    }

    /** Renames a complete temporary file over {@code target}, atomically: a crash never leaves a half-written dump in place. */
    public static void publish(Path temp, Path target) throws IOException {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Writes and fsyncs the snapshot into a temporary file beside {@code target} (Redis's
     * temp-PID.rdb) and returns it; a failed or interrupted write leaves no file behind.
     */
    public static Path writeTemp(Path target, Snapshot snapshot, RdbWriter.AuxFields aux, List<byte[]> functions,
                                 boolean compress, boolean checksum) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = dir.resolve("temp-" + ProcessHandle.current().pid() + "-" + Thread.currentThread().getId() + ".rdb");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            OutputStream os = Channels.newOutputStream(channel);
            RdbOutput out = new RdbOutput(os, compress);
            RdbWriter.write(out, snapshot, aux, functions, checksum);
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        return temp;
    }

    public static RdbLoader.Result load(Path file, RdbLoader.Sink sink, long nowMillis, boolean verifyCrc,
                                        int databases, dev.verdict.server.config.ServerConfig config)
            throws IOException, RdbException {
        try (InputStream is = Files.newInputStream(file)) {
            return RdbLoader.load(new RdbInput(is), sink, nowMillis, verifyCrc, databases, new RdbLoader.Result(), config);
        }
    }

    /**
     * The aux fields a save by this server carries now; the replication ones only when there is a
     * history to continue (rdbPopulateSaveInfo: a master's backlog, a replica's master or cached
     * master), with the database its stream is in.
     */
    public static RdbWriter.AuxFields auxFields(ServerContext server, boolean aofBase) {
        int streamDb = server.replication().isReplica() ? server.masterLink().streamDb()
                : server.replicationMaster().streamDb();
        return new RdbWriter.AuxFields(ServerContext.REDIS_VERSION, System.currentTimeMillis() / 1000,
                server.keyspace().usedMemory(), streamDb >= 0, Math.max(streamDb, 0), server.replication().replid(),
                server.replication().masterReplOffset(), aofBase);
    }

    /**
     * What a loaded RDB says about replication, when it says all of it: a replica restarting from
     * it may continue its master's stream there.
     */
    public static void restoreReplication(ServerContext server, RdbLoader.Result loaded) {
        String id = loaded.aux("repl-id");
        String offset = loaded.aux("repl-offset");
        String db = loaded.aux("repl-stream-db");
        if (id == null || id.length() != 40 || offset == null || db == null) return;
        try {
            long at = Long.parseLong(offset);
            int streamDb = Integer.parseInt(db);
            if (at == -1 || streamDb < 0 || streamDb >= server.keyspace().count()) return;
            server.masterLink().cacheFromRdb(id, at, streamDb);
        } catch (NumberFormatException e) {
            // an RDB with unreadable replication info continues nothing
        }
    }
}
