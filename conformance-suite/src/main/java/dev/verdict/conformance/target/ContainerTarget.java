package dev.verdict.conformance.target;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import java.time.Duration;
import java.util.Map;
import org.testcontainers.DockerClientFactory;

/**
 * A server in a container (real Redis or the reference server). Its loopback host port comes from
 * {@link FreePorts} and is bound explicitly, so it stays the same across a restart; the container
 * and its {@code /data} live until {@link #stop()}, which removes them. Topologies wrap their own
 * containers (on a {@link HarnessNetwork}, with aliases and replica arguments) in one of these to
 * get the faults.
 */
public final class ContainerTarget extends OwnedTarget {

    private static final Duration STARTUP = Duration.ofSeconds(60);

    private final ServerContainer<?> container;
    private boolean paused;

    /** A target around a container that is not started yet; {@code config} is added to its command line. */
    public ContainerTarget(String name, TargetKind kind, ServerContainer<?> container, Map<String, String> config) {
        super(name, kind, config);
        this.container = container.withConfig(config);
    }

    @Override
    public synchronized void start() {
        if (isStarted()) {
            return;
        }
        int hostPort = FreePorts.allocate();
        container.withLoopbackHostPort(hostPort);
        try {
            container.start();
            startedAt(new Endpoint("127.0.0.1", hostPort));
            ServerProbe.awaitPing(endpoint(), STARTUP, this::running, name());
        } catch (RuntimeException e) {
            container.stop();
            markStopped();
            throw e;
        }
    }

    @Override
    public synchronized void stop() {
        if (!isStarted()) {
            return;
        }
        try {
            if (paused) {
                resume();
            }
        } finally {
            container.stop();
            markStopped();
        }
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
        ServerProbe.awaitPing(endpoint(), STARTUP, this::running, name());
    }

    /** The container behind this target, for callers that need Docker-level access (logs, network). */
    public ServerContainer<?> container() {
        return container;
    }

    private boolean running() {
        InspectContainerResponse.ContainerState state = docker().inspectContainerCmd(id()).exec().getState();
        return Boolean.TRUE.equals(state.getRunning());
    }

    private void awaitStopped() {
        awaitUntil(() -> !running(), Duration.ofSeconds(30), 20, " still runs 30 s after being stopped");
    }

    private String id() {
        return container.getContainerId();
    }

    private static DockerClient docker() {
        return DockerClientFactory.instance().client();
    }
}
