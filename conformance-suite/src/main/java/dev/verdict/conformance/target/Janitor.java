package dev.verdict.conformance.target;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Network;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * Guarantees that nothing the harness starts outlives it, without Testcontainers' Ryuk (its
 * image cannot be pulled here). Three layers: every live resource is closed by a JVM shutdown
 * hook; every container, network and child process is marked with its owner ({@link Ownership});
 * and the first target started in a JVM sweeps away what owners that died without their
 * shutdown hook (kill -9, OOM) left behind. Other live runs' resources are never touched.
 */
public final class Janitor {

    private static final Logger LOG = LoggerFactory.getLogger(Janitor.class);

    /** One file per live child process: {@code <owner>#<child>}, both {@code pid@start}. */
    static final Path PROCESS_REGISTRY =
            Path.of(System.getProperty("java.io.tmpdir"), "verdict-harness", "processes");

    private static final Set<AutoCloseable> LIVE = Collections.synchronizedSet(new LinkedHashSet<>());
    private static boolean swept;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Janitor::closeAll, "verdict-janitor"));
    }

    private Janitor() {
    }

    /** Sweeps leftovers of dead owners, once per JVM; every target calls it before starting. */
    public static synchronized void sweepLeftoversOnce() {
        if (swept) {
            return;
        }
        swept = true;
        sweepProcesses();
        if (Docker.available()) {
            sweepDocker(DockerClientFactory.instance().client());
        }
    }

    /** Closes the resource when the JVM exits, unless {@link #release} came first. */
    public static void closeAtExit(AutoCloseable resource) {
        LIVE.add(resource);
    }

    public static void release(AutoCloseable resource) {
        LIVE.remove(resource);
    }

    /**
     * Records a live child process so a later run can kill it if this JVM dies without cleaning
     * up; returns the record, to {@link #unregisterProcess} once the child has exited.
     */
    static Path registerProcess(ProcessHandle child) {
        Path record = PROCESS_REGISTRY.resolve(
                Ownership.ownerId(ProcessHandle.current()) + "#" + Ownership.ownerId(child));
        try {
            Files.createDirectories(PROCESS_REGISTRY);
            Files.writeString(record, child.info().commandLine().orElse(""), StandardCharsets.UTF_8);
            return record;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record child process " + child.pid(), e);
        }
    }

    static void unregisterProcess(Path record) {
        try {
            Files.deleteIfExists(record);
        } catch (IOException e) {
            LOG.warn("cannot remove the process record {}", record, e);
        }
    }

    static void sweepProcesses() {
        if (!Files.isDirectory(PROCESS_REGISTRY)) {
            return;
        }
        try (DirectoryStream<Path> records = Files.newDirectoryStream(PROCESS_REGISTRY)) {
            for (Path record : records) {
                String[] ids = record.getFileName().toString().split("#", 2);
                if (ids.length != 2 || Ownership.isAlive(ids[0])) {
                    continue;
                }
                Ownership.processOf(ids[1]).ifPresent(orphan -> {
                    LOG.info("killing process {} left behind by dead harness run {}", orphan.pid(), ids[0]);
                    orphan.destroyForcibly();
                });
                Files.deleteIfExists(record);
            }
        } catch (IOException e) {
            LOG.warn("cannot sweep leftover processes in {}", PROCESS_REGISTRY, e);
        }
    }

    static void sweepDocker(DockerClient docker) {
        List<Container> containers = docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(List.of(Ownership.HARNESS_LABEL + "=true")).exec();
        for (Container container : containers) {
            String owner = container.getLabels().get(Ownership.OWNER_LABEL);
            if (ownerIsGone(owner)) {
                LOG.info("removing container {} left behind by dead harness run {}", container.getId(), owner);
                try {
                    docker.removeContainerCmd(container.getId()).withForce(true).withRemoveVolumes(true).exec();
                } catch (RuntimeException e) {
                    LOG.warn("cannot remove leftover container {}", container.getId(), e);
                }
            }
        }
        List<Network> networks = docker.listNetworksCmd()
                .withFilter("label", List.of(Ownership.HARNESS_LABEL + "=true")).exec();
        for (Network network : networks) {
            String owner = network.getLabels().get(Ownership.OWNER_LABEL);
            if (ownerIsGone(owner)) {
                LOG.info("removing network {} left behind by dead harness run {}", network.getName(), owner);
                try {
                    docker.removeNetworkCmd(network.getId()).exec();
                } catch (RuntimeException e) {
                    LOG.warn("cannot remove leftover network {}", network.getName(), e);
                }
            }
        }
    }

    /** Without an owner label nobody can tell whether its run still lives, so it is left alone. */
    private static boolean ownerIsGone(String owner) {
        return owner != null && !Ownership.isAlive(owner);
    }

    private static void closeAll() {
        List<AutoCloseable> resources;
        synchronized (LIVE) {
            resources = new ArrayList<>(LIVE);
        }
        Collections.reverse(resources);
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("cannot close {} at exit", resource, e);
            }
        }
    }
}
