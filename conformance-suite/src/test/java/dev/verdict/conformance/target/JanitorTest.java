package dev.verdict.conformance.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

class JanitorTest {

    /** An owner id no process has: pid near the maximum, started at the epoch. */
    private static final String DEAD_OWNER = "4194000@1";

    @Test
    void sweepRemovesContainersOfDeadOwnersOnly() {
        assumeTrue(Docker.available(), "no Docker engine answers");
        assumeTrue(RedisImage.localBinary().isPresent(), "no redis-server binary to build an image from");
        DockerClient docker = DockerClientFactory.instance().client();
        String image = RedisImage.resolve();
        String liveOwner = Ownership.ownerId(ProcessHandle.current().parent().orElseThrow());
        String orphan = createdContainer(docker, image, DEAD_OWNER);
        String otherRun = createdContainer(docker, image, liveOwner);
        String ownerless = createdContainer(docker, image, null);
        try {
            Janitor.sweepDocker(docker);
            assertThat(exists(docker, orphan)).as("container of a dead run").isFalse();
            assertThat(exists(docker, otherRun)).as("container of a live run").isTrue();
            assertThat(exists(docker, ownerless)).as("container whose owner is unknown").isTrue();
        } finally {
            docker.removeContainerCmd(otherRun).withForce(true).exec();
            docker.removeContainerCmd(ownerless).withForce(true).exec();
            if (exists(docker, orphan)) {
                docker.removeContainerCmd(orphan).withForce(true).exec();
            }
        }
    }

    @Test
    void sweepKillsProcessesOfDeadOwnersAndSparesThoseOfLiveOnes() throws IOException {
        Process orphan = new ProcessBuilder("sleep", "300").start();
        Process otherRuns = new ProcessBuilder("sleep", "300").start();
        Files.createDirectories(Janitor.PROCESS_REGISTRY);
        Path orphanRecord = Janitor.PROCESS_REGISTRY.resolve(DEAD_OWNER + "#" + Ownership.ownerId(orphan.toHandle()));
        Path liveRecord = Janitor.registerProcess(otherRuns.toHandle());
        Files.writeString(orphanRecord, "sleep 300");
        try {
            Janitor.sweepProcesses();
            await().atMost(Duration.ofSeconds(5)).until(() -> !orphan.isAlive());
            assertThat(orphanRecord).doesNotExist();
            assertThat(otherRuns.isAlive()).isTrue();
            assertThat(liveRecord).exists();
        } finally {
            orphan.destroyForcibly();
            otherRuns.destroyForcibly();
            Files.deleteIfExists(orphanRecord);
            Janitor.unregisterProcess(liveRecord);
        }
    }

    @Test
    void ownerIdsOfReusedPidsDoNotCountAsAlive() {
        ProcessHandle self = ProcessHandle.current();
        assertThat(Ownership.isAlive(Ownership.ownerId(self))).isTrue();
        assertThat(Ownership.isAlive(self.pid() + "@1")).isFalse();
        assertThat(Ownership.isAlive(DEAD_OWNER)).isFalse();
        assertThat(Ownership.isAlive("garbage")).isFalse();
    }

    private static String createdContainer(DockerClient docker, String image, String owner) {
        Map<String, String> labels = new HashMap<>(Ownership.labels());
        if (owner == null) {
            labels.remove(Ownership.OWNER_LABEL);
        } else {
            labels.put(Ownership.OWNER_LABEL, owner);
        }
        return docker.createContainerCmd(image).withCmd("redis-server").withLabels(labels).exec().getId();
    }

    private static boolean exists(DockerClient docker, String id) {
        try {
            docker.inspectContainerCmd(id).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }
}
