package dev.verdict.conformance.target;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.testcontainers.DockerClientFactory;

/**
 * A server in a container (real Redis or the reference server). Its loopback host port comes from
 * {@link FreePorts} and is bound explicitly, so it stays the same across a restart; the container
 * and its {@code /data} live until {@link #stop()}, which removes them. Topologies wrap their own
 * containers (on a {@link HarnessNetwork}, with aliases and replica arguments) in one of these to
 * get the faults.
 */
public final class ContainerTarget implements Target {

    private static final Duration STARTUP = Duration.ofSeconds(60);

    private final String name;
    private final TargetKind kind;
    private final ServerContainer<?> container;
    private final Map<String, String> config;
    private Endpoint endpoint;
    private String version;
    private boolean paused;

    /** A target around a container that is not started yet; {@code config} is added to its command line. */
    public ContainerTarget(String name, TargetKind kind, ServerContainer<?> container, Map<String, String> config) {
        this.name = name;
        this.kind = kind;
        this.container = container.withConfig(config);
        this.config = Map.copyOf(config);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public TargetKind kind() {
        return kind;
    }

    @Override
    public synchronized void start() {
        if (endpoint != null) {
            return;
        }
        int hostPort = FreePorts.allocate();
        container.withLoopbackHostPort(hostPort);
        try {
            container.start();
            endpoint = new Endpoint("127.0.0.1", hostPort);
            ServerProbe.awaitPing(endpoint, STARTUP, this::running, name);
        } catch (RuntimeException e) {
            container.stop();
            endpoint = null;
            throw e;
        }
    }

    @Override
    public synchronized void stop() {
        if (endpoint == null) {
            return;
        }
        try {
            if (paused) {
                resume();
            }
        } finally {
            container.stop();
            endpoint = null;
        }
    }

    @Override
    public synchronized Endpoint endpoint() {
        requireStarted();
        return endpoint;
    }

    @Override
    public synchronized String version() {
        requireStarted();
        if (version == null) {
            version = ServerProbe.version(endpoint);
        }
        return version;
    }

    @Override
    public Map<String, String> config() {
        return config;
    }

    @Override
    public Set<Fault> supportedFaults() {
        return EnumSet.allOf(Fault.class);
    }

    @Override
    public synchronized void kill() {
        requireStarted();
        docker().killContainerCmd(id()).withSignal("SIGKILL").exec();
        paused = false;
        awaitStopped();
    }

    @Override
    public synchronized void pause() {
        requireStarted();
        docker().pauseContainerCmd(id()).exec();
        paused = true;
    }

    @Override
    public synchronized void resume() {
        requireStarted();
        docker().unpauseContainerCmd(id()).exec();
        paused = false;
    }

    @Override
    public synchronized void restart() {
        requireStarted();
        if (paused) {
            resume();
        }
        if (running()) {
            docker().stopContainerCmd(id()).withTimeout(10).exec();
            awaitStopped();
        }
        docker().startContainerCmd(id()).exec();
        ServerProbe.awaitPing(endpoint, STARTUP, this::running, name);
    }

    /** The container behind this target, for callers that need Docker-level access (logs, network). */
    public ServerContainer<?> container() {
        return container;
    }

    @Override
    public String toString() {
        return name;
    }

    private boolean running() {
        InspectContainerResponse.ContainerState state = docker().inspectContainerCmd(id()).exec().getState();
        return Boolean.TRUE.equals(state.getRunning());
    }

    private void awaitStopped() {
        Instant deadline = Instant.now().plusSeconds(30);
        while (running()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(name + " still runs 30 s after being stopped");
            }
            ServerProbe.sleep(20);
        }
    }

    private String id() {
        return container.getContainerId();
    }

    private void requireStarted() {
        if (endpoint == null) {
            throw new IllegalStateException(name + " is not started");
        }
    }

    private static DockerClient docker() {
        return DockerClientFactory.instance().client();
    }
}
