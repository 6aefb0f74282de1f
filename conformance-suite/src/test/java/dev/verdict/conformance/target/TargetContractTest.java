package dev.verdict.conformance.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import java.net.ConnectException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.util.SafeEncoder;

/**
 * What every kind of target must do, run against each kind this machine can start
 * ({@code -Dverdict.targets} narrows the list); kinds it cannot start and faults a target does
 * not offer are skipped with the reason.
 */
class TargetContractTest {

    private static final EnumSet<TargetKind> REAL_REDIS = EnumSet.of(TargetKind.REDIS_CONTAINER, TargetKind.REDIS_PROCESS);
    private static final ClientResources LETTUCE = DefaultClientResources.builder()
            .ioThreadPoolSize(1).computationThreadPoolSize(1).build();

    static List<TargetSpec> targets() {
        return TargetSpec.selected();
    }

    @AfterAll
    static void shutDownLettuce() {
        LETTUCE.shutdown(0, 2, TimeUnit.SECONDS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void answersPingSetAndGetThroughJedis(TargetSpec spec) {
        try (Target target = started(spec, Map.of()); Jedis jedis = ServerProbe.jedis(target.endpoint(), 2000)) {
            assertThat(jedis.ping()).isEqualTo("PONG");
            assertThat(jedis.set("greeting", "hello")).isEqualTo("OK");
            assertThat(jedis.get("greeting")).isEqualTo("hello");
            assertThat(jedis.get("never-set")).isNull();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void versionIsTheOneInfoServerReports(TargetSpec spec) {
        try (Target target = started(spec, Map.of())) {
            requireCommand(target, "INFO");
            assertThat(target.version())
                    .matches("\\d+\\.\\d+\\.\\d+")
                    .isEqualTo(ServerProbe.info(target.endpoint(), "server").get("redis_version"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void answersPingSetAndGetThroughLettuce(TargetSpec spec) {
        try (Target target = started(spec, Map.of())) {
            RedisClient client = RedisClient.create(LETTUCE, RedisURI.builder()
                    .withHost(target.endpoint().host()).withPort(target.endpoint().port())
                    .withTimeout(Duration.ofSeconds(2)).build());
            try (StatefulRedisConnection<String, String> connection = client.connect()) {
                RedisCommands<String, String> redis = connection.sync();
                assertThat(redis.ping()).isEqualTo("PONG");
                assertThat(redis.set("greeting", "hello")).isEqualTo("OK");
                assertThat(redis.get("greeting")).isEqualTo("hello");
                assertThat(redis.get("never-set")).isNull();
            } finally {
                client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void killMakesTheEndpointRefuseConnections(TargetSpec spec) {
        try (Target target = started(spec, Map.of())) {
            requireFault(target, Fault.KILL);
            Endpoint endpoint = target.endpoint();
            target.kill();
            // Docker releases a dead container's port mapping a moment after it stops.
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThatThrownBy(() -> new Socket(endpoint.host(), endpoint.port()).close())
                            .isInstanceOf(ConnectException.class)
                            .hasMessageContaining("Connection refused"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void pauseLeavesRequestsUnansweredUntilResume(TargetSpec spec) {
        try (Target target = started(spec, Map.of()); Jedis before = ServerProbe.jedis(target.endpoint(), 500)) {
            requireFault(target, Fault.PAUSE);
            assertThat(before.ping()).isEqualTo("PONG");
            target.pause();
            assertThatThrownBy(before::ping)
                    .isInstanceOf(JedisConnectionException.class)
                    .hasRootCauseInstanceOf(SocketTimeoutException.class);
            target.resume();
            try (Jedis after = ServerProbe.jedis(target.endpoint(), 2000)) {
                assertThat(after.ping()).isEqualTo("PONG");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void restartAfterKillComesBackOnTheSameEndpointWithItsConfiguration(TargetSpec spec) {
        Map<String, String> persistent = Map.of("appendonly", "yes");
        try (Target target = started(spec, persistent)) {
            requireFault(target, Fault.RESTART);
            assertThat(target.config()).isEqualTo(persistent);
            Endpoint endpoint = target.endpoint();
            try (Jedis jedis = ServerProbe.jedis(endpoint, 2000)) {
                assertThat(jedis.set("survivor", "still here")).isEqualTo("OK");
            }
            target.kill();
            target.restart();
            assertThat(target.endpoint()).isEqualTo(endpoint);
            try (Jedis jedis = ServerProbe.jedis(endpoint, 2000)) {
                assertThat(jedis.ping()).isEqualTo("PONG");
                if (REAL_REDIS.contains(target.kind())) {
                    // The reference server does not persist yet; real Redis must replay its AOF.
                    assertThat(jedis.configGet("appendonly")).containsEntry("appendonly", "yes");
                    assertThat(jedis.get("survivor")).isEqualTo("still here");
                }
            }
        }
    }

    private static Target started(TargetSpec spec, Map<String, String> config) {
        spec.unavailableReason().ifPresent(reason -> assumeTrue(false, spec + " cannot start here: " + reason));
        Target target = spec.create(config);
        target.start();
        return target;
    }

    /** Skips, naming the gap, when the server answers Redis's unknown-command error. */
    private static void requireCommand(Target target, String command) {
        try (Jedis jedis = ServerProbe.jedis(target.endpoint(), 2000)) {
            jedis.sendCommand(() -> SafeEncoder.encode(command));
        } catch (JedisDataException e) {
            assumeFalse(e.getMessage().startsWith("ERR unknown command"),
                    () -> target.name() + " does not implement " + command + " yet: " + e.getMessage());
        }
    }

    private static void requireFault(Target target, Fault fault) {
        assumeTrue(target.supportedFaults().contains(fault), () -> target.whyUnsupported(fault));
    }
}
