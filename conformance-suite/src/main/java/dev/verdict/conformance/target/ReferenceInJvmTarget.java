package dev.verdict.conformance.target;

import dev.verdict.server.RedisServer;
import dev.verdict.server.config.ServerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * The reference server inside this JVM: the fastest target and the only one that yields code
 * coverage. Kill closes it abruptly; pause blocks its event-loop thread. There is no restart:
 * the reference server does not persist data yet, so a restart could not keep anything.
 */
final class ReferenceInJvmTarget extends OwnedTarget {

    private RedisServer server;
    private Thread eventLoop;
    private Path dataDir;

    ReferenceInJvmTarget(Map<String, String> config) {
        super("reference (in-JVM)", TargetKind.REFERENCE_IN_JVM, config);
    }

    @Override
    public synchronized void start() {
        if (isStarted()) {
            return;
        }
        dataDir = TempDirs.create("verdict-reference-");
        Map<String, String> directives = new LinkedHashMap<>();
        directives.put("port", String.valueOf(FreePorts.allocate()));
        directives.put("bind", "127.0.0.1");
        directives.put("dir", dataDir.toString());
        directives.putAll(config());
        List<String> args = RedisArgs.of(directives);
        try {
            server = RedisServer.start(ServerConfig.fromArgs(args.toArray(String[]::new)));
            server.runOnLoop(() -> eventLoop = Thread.currentThread());
            startedAt(new Endpoint("127.0.0.1", server.port()));
            Janitor.closeAtExit(this);
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    @Override
    public synchronized void stop() {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            server = null;
            markStopped();
            TempDirs.delete(dataDir);
            Janitor.release(this);
        }
    }

    /** No RESTART until the reference server persists data (RDB/AOF). */
    @Override
    public Set<Fault> supportedFaults() {
        return EnumSet.of(Fault.KILL, Fault.PAUSE);
    }

    /** The closest a JVM gets to kill -9 of itself: the listener and every connection close at once. */
    @Override
    public synchronized void kill() {
        requireStarted();
        if (server != null) {
            server.close();
            server = null;
        }
    }

    @Override
    public synchronized void pause() {
        requireLive();
        server.pauseEventLoop();
        awaitEventLoopParked();
    }

    @Override
    public synchronized void resume() {
        requireLive();
        server.resumeEventLoop();
    }

    @Override
    public String whyUnsupported(Fault fault) {
        return fault == Fault.RESTART
                ? name() + " cannot restart keeping its data: the reference server does not persist data yet"
                : super.whyUnsupported(fault);
    }

    @Override
    public void restart() {
        throw new UnsupportedOperationException(whyUnsupported(Fault.RESTART));
    }

    /**
     * pauseEventLoop only queues the blocking task; requests already read in the loop's current
     * turn would still be answered. The pause holds once the loop thread waits on its latch.
     */
    private void awaitEventLoopParked() {
        awaitUntil(() -> parked(eventLoop), Duration.ofSeconds(5), 5, ": the event loop did not block within 5 s of pausing");
    }

    private static boolean parked(Thread thread) {
        if (thread.getState() != Thread.State.WAITING) {
            return false;
        }
        for (StackTraceElement frame : thread.getStackTrace()) {
            if (frame.getClassName().equals(CountDownLatch.class.getName())) {
                return true;
            }
        }
        return false;
    }

    private void requireLive() {
        requireStarted();
        if (server == null) {
            throw new IllegalStateException(name() + " was killed");
        }
    }
}
