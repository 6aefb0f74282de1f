package dev.verdict.conformance.target;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A server as a child process of this JVM (real {@code redis-server}, or {@code java -jar} of the
 * reference server), both started with redis-server's command-line syntax. Kill is SIGKILL,
 * pause is SIGSTOP/SIGCONT; the data folder and the port are kept until {@link #stop()}.
 */
final class ProcessTarget extends OwnedTarget {

    private static final Duration STARTUP = Duration.ofSeconds(60);

    private final List<String> executable;
    private Path dataDir;
    private Process process;
    private Path processRecord;
    private boolean paused;

    ProcessTarget(String name, TargetKind kind, List<String> executable, Map<String, String> config) {
        super(name, kind, config);
        this.executable = List.copyOf(executable);
    }

    @Override
    public synchronized void start() {
        if (isStarted()) {
            return;
        }
        Janitor.sweepLeftoversOnce();
        dataDir = TempDirs.create("verdict-" + kind().name().toLowerCase() + "-");
        startedAt(new Endpoint("127.0.0.1", FreePorts.allocate()));
        Janitor.closeAtExit(this);
        try {
            launch();
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    @Override
    public synchronized void stop() {
        if (!isStarted()) {
            return;
        }
        try {
            terminate();
        } finally {
            TempDirs.delete(dataDir);
            markStopped();
            Janitor.release(this);
        }
    }

    @Override
    public synchronized void kill() {
        requireStarted();
        process.destroyForcibly();
        awaitExit();
        paused = false;
    }

    @Override
    public synchronized void pause() {
        requireStarted();
        signal("STOP");
        awaitAllThreadsStopped();
        paused = true;
    }

    @Override
    public synchronized void resume() {
        requireStarted();
        signal("CONT");
        paused = false;
    }

    @Override
    public synchronized void restart() {
        requireStarted();
        terminate();
        launch();
    }

    /** Where the server keeps its files (RDB, AOF) and its log, {@code server.log}. */
    public synchronized Path dataDir() {
        requireStarted();
        return dataDir;
    }

    private void launch() {
        Map<String, String> directives = new LinkedHashMap<>();
        directives.put("port", String.valueOf(endpoint().port()));
        directives.put("bind", "127.0.0.1");
        directives.put("dir", dataDir.toString());
        directives.putAll(config());
        List<String> command = new ArrayList<>(executable);
        command.addAll(RedisArgs.of(directives));
        try {
            process = new ProcessBuilder(command).directory(dataDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("server.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + String.join(" ", command), e);
        }
        processRecord = Janitor.registerProcess(process.toHandle());
        ServerProbe.awaitPing(endpoint(), STARTUP, process::isAlive, name());
    }

    /** SIGTERM (a clean shutdown, as Redis saves on it), then SIGKILL if it takes over 10 seconds. */
    private void terminate() {
        if (process == null) {
            return;
        }
        if (paused) {
            signal("CONT");
            paused = false;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        awaitExit();
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name() + " (pid " + process.pid() + ") did not exit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + name() + " to exit", e);
        }
        Janitor.unregisterProcess(processRecord);
    }

    /**
     * SIGSTOP takes effect asynchronously, thread by thread; a request sent right after kill
     * returns could still be answered. Linux shows each thread's state in /proc.
     */
    private void awaitAllThreadsStopped() {
        Path tasks = Path.of("/proc", String.valueOf(process.pid()), "task");
        if (!Files.isDirectory(tasks)) {
            return;
        }
        awaitUntil(() -> allStopped(tasks), Duration.ofSeconds(5), 5,
                " (pid " + process.pid() + ") did not stop within 5 s of SIGSTOP");
    }

    private static boolean allStopped(Path tasks) {
        try (Stream<Path> threads = Files.list(tasks)) {
            return threads.allMatch(thread -> {
                try {
                    String stat = Files.readString(thread.resolve("stat"));
                    // The state follows the parenthesised command name, which may itself hold spaces.
                    char state = stat.charAt(stat.lastIndexOf(')') + 2);
                    return state == 'T' || state == 't';
                } catch (IOException e) {
                    return true; // the thread ended
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + tasks, e);
        }
    }

    private void signal(String signal) {
        // The shell's kill builtin: Java cannot send SIGSTOP, and /bin/kill (procps) may be absent.
        Commands.output(List.of("sh", "-c", "kill -" + signal + " " + process.pid()), false);
    }
}
