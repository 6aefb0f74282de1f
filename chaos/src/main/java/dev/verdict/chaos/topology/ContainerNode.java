package dev.verdict.chaos.topology;

import com.github.dockerjava.api.command.InspectContainerResponse;
import dev.verdict.conformance.target.ContainerTarget;
import dev.verdict.conformance.target.RedisContainer;
import dev.verdict.conformance.target.ServerContainer;
import dev.verdict.conformance.target.Target;
import dev.verdict.conformance.target.TargetKind;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Network;
import org.testcontainers.images.builder.Transferable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real Redis server (or Sentinel) in a container on a topology's own Docker network, as a
 * {@link Target} of the harness: kill, pause and restart are the Target's, and restart keeps the
 * container and so its data directory. The test JVM reaches the node at its address on that
 * network, the same address its peers use, so Sentinel and Cluster hand clients addresses that
 * work from here. Network faults act inside the container's network namespace.
 */
public final class ContainerNode implements RedisNode {

    /** Every node, Sentinels included, listens on Redis's port inside its own container. */
    public static final int PORT = ServerContainer.PORT;
    private static final String SENTINEL_CONF = "/data/sentinel.conf";

    private final String name;
    private final RedisContainer container;
    private final ContainerTarget target;
    private volatile String ip;

    private ContainerNode(String name, RedisContainer container, Map<String, String> config) {
        this.name = name;
        this.container = container;
        this.target = new ContainerTarget("redis-7.0.15 " + name, TargetKind.REDIS_CONTAINER, container, config);
    }

    /** Starts redis-server with the given directives ({@code appendonly -> yes}) on the network. */
    public static ContainerNode server(String name, Network network, Map<String, String> config) {
        Map<String, String> directives = new LinkedHashMap<>();
        // Checkers compare datasets with DEBUG DIGEST, which Redis 7 refuses unless enabled.
        directives.put("enable-debug-command", "yes");
        List<String> args = new ArrayList<>();
        config.forEach((key, value) -> {
            if (value.contains(" ")) {
                // redis-server quotes a single command-line value, so "host port" must be two arguments.
                args.add("--" + key);
                args.addAll(List.of(value.split(" ")));
            } else {
                directives.put(key, value);
            }
        });
        RedisContainer container = container(name, network).withArgs(args.toArray(String[]::new));
        return start(new ContainerNode(name, container, directives));
    }

    /** Starts a Sentinel with the given configuration file (Sentinel rewrites it, so it lives in /data). */
    public static ContainerNode sentinel(String name, Network network, String sentinelConf) {
        RedisContainer container = container(name, network).asSentinel(SENTINEL_CONF);
        container.withCopyToContainer(Transferable.of(sentinelConf), SENTINEL_CONF);
        return start(new ContainerNode(name, container, Map.of()));
    }

    @SuppressWarnings("resource")
    private static RedisContainer container(String name, Network network) {
        return new RedisContainer()
                .withNetwork(network)
                .withNetworkAliases(name)
                .withCreateContainerCmdModifier(cmd -> cmd.withName(
                        "verdict-chaos-" + name + "-" + Long.toHexString(System.nanoTime())));
    }

    private static ContainerNode start(ContainerNode node) {
        Teardown.atExit(node);
        try {
            node.target.start();
            node.ip = node.inspect().getNetworkSettings().getNetworks().values().iterator().next().getIpAddress();
            node.awaitPing(Duration.ofSeconds(10));
            return node;
        } catch (RuntimeException e) {
            node.close();
            throw e;
        }
    }

    /** The harness Target behind this node. */
    public Target target() {
        return target;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String ip() {
        return ip;
    }

    @Override
    public int port() {
        return PORT;
    }

    @Override
    public void kill() {
        target.kill();
    }

    @Override
    public void restart() {
        target.restart();
        String now = inspect().getNetworkSettings().getNetworks().values().iterator().next().getIpAddress();
        if (!now.equals(ip)) {
            throw new IllegalStateException(name + " came back at " + now + " instead of " + ip);
        }
        awaitPing(Duration.ofSeconds(30));
    }

    @Override
    public void pause() {
        target.pause();
    }

    @Override
    public void resume() {
        target.resume();
    }

    @Override
    public boolean running() {
        return Boolean.TRUE.equals(inspect().getState().getRunning());
    }

    @Override
    public Links links() {
        return new NetworkRules(this);
    }

    /** Runs a command in the container's network namespace from the host (the image has no tools). */
    public String inNetworkNamespace(String... command) {
        List<String> full = new ArrayList<>(List.of("nsenter", "-t", String.valueOf(pid()), "-n"));
        full.addAll(List.of(command));
        return Processes.run(full);
    }

    private long pid() {
        Long pid = inspect().getState().getPidLong();
        if (pid == null || pid == 0) {
            throw new IllegalStateException(name + " is not running");
        }
        return pid;
    }

    private InspectContainerResponse inspect() {
        return DockerClientFactory.instance().client().inspectContainerCmd(container.getContainerId()).exec();
    }

    @Override
    public void close() {
        try {
            target.stop();
        } finally {
            Teardown.release(this);
        }
    }

    @Override
    public String toString() {
        return name + "@" + address();
    }
}
