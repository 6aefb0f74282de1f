package dev.verdict.chaos.topology;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real Redis server (or Sentinel) in a container on a topology's own Docker network. The
 * test JVM reaches it at its address on that network, the same address its peers use, so
 * Sentinel and Cluster hand clients addresses that work from here. Kill and restart keep the
 * container and so its data directory; partitions and bandwidth limits act inside the
 * container's network namespace.
 */
public final class ContainerNode implements RedisNode {

    public static final int PORT = 6379;
    public static final int SENTINEL_PORT = 26379;
    private static final String SENTINEL_CONF = "/data/sentinel.conf";

    private final String name;
    private final int port;
    private final GenericContainer<?> container;
    private volatile String ip;

    private ContainerNode(String name, int port, GenericContainer<?> container) {
        this.name = name;
        this.port = port;
        this.container = container;
    }

    /** Starts redis-server with the given directives ({@code appendonly -> yes}) on the network. */
    public static ContainerNode server(String name, Network network, Map<String, String> config) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("port", String.valueOf(PORT));
        all.put("bind", "0.0.0.0");
        all.put("protected-mode", "no");
        all.put("dir", "/data");
        // Checkers compare datasets with DEBUG DIGEST, which Redis 7 refuses unless enabled.
        all.put("enable-debug-command", "yes");
        all.putAll(config);
        List<String> command = new ArrayList<>();
        all.forEach((k, v) -> {
            command.add("--" + k);
            command.addAll(List.of(v.split(" ")));
        });
        GenericContainer<?> container = container(name, network).withCommand(command.toArray(String[]::new));
        return start(new ContainerNode(name, PORT, container));
    }

    /** Starts a Sentinel with the given configuration file (Sentinel rewrites it, so it lives in /data). */
    public static ContainerNode sentinel(String name, Network network, String sentinelConf) {
        GenericContainer<?> container = container(name, network)
                .withCopyToContainer(Transferable.of(sentinelConf), SENTINEL_CONF)
                .withCommand(SENTINEL_CONF, "--sentinel");
        return start(new ContainerNode(name, SENTINEL_PORT, container));
    }

    @SuppressWarnings("resource")
    private static GenericContainer<?> container(String name, Network network) {
        return new GenericContainer<>(DockerImageName.parse(ScratchRedisImage.resolve()))
                .withNetwork(network)
                .withNetworkAliases(name)
                .withLabels(ScratchRedisImage.LABELS)
                .withCreateContainerCmdModifier(cmd -> cmd.withName("verdict-chaos-" + name + "-" + Long.toHexString(System.nanoTime())))
                .waitingFor(Wait.forLogMessage(".*(Ready to accept connections|Sentinel ID is).*\\n", 1)
                        .withStartupTimeout(Duration.ofSeconds(30)));
    }

    private static ContainerNode start(ContainerNode node) {
        Teardown.atExit(node);
        try {
            node.container.start();
            node.ip = node.inspect().getNetworkSettings().getNetworks().values().iterator().next().getIpAddress();
            node.awaitPing(Duration.ofSeconds(10));
            return node;
        } catch (RuntimeException e) {
            node.close();
            throw e;
        }
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
        return port;
    }

    /** kill -9: the server dies at once without saving; the container and its /data remain. */
    @Override
    public void kill() {
        docker().killContainerCmd(containerId()).withSignal("KILL").exec();
    }

    /** Starts the killed server again in the same container, with the same data directory and address. */
    @Override
    public void restart() {
        docker().startContainerCmd(containerId()).exec();
        String now = inspect().getNetworkSettings().getNetworks().values().iterator().next().getIpAddress();
        if (!now.equals(ip)) {
            throw new IllegalStateException(name + " came back at " + now + " instead of " + ip);
        }
        awaitPing(Duration.ofSeconds(30));
    }

    /** SIGSTOP for the whole container (docker pause): connections stay open, nothing is answered. */
    @Override
    public void pause() {
        docker().pauseContainerCmd(containerId()).exec();
    }

    @Override
    public void resume() {
        docker().unpauseContainerCmd(containerId()).exec();
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
        return docker().inspectContainerCmd(containerId()).exec();
    }

    private String containerId() {
        return container.getContainerId();
    }

    private static DockerClient docker() {
        return DockerClientFactory.instance().client();
    }

    @Override
    public void close() {
        try {
            if (container.getContainerId() != null) {
                try {
                    docker().unpauseContainerCmd(containerId()).exec();
                } catch (RuntimeException notPaused) {
                    // Usual case: it was not paused. A paused container cannot be stopped.
                }
            }
            container.stop();
        } finally {
            Teardown.release(this);
        }
    }

    @Override
    public String toString() {
        return name + "@" + address();
    }
}
