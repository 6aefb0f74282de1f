package dev.verdict.conformance.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.Network;
import org.testcontainers.images.builder.Transferable;

class RedisImageTest {

    private static Path binary;
    private static String image;

    @BeforeAll
    static void buildImageFromTheLocalBinary() {
        assumeTrue(Docker.available(), "no Docker engine answers");
        binary = RedisImage.localBinary().orElse(null);
        assumeTrue(binary != null, "no redis-server binary on the PATH");
        image = RedisImage.fromBinary(binary);
    }

    @Test
    void imageIsTaggedWithTheBinaryVersionAndAnswersInfoServerWithIt() {
        String version = RedisImage.binaryVersion(binary);
        assertThat(image).isEqualTo("verdict/redis:" + version);
        try (RedisContainer redis = new RedisContainer(image).withLoopbackHostPort(FreePorts.allocate())) {
            redis.start();
            Endpoint endpoint = new Endpoint("127.0.0.1", redis.getMappedPort(RedisContainer.PORT));
            assertThat(ServerProbe.info(endpoint, "server"))
                    .containsEntry("redis_version", version)
                    .containsEntry("redis_mode", "standalone");
        }
    }

    @Test
    void buildingAgainReusesTheTaggedImage() {
        String id = imageId(image);
        assertThat(RedisImage.fromBinary(binary)).isEqualTo(image);
        assertThat(imageId(image)).isEqualTo(id);
    }

    @Test
    void sameImageRunsSentinelFromAWritableConfigFile() {
        try (RedisContainer sentinel = new RedisContainer(image)
                .withCopyToContainer(Transferable.of("sentinel monitor primary 127.0.0.1 6390 1\n"), "/data/sentinel.conf")
                .asSentinel("/data/sentinel.conf")) {
            sentinel.start();
            Endpoint endpoint = new Endpoint("127.0.0.1", sentinel.getMappedPort(RedisContainer.PORT));
            assertThat(ServerProbe.info(endpoint, "server")).containsEntry("redis_mode", "sentinel");
        }
    }

    @Test
    void containersOnOneNetworkReachEachOtherByAlias() {
        try (Network network = HarnessNetwork.create();
                RedisContainer primary = new RedisContainer(image).withNetwork(network).withNetworkAliases("primary");
                RedisContainer replica = new RedisContainer(image).withNetwork(network)
                        .withArgs("--replicaof", "primary", String.valueOf(RedisContainer.PORT))) {
            primary.start();
            replica.start();
            Endpoint endpoint = new Endpoint("127.0.0.1", replica.getMappedPort(RedisContainer.PORT));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(ServerProbe.info(endpoint, "replication"))
                            .containsEntry("role", "slave")
                            .containsEntry("master_link_status", "up"));
        }
    }

    private static String imageId(String image) {
        return org.testcontainers.DockerClientFactory.instance().client().inspectImageCmd(image).exec().getId();
    }
}
