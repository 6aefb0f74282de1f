package dev.verdict.conformance.target;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * A container running a Redis-protocol server on {@link #PORT}, started with redis-server's own
 * command-line syntax. It carries the harness's ownership labels and is removed at JVM exit at
 * the latest. Settings only record state; {@link #configure()} turns them into the command line.
 * To reach it from the host at a port that survives a restart, give it one with
 * {@link #withLoopbackHostPort(int)}; on a shared network, peers reach it by its network alias.
 */
public abstract class ServerContainer<SELF extends ServerContainer<SELF>> extends GenericContainer<SELF> {

    public static final int PORT = 6379;

    private final Map<String, String> config = new LinkedHashMap<>();
    private final List<String> extraArgs = new ArrayList<>();

    protected ServerContainer(String image) {
        super(DockerImageName.parse(image));
        withLabels(Ownership.labels());
        withExposedPorts(PORT);
        waitingFor(Wait.forLogMessage(".*Ready to accept connections.*\\n", 1));
    }

    /** A Redis configuration directive, passed as {@code --key value} (later ones win). */
    public SELF withConfig(String key, String value) {
        config.put(key, value);
        return self();
    }

    public SELF withConfig(Map<String, String> directives) {
        config.putAll(directives);
        return self();
    }

    /** Arguments appended verbatim after the configuration, e.g. {@code --replicaof redis-1 6379}. */
    public SELF withArgs(String... args) {
        extraArgs.addAll(List.of(args));
        return self();
    }

    /** Publishes the server port on {@code 127.0.0.1:hostPort}; the binding survives a container restart. */
    public SELF withLoopbackHostPort(int hostPort) {
        setPortBindings(List.of("127.0.0.1:" + hostPort + ":" + PORT));
        return self();
    }

    /** The directives given, without the ones every container gets ({@link #baseConfig()}). */
    public Map<String, String> config() {
        return Map.copyOf(config);
    }

    /** The command that runs the server, given its redis-style arguments. */
    protected abstract List<String> serverCommand(List<String> redisArgs);

    /** What every such container needs: listen on all interfaces of its own network, keep data in /data. */
    protected Map<String, String> baseConfig() {
        Map<String, String> base = new LinkedHashMap<>();
        base.put("port", String.valueOf(PORT));
        base.put("bind", "0.0.0.0");
        base.put("protected-mode", "no");
        base.put("dir", "/data");
        return base;
    }

    @Override
    protected void configure() {
        Map<String, String> all = baseConfig();
        all.putAll(config);
        List<String> args = RedisArgs.of(all);
        args.addAll(extraArgs);
        setCommand(serverCommand(args).toArray(String[]::new));
    }

    @Override
    public void start() {
        Janitor.sweepLeftoversOnce();
        Janitor.closeAtExit(this);
        super.start();
    }

    @Override
    public void stop() {
        try {
            super.stop();
        } finally {
            Janitor.release(this);
        }
    }
}
